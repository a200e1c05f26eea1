import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  CircuitError,
  circuitToMatrix,
  clbitCondition,
  Gate,
  Instruction,
  Parameter,
  QuantumCircuit,
  standardGate,
} from '../../src/circuit/index.js'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import {
  fromPairs,
  H,
  I2,
  kronQubits,
  numpy,
  P0,
  P1,
  rx,
  rz,
  sum,
  T,
  X,
  Y,
  Z,
} from './fixtures/dense.js'

describe('circuitToMatrix', () => {
  it('puts cx control on the low qubit for cx(0, 1) and the high one for cx(1, 0)', () => {
    // |0⟩⟨0| ⊗ I + |1⟩⟨1| ⊗ X on the control qubit, little-endian
    const cx01 = sum(kronQubits([P0, I2]), kronQubits([P1, X]))
    const cx10 = sum(kronQubits([I2, P0]), kronQubits([X, P1]))
    expect(circuitToMatrix(new QuantumCircuit(2).cx(0, 1)).equals(cx01)).toBe(true)
    expect(circuitToMatrix(new QuantumCircuit(2).cx(1, 0)).equals(cx10)).toBe(true)
    expect(cx01.equals(cx10)).toBe(false)
    // Qiskit's literal cx matrix for control qargs[0]
    expect(
      cx01.equals(
        ComplexMatrix.fromRows([
          [1, 0, 0, 0],
          [0, 0, 0, 1],
          [0, 0, 1, 0],
          [0, 1, 0, 0],
        ]),
      ),
    ).toBe(true)
  })

  it('multiplies later gates on the left (a 3-qubit circuit against hand-built kron products)', () => {
    const qc = new QuantumCircuit(3).h(0).t(2).x(1).cx(0, 2).y(1).z(0)
    const layer1 = kronQubits([H, I2, I2])
    const layer2 = kronQubits([I2, I2, T])
    const layer3 = kronQubits([I2, X, I2])
    const cx02 = sum(kronQubits([P0, I2, I2]), kronQubits([P1, I2, X]))
    const layer5 = kronQubits([I2, Y, I2])
    const layer6 = kronQubits([Z, I2, I2])
    const expected = layer6.mul(layer5).mul(cx02).mul(layer3).mul(layer2).mul(layer1)
    expect(circuitToMatrix(qc).equals(expected)).toBe(true)
  })

  it('agrees with numpy on a rotation circuit', () => {
    const qc = new QuantumCircuit(3).rx(0.3, 0).rz(1.1, 2).cx(2, 1).rx(-0.7, 1).swap(0, 2)
    const expected = fromPairs(
      numpy(`
I = np.eye(2); X = np.array([[0,1],[1,0]]); P0 = np.diag([1,0]); P1 = np.diag([0,1])
def rx(t): return np.array([[np.cos(t/2), -1j*np.sin(t/2)], [-1j*np.sin(t/2), np.cos(t/2)]])
def rz(p): return np.diag([np.exp(-1j*p/2), np.exp(1j*p/2)])
def k(q2, q1, q0): return np.kron(q2, np.kron(q1, q0))
cx21 = k(P0, I, I) + k(P1, X, I)
swap = np.zeros((8, 8))
for i in range(8):
    b0, b1, b2 = i & 1, (i >> 1) & 1, (i >> 2) & 1
    swap[b2 | (b1 << 1) | (b0 << 2), i] = 1
U = swap @ k(I, rx(-0.7), I) @ cx21 @ k(rz(1.1), I, I) @ k(I, I, rx(0.3))
out(U)`),
    )
    expect(circuitToMatrix(qc).equals(expected, 1e-12)).toBe(true)
  })

  it('includes the global phase, also from global_phase gates', () => {
    const qc = new QuantumCircuit(1, { globalPhase: 0.4 }).x(0).globalPhaseGate(0.2)
    expect(circuitToMatrix(qc).equals(X.scale(Complex.expi(0.6)))).toBe(true)
  })

  it('uses the definitions of custom gates and instructions, and ignores barriers and delays', () => {
    const def = new QuantumCircuit(2, { globalPhase: Math.PI / 2 }).h(1).cx(1, 0)
    const gate = new Gate({ name: 'bellish', numQubits: 2, definition: def })
    const inst = new Instruction({ name: 'bellish_inst', numQubits: 2, definition: def })
    const viaGate = new QuantumCircuit(3).append(gate, [2, 0]).barrier().delay(10, 1)
    const viaInst = new QuantumCircuit(3).append(inst, [2, 0])
    const direct = new QuantumCircuit(3, { globalPhase: Math.PI / 2 }).h(0).cx(0, 2)
    expect(circuitToMatrix(viaGate).equals(circuitToMatrix(direct))).toBe(true)
    expect(circuitToMatrix(viaInst).equals(circuitToMatrix(direct))).toBe(true)
  })

  it('rejects measurements, resets, conditions, control flow, and unbound parameters', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f()
      } catch (e) {
        return e instanceof CircuitError ? e.code : 'other'
      }
      return undefined
    }
    expect(code(() => circuitToMatrix(new QuantumCircuit(1, 1).measure(0, 0)))).toBe(
      'circuit.no-matrix',
    )
    expect(code(() => circuitToMatrix(new QuantumCircuit(1).reset(0)))).toBe('circuit.no-matrix')
    const conditioned = new QuantumCircuit(1, 1).append(standardGate('x'), [0], [], {
      condition: clbitCondition(0),
    })
    expect(code(() => circuitToMatrix(conditioned))).toBe('circuit.no-matrix')
    const flow = new QuantumCircuit(1, 1).ifElse(
      clbitCondition(0),
      new QuantumCircuit(1, 1).x(0),
      undefined,
      [0],
      [0],
    )
    expect(code(() => circuitToMatrix(flow))).toBe('circuit.no-matrix')
    expect(code(() => circuitToMatrix(new QuantumCircuit(1).rx(new Parameter('a'), 0)))).toBe(
      'circuit.unbound-parameter',
    )
  })

  it('matches the rotation helpers for rx and rz', () => {
    expect(circuitToMatrix(new QuantumCircuit(1).rx(0.9, 0)).equals(rx(0.9))).toBe(true)
    expect(circuitToMatrix(new QuantumCircuit(1).rz(-2.1, 0)).equals(rz(-2.1))).toBe(true)
  })
})

