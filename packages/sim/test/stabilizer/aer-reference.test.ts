/**
 * Qiskit Aer's hand-derived Clifford reference cases (`shared/data/qiskit-aer-reference`):
 * final states, unitaries (their action on Paulis) and exact measurement probabilities.
 */
import { readFileSync } from 'node:fs'
import {
  ClassicalRegister,
  QuantumCircuit,
  QuantumRegister,
  standardGate,
  type StandardGateName,
} from '@qfabric/core/circuit'
import { ComplexMatrix, complex } from '@qfabric/core/math'
import { Pauli, Statevector } from '@qfabric/core/quantum-info'
import { describe, expect, it } from 'vitest'
import { compileStabilizerCircuit } from '../../src/stabilizer/compile-stabilizer.js'
import { runStabilizer } from '../../src/stabilizer/run-stabilizer.js'
import { runUnitaryProgram, stabilizesState } from './clifford-circuits.js'

interface CaseOp {
  readonly name: string
  readonly qubits: readonly number[]
  readonly clbits: readonly number[]
  readonly params: readonly number[]
  readonly unit?: string
}

interface AerCase {
  readonly id: string
  readonly kind: 'statevector' | 'unitary' | 'counts'
  readonly circuit: {
    readonly qregs: readonly [string, number][]
    readonly cregs: readonly [string, number][]
    readonly ops: readonly CaseOp[]
  }
  readonly expected_statevector?: readonly [number, number][]
  readonly expected_unitary?: readonly (readonly [number, number][])[]
  readonly expected_probabilities_hex?: Record<string, number>
}

const DATA = `${process.env['QFABRIC_SHARED']}/data/qiskit-aer-reference/simulator_cases.json`
const CASES = (JSON.parse(readFileSync(DATA, 'utf8')) as { cases: AerCase[] }).cases

function build(c: AerCase): QuantumCircuit {
  const regs = [
    ...c.circuit.qregs.map(([name, size]) => new QuantumRegister(size, name)),
    ...c.circuit.cregs.map(([name, size]) => new ClassicalRegister(size, name)),
  ]
  const qc = new QuantumCircuit(...regs)
  for (const op of c.circuit.ops) {
    if (op.name === 'measure') qc.measure(op.qubits[0]!, op.clbits[0]!)
    else if (op.name === 'barrier') qc.barrier(...op.qubits)
    else if (op.name === 'delay') qc.delay(op.params[0]!, op.qubits[0], 'dt')
    else qc.append(standardGate(op.name as StandardGateName, op.params), [...op.qubits])
  }
  return qc
}

function byKind(kind: AerCase['kind']): [string, AerCase][] {
  return CASES.filter((c) => c.kind === kind).map((c) => [c.id, c])
}

describe('Qiskit Aer Clifford reference cases', () => {
  it('holds 154 cases', () => {
    expect(CASES).toHaveLength(154)
  })

  it.each(byKind('statevector'))('%s: reaches the expected state', (_, c) => {
    const t = runUnitaryProgram(compileStabilizerCircuit(build(c)))
    const expected = new Statevector(c.expected_statevector!.map(([re, im]) => complex(re, im)))
    expect(stabilizesState(t, expected)).toBe(true)
  })

  it.each(byKind('unitary'))('%s: conjugates X_i and Z_i as the expected unitary does', (_, c) => {
    const t = runUnitaryProgram(compileStabilizerCircuit(build(c)))
    const u = ComplexMatrix.fromRows(
      c.expected_unitary!.map((row) => row.map(([re, im]) => complex(re, im))),
    )
    // Under gates alone the tableau rows are exactly U X_i U† (destabilizers) and U Z_i U† (stabilizers).
    const n = t.numQubits
    const images = [...t.destabilizers(), ...t.stabilizers()]
    images.forEach((signed, k) => {
      const i = k % n
      const generator = new Pauli(`${k < n ? 'X' : 'Z'}${'I'.repeat(i)}`.padStart(n, 'I'))
      const conjugated = u.mul(generator.toMatrix()).mul(u.adjoint())
      const image = new Pauli(signed.slice(1)).toMatrix().scale(signed.startsWith('-') ? -1 : 1)
      expect(conjugated.equals(image, 1e-9)).toBe(true)
    })
  })

  it.each(byKind('counts'))('%s: samples the expected probabilities', async (_, c) => {
    const shots = 1000
    const { counts } = await runStabilizer(build(c), { shots, seed: 7 })
    // The hex keys (bit k = clbit k) are the documented convention; a few `_bits` keys of the
    // data set are bit-reversed, so they are not used.
    const numClbits = c.circuit.cregs.reduce((a, [, size]) => a + size, 0)
    const expected = new Map(
      Object.entries(c.expected_probabilities_hex!).map(([k, p]) => [
        BigInt(k).toString(2).padStart(numClbits, '0'),
        p,
      ]),
    )
    for (const key of counts.keys()) expect(expected.has(key), key).toBe(true)
    for (const [key, p] of expected) {
      const sigma = Math.sqrt(shots * p * (1 - p))
      expect(Math.abs((counts.get(key) ?? 0) - shots * p)).toBeLessThanOrEqual(5 * sigma + 1)
    }
  })
})
