import { describe, expect, it } from 'vitest'
import { standardGate } from '../../src/circuit/library/standard-gates.js'
import { oneQubitGateMatrix, type OneQubitGateName } from '../../src/math/one-qubit-gate-matrix.js'
import { TwoQubitBasisDecomposer } from '../../src/math/two-qubit-basis-decomposer.js'

describe('math gate matrices agree with the circuit library', () => {
  it('for every 1-qubit gate the Euler decompositions emit', () => {
    const cases: [OneQubitGateName, number[]][] = [
      ['rz', [0.7]],
      ['ry', [-1.3]],
      ['rx', [2.2]],
      ['p', [0.4]],
      ['u1', [-2.9]],
      ['u2', [0.3, -1.1]],
      ['u3', [1.2, 0.5, -0.8]],
      ['u', [2.5, -2, 3]],
      ['sx', []],
      ['x', []],
      ['r', [0.9, 0.6]],
    ]
    for (const [name, params] of cases) {
      expect(
        oneQubitGateMatrix(name, params).equals(standardGate(name, params).toMatrix(), 1e-14),
        name,
      ).toBe(true)
    }
  })

  it('for the basis gates of the two-qubit decomposer', () => {
    for (const name of ['cx', 'cz', 'ecr'] as const) {
      expect(
        new TwoQubitBasisDecomposer(name).gateMatrix.equals(standardGate(name).toMatrix(), 1e-15),
        name,
      ).toBe(true)
    }
  })
})