interface AerCase {
  id: string
  kind: 'unitary' | 'statevector' | 'counts'
  circuit: {
    qregs: [string, number][]
    num_qubits: number
    ops: { name: string; qubits: number[]; params: number[]; unit?: 'dt' }[]
  }
  expected_unitary?: [number, number][][]
  expected_statevector?: [number, number][]
  matches_phase_exact?: boolean
}

const AER = JSON.parse(
  readFileSync(
    new URL(
      '../../../../../shared/data/qiskit-aer-reference/simulator_cases.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as { cases: AerCase[] }

function aerCircuit(c: AerCase['circuit']): QuantumCircuit {
  const qc = new QuantumCircuit(c.num_qubits)
  for (const op of c.ops) {
    if (op.name === 'barrier') qc.barrier(op.qubits)
    else if (op.name === 'delay') qc.delay(op.params[0]!, op.qubits, op.unit)
    else qc.append(standardGate(op.name as 'h', op.params), op.qubits)
  }
  return qc
}

describe('circuitToMatrix against Qiskit Aer known answers', () => {
  const cases = AER.cases.filter((c) => c.kind !== 'counts')
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const u = circuitToMatrix(aerCircuit(c.circuit))
    if (c.kind === 'unitary') {
      const expected = ComplexMatrix.fromRows(c.expected_unitary!)
      expect(u.equalsUpToPhase(expected, 1e-9)).toBe(true)
      if (c.matches_phase_exact === true) expect(u.equals(expected, 1e-9)).toBe(true)
    } else {
      const column = ComplexMatrix.fromRows(Array.from({ length: u.rows }, (_, i) => [u.get(i, 0)]))
      const expected = ComplexMatrix.fromRows(c.expected_statevector!.map((z) => [z]))
      expect(column.equalsUpToPhase(expected, 1e-9)).toBe(true)
    }
  })
})
