import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CircuitError } from '../../src/circuit/circuit-error.js'
import { standardGate } from '../../src/circuit/library/standard-gates.js'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { randomUnitary } from '../../src/math/random-unitary.js'
import { Operator } from '../../src/quantum-info/operator.js'
import { Pauli } from '../../src/quantum-info/pauli.js'
import { QuantumInfoError } from '../../src/quantum-info/quantum-info-error.js'
import { SparsePauliOp } from '../../src/quantum-info/sparse-pauli-op.js'
import { matrixFromJson, PY_MATRIX_HELPERS, pythonJson } from '../math/support/python.js'
import { embed, randomCircuit } from './support.js'

const S = Math.SQRT1_2

describe('Operator', () => {
  it('gives the Bell circuit the numpy matrix CX·(I⊗H)', () => {
    const op = Operator.fromCircuit(new QuantumCircuit(2).h(0).cx(0, 1))
    const ref = pythonJson<number[][][]>(`${PY_MATRIX_HELPERS}
H=np.array([[1,1],[1,-1]])/np.sqrt(2)
CX=np.array([[1,0,0,0],[0,0,0,1],[0,0,1,0],[0,1,0,0]])  # control = qubit 0 (little-endian)
print(json.dumps(cm(CX@np.kron(np.eye(2),H))))`)
    expect(op.numQubits).toBe(2)
    expect(op.dim).toBe(4)
    expect(op.data.equals(matrixFromJson(ref), 1e-15)).toBe(true)
    expect(op.isUnitary()).toBe(true)
  })

  it('composes as "this, then other", dots as the matrix product, on qargs too', () => {
    const rng = new SeededRng(1)
    const a = new Operator(randomUnitary(8, rng))
    const b = new Operator(randomUnitary(8, rng))
    const c = new Operator(randomUnitary(4, rng))
    expect(a.compose(b).data.equals(b.data.mul(a.data), 1e-13)).toBe(true)
    expect(a.dot(b).data.equals(a.data.mul(b.data), 1e-13)).toBe(true)
    expect(a.compose(b, { front: true }).equals(a.dot(b))).toBe(true)
    for (const qargs of [
      [0, 1],
      [2, 0],
      [1, 2],
    ]) {
      const full = embed(c.data, qargs, 3)
      expect(a.compose(c, { qargs }).data.equals(full.mul(a.data), 1e-13)).toBe(true)
      expect(a.dot(c, { qargs }).data.equals(a.data.mul(full), 1e-13)).toBe(true)
    }
  })

  it('matches circuit composition on random circuits (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rng = new SeededRng(seed)
        const a = randomCircuit(3, 8, rng)
        const b = randomCircuit(2, 6, rng)
        const composed = a.compose(b, { qubits: [2, 0] })
        const viaOp = Operator.fromCircuit(a).compose(Operator.fromCircuit(b), { qargs: [2, 0] })
        expect(viaOp.equals(Operator.fromCircuit(composed))).toBe(true)
      }),
      { seed: 5, numRuns: 50 },
    )
  })

  it('tensors and expands with the other operand on the low qubits', () => {
    const x = Operator.from(new Pauli('X'))
    const z = Operator.from(new Pauli('Z'))
    expect(x.tensor(z).equals(new Pauli('XZ'))).toBe(true)
    expect(x.expand(z).equals(new Pauli('ZX'))).toBe(true)
  })

  it('compares up to global phase with equiv and exactly with equals', () => {
    const u = Operator.fromCircuit(randomCircuit(3, 10, new SeededRng(3)))
    const v = new Operator(u.data.scale(Complex.expi(1.234)))
    expect(u.equiv(v)).toBe(true)
    expect(u.equals(v)).toBe(false)
    expect(u.equals(u.toMatrix())).toBe(true)
    const w = new Operator(u.data.add(ComplexMatrix.identity(8).scale(1e-4)))
    expect(u.equiv(w)).toBe(false)
    expect(u.equiv(w, { atol: 1e-3 })).toBe(true)
    // rz(θ) and p(θ) differ by a phase only.
    const rz = Operator.from(standardGate('rz', [0.7]))
    expect(rz.equiv(standardGate('p', [0.7]))).toBe(true)
    expect(rz.equals(standardGate('p', [0.7]))).toBe(false)
  })

  it('takes adjoints, transposes, conjugates and powers', () => {
    const rng = new SeededRng(4)
    const u = new Operator(randomUnitary(4, rng))
    expect(u.compose(u.adjoint()).equals(ComplexMatrix.identity(4))).toBe(true)
    expect(u.transpose().data.equals(u.data.transpose(), 0)).toBe(true)
    expect(u.conjugate().data.equals(u.data.adjoint().transpose(), 0)).toBe(true)
    expect(u.power(3).equals(u.dot(u).dot(u))).toBe(true)
    expect(u.power(0).equals(ComplexMatrix.identity(4))).toBe(true)
    expect(u.power(-2).equals(u.adjoint().dot(u.adjoint()))).toBe(true)
    expect(u.power(0.5).power(2).equals(u)).toBe(true)
    expect(Operator.from(standardGate('x')).power(0.5).equals(standardGate('sx'))).toBe(true)
    const nonUnitary = new Operator(ComplexMatrix.identity(2).scale(2))
    expect(nonUnitary.power(3).equals(ComplexMatrix.identity(2).scale(8))).toBe(true)
    expect(() => nonUnitary.power(-1)).toThrow(QuantumInfoError)
    expect(() => nonUnitary.power(0.5)).toThrow(QuantumInfoError)
  })

  it('converts gates, instructions with definitions, Paulis and SparsePauliOps', () => {
    expect(
      Operator.from(standardGate('h')).equals(
        ComplexMatrix.fromRows([
          [S, S],
          [S, -S],
        ]),
      ),
    ).toBe(true)
    const inst = new QuantumCircuit(2).h(0).cx(0, 1).toInstruction()
    expect(Operator.from(inst).equals(new QuantumCircuit(2).h(0).cx(0, 1))).toBe(true)
    const sp = SparsePauliOp.fromList([
      ['XX', 0.5],
      ['ZZ', 0.5],
    ])
    expect(Operator.from(sp).data.equals(sp.toMatrix(), 0)).toBe(true)
  })

  it('rejects non-unitary circuits, bad shapes and mismatched sizes', () => {
    expect(() => Operator.fromCircuit(new QuantumCircuit(1, 1).measure(0, 0))).toThrow(CircuitError)
    expect(() => new Operator(new ComplexMatrix(3, 3))).toThrow(RangeError)
    const a = new Operator(ComplexMatrix.identity(4))
    expect(() => a.compose(ComplexMatrix.identity(2))).toThrow(QuantumInfoError)
    expect(() => a.compose(ComplexMatrix.identity(2), { qargs: [2] })).toThrow(RangeError)
  })
})
