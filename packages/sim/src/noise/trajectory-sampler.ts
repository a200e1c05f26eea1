/**
 * What a trajectory (Monte Carlo wave-function) simulation applies for one error occurrence:
 * the error's term is chosen by probability; a unitary term is applied as is, a Kraus term
 * leaves the choice of operator to the state (`K_i` with probability `‖K_i ψ‖²`, then
 * renormalise). Averaged over shots this reproduces the channel exactly.
 */
import type { ComplexMatrix } from '@qfabric/core/math'
import type { NoiseTerm } from './noise-term.js'
import type { QuantumError } from './quantum-error.js'

/** A sampled unitary: apply `matrix` on the error's qubits (skip it when `isIdentity`). */
export interface UnitaryTrajectoryOp {
  readonly kind: 'unitary'
  /** The unitary, `2^n × 2^n`, little-endian over the instruction's qubits. */
  readonly matrix: ComplexMatrix
  /** Whether it is the identity up to a global phase: nothing to do. */
  readonly isIdentity: boolean
  /** Its Pauli string (qubit 0 rightmost) when it is a Pauli, else `null`: a cheap kernel. */
  readonly pauli: string | null
}

/**
 * A sampled Kraus channel: pick `operators[i]` with probability `‖K_i ψ‖²` and renormalise.
 * Operators are ordered by decreasing `Tr(K†K)`, so a cumulative search usually stops early.
 */
export interface KrausTrajectoryOp {
  readonly kind: 'kraus'
  /** Kraus operators with `Σ K†K = I`, each `2^n × 2^n`. */
  readonly operators: readonly ComplexMatrix[]
}

/** One sampled step of a trajectory. */
export type TrajectoryOp = UnitaryTrajectoryOp | KrausTrajectoryOp

/** A source of uniform doubles in `[0, 1)` (the engine's `Rng` has it). */
export interface UniformSource {
  nextDouble(): number
}

interface SamplingTable {
  readonly cumulative: Float64Array
  readonly ops: readonly TrajectoryOp[]
}

/** Built once per error, on first use, then shared by every shot (per thread: workers build their own). */
const tables = new WeakMap<QuantumError, SamplingTable>()

/**
 * Samples what to apply for one occurrence of an error.
 *
 * @param error - the error
 * @param rng - one uniform draw is taken
 * @returns a frozen op (shared between calls: never mutate it)
 * @example
 * ```ts
 * const op = sampleTrajectoryOp(error, rng)
 * if (op.kind === 'unitary') { if (!op.isIdentity) applyMatrix(op.matrix, qubits) }
 * else applyKrausByNorm(op.operators, qubits, rng)
 * ```
 */
export function sampleTrajectoryOp(error: QuantumError, rng: UniformSource): TrajectoryOp {
  const table = samplingTable(error)
  const u = rng.nextDouble()
  const c = table.cumulative
  let lo = 0
  let hi = c.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (u < c[mid]!) hi = mid
    else lo = mid + 1
  }
  return table.ops[lo]!
}

/**
 * The distinct ops an error can produce, with their probabilities (for engines that precompute
 * kernels per op, or apply several errors at once).
 *
 * @param error - the error
 * @returns `[op, probability]` pairs in sampling order (the same op objects `sampleTrajectoryOp` returns)
 */
export function trajectoryOps(error: QuantumError): readonly (readonly [TrajectoryOp, number])[] {
  const table = samplingTable(error)
  return table.ops.map((op, i) => [op, error.terms[i]!.probability] as const)
}

function samplingTable(error: QuantumError): SamplingTable {
  const cached = tables.get(error)
  if (cached) return cached
  const total = error.terms.reduce((s, t) => s + t.probability, 0)
  const cumulative = new Float64Array(error.terms.length)
  let s = 0
  error.terms.forEach((t, i) => (cumulative[i] = s += t.probability / total))
  // Guard the last bucket against rounding so that every draw in [0, 1) lands somewhere.
  cumulative[cumulative.length - 1] = Infinity
  const table = { cumulative, ops: Object.freeze(error.terms.map(termToOp)) }
  tables.set(error, table)
  return table
}

function termToOp(term: NoiseTerm): TrajectoryOp {
  if (term.kind === 'unitary') {
    return Object.freeze({
      kind: 'unitary',
      matrix: term.matrix,
      isIdentity: term.isIdentity,
      pauli: term.pauli,
    })
  }
  const weight = (k: ComplexMatrix): number => k.data.reduce((s, x) => s + x * x, 0)
  const operators = [...term.operators].sort((a, b) => weight(b) - weight(a))
  return Object.freeze({ kind: 'kraus', operators: Object.freeze(operators) })
}
