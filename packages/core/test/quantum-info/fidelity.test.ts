import { describe, expect, it } from 'vitest'
import { standardGate } from '../../src/circuit/library/standard-gates.js'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { averageGateFidelity, gateError, processFidelity } from '../../src/quantum-info/fidelity.js'
import { QuantumInfoError } from '../../src/quantum-info/quantum-info-error.js'

describe('processFidelity and averageGateFidelity', () => {
  it('give cos²(θ/2) and (2cos²(θ/2) + 1)/3 for rz(θ) against the identity', () => {
    for (const theta of [0, 0.3, 1, Math.PI / 2, Math.PI]) {
      const c2 = Math.cos(theta / 2) ** 2
      expect(processFidelity(standardGate('rz', [theta]))).toBeCloseTo(c2, 14)
      expect(averageGateFidelity(standardGate('rz', [theta]))).toBeCloseTo((2 * c2 + 1) / 3, 14)
      expect(gateError(standardGate('rz', [theta]))).toBeCloseTo(1 - (2 * c2 + 1) / 3, 14)
    }
  })

  it('is 1 for equal gates up to phase and 1/4 for orthogonal 1-qubit Paulis', () => {
    const bell = new QuantumCircuit(2).h(0).cx(0, 1)
    const phased = bell.copy()
    phased.globalPhase = 0.9
    expect(processFidelity(bell, phased)).toBeCloseTo(1, 14)
    expect(processFidelity(standardGate('x'), standardGate('z'))).toBeCloseTo(0, 14)
    expect(averageGateFidelity(standardGate('x'), standardGate('z'))).toBeCloseTo(1 / 3, 14)
  })

  it('rejects non-unitary input and different sizes', () => {
    expect(() => processFidelity(ComplexMatrix.identity(2).scale(2))).toThrow(QuantumInfoError)
    expect(() => processFidelity(ComplexMatrix.identity(2), ComplexMatrix.identity(4))).toThrow(
      QuantumInfoError,
    )
  })
})
