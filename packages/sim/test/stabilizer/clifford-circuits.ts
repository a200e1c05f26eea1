/**
 * Test helpers: random Clifford circuits over a broad gate set (primitives, rotations at
 * Clifford angles, two-qubit Cliffords recognised through their matrices, custom gates through
 * definitions), and independent statevector references.
 */
import { QuantumCircuit, standardGate, type StandardGateName } from '@qfabric/core/circuit'
import { Pauli, type Statevector } from '@qfabric/core/quantum-info'
import fc from 'fast-check'
import { applyGates } from '../../src/stabilizer/apply-gates.js'
import type { StabilizerProgram } from '../../src/stabilizer/stabilizer-program.js'
import { StabilizerTableau } from '../../src/stabilizer/stabilizer-tableau.js'

const HALF_PI = Math.PI / 2

/** One gate of a random circuit: a standard gate with parameters on distinct qubits. */
export interface GateSpec {
  readonly name: StandardGateName
  readonly params: readonly number[]
  readonly qubits: readonly number[]
}

const ONE_QUBIT_FIXED = ['h', 's', 'sdg', 'x', 'y', 'z', 'sx', 'sxdg', 'id'] as const
const ONE_QUBIT_ANGLE = ['rz', 'rx', 'ry', 'p', 'u1'] as const
const TWO_QUBIT_FIXED = ['cx', 'cz', 'cy', 'swap', 'iswap', 'dcx', 'ecr'] as const
const TWO_QUBIT_ANGLE = ['rzz', 'rxx', 'ryy', 'rzx'] as const

const quarter = fc.integer({ min: -3, max: 4 }).map((k) => k * HALF_PI)

function distinct(n: number, k: number): fc.Arbitrary<number[]> {
  return fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: k, maxLength: k },
  )
}

/**
 * A random Clifford gate on `n` qubits.
 *
 * @param n - the width
 */
export function cliffordGateArb(n: number): fc.Arbitrary<GateSpec> {
  const one = distinct(n, 1)
  const options: fc.Arbitrary<GateSpec>[] = [
    fc.record({ name: fc.constantFrom(...ONE_QUBIT_FIXED), params: fc.constant([]), qubits: one }),
    fc.record({
      name: fc.constantFrom(...ONE_QUBIT_ANGLE),
      params: fc.tuple(quarter),
      qubits: one,
    }),
    fc.record({
      name: fc.constantFrom('u', 'u3'),
      params: fc.tuple(quarter, quarter, quarter),
      qubits: one,
    }),
    fc.record({ name: fc.constant('u2'), params: fc.tuple(quarter, quarter), qubits: one }),
    fc.record({ name: fc.constant('r'), params: fc.tuple(quarter, quarter), qubits: one }),
  ]
  if (n >= 2) {
    const two = distinct(n, 2)
    options.push(
      fc.record({
        name: fc.constantFrom(...TWO_QUBIT_FIXED),
        params: fc.constant([]),
        qubits: two,
      }),
      fc.record({
        name: fc.constantFrom(...TWO_QUBIT_FIXED),
        params: fc.constant([]),
        qubits: two,
      }),
      fc.record({
        name: fc.constantFrom(...TWO_QUBIT_ANGLE),
        params: fc.tuple(quarter),
        qubits: two,
      }),
      fc.record({
        name: fc.constant('cp'),
        params: fc.integer({ min: -1, max: 2 }).map((k) => [k * Math.PI]),
        qubits: two,
      }),
    )
  }
  return fc.oneof(...options)
}

/**
 * A random Clifford circuit: width 1–`maxQubits`, up to `maxGates` gates.
 *
 * @param maxQubits - the largest width
 * @param maxGates - the longest gate list
 */
export function cliffordCircuitArb(
  maxQubits: number,
  maxGates: number,
): fc.Arbitrary<[number, GateSpec[]]> {
  return fc
    .integer({ min: 1, max: maxQubits })
    .chain((n) => fc.tuple(fc.constant(n), fc.array(cliffordGateArb(n), { maxLength: maxGates })))
}

/**
 * The circuit of a gate list.
 *
 * @param n - the width
 * @param gates - the gates
 * @param clbits - clbits to add (default none)
 */
export function toCircuit(n: number, gates: readonly GateSpec[], clbits = 0): QuantumCircuit {
  const qc = clbits > 0 ? new QuantumCircuit(n, clbits) : new QuantumCircuit(n)
  for (const g of gates) qc.append(standardGate(g.name, g.params), [...g.qubits])
  return qc
}

/**
 * Runs every gate stream of a unitary-only program on a fresh tableau.
 *
 * @param program - a compiled program without measurements
 */
export function runUnitaryProgram(program: StabilizerProgram): StabilizerTableau {
  const t = new StabilizerTableau(program.numQubits)
  for (const op of program.ops) {
    if (op.kind !== 'gates') throw new Error(`unexpected ${op.kind} in a unitary program`)
    applyGates(t, { code: op.code, tables: program.tables })
  }
  return t
}

/**
 * ⟨ψ|P|ψ⟩ for a signed label like `'-XZ'`.
 *
 * @param state - the state
 * @param signed - a label with a leading sign
 */
export function signedExpectation(state: Statevector, signed: string): number {
  const sign = signed.startsWith('-') ? -1 : 1
  return sign * state.expectationValue(new Pauli(signed.slice(1))).re
}

/**
 * Whether the tableau's state equals the statevector up to phase: every stabilizer has
 * expectation +1 (n independent stabilizers fix the state).
 *
 * @param t - the tableau
 * @param state - the reference
 */
export function stabilizesState(t: StabilizerTableau, state: Statevector): boolean {
  return t.stabilizers().every((label) => Math.abs(signedExpectation(state, label) - 1) < 1e-9)
}

/**
 * The exact Z-basis distribution of a statevector over all qubits, as bitstring → probability
 * (probabilities below 1e-12 dropped).
 *
 * @param state - the state
 * @param n - its width
 */
export function exactDistribution(state: Statevector, n: number): Map<string, number> {
  const probs = state.probabilities()
  const out = new Map<string, number>()
  probs.forEach((p, i) => {
    if (p > 1e-12) out.set(i.toString(2).padStart(n, '0'), p)
  })
  return out
}
