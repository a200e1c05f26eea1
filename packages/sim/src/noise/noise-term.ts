/**
 * The terms of a {@link QuantumError}: with some probability, either a unitary or a
 * (trace-preserving) Kraus channel acts. Terms are full-width: every matrix is `2^n × 2^n` for
 * the error's `n` qubits, in Qiskit's little-endian order.
 */
import { ComplexMatrix, DEFAULT_ATOL } from '@qfabric/core/math'
import { isIdentityUpToPhase, isTracePreserving } from './channel-math.js'
import { NoiseError } from './noise-error.js'
import {
  checkPauliLabel,
  isIdentityLabel,
  multiplyPauliLabels,
  pauliMatrix,
} from './pauli-labels.js'

/** A term that applies one unitary. */
export interface UnitaryNoiseTerm {
  readonly kind: 'unitary'
  /** The probability of this term. */
  readonly probability: number
  /** The unitary, `2^n × 2^n`. */
  readonly matrix: ComplexMatrix
  /** Its Pauli string (qubit 0 rightmost) when it is known to be a Pauli, else `null`. */
  readonly pauli: string | null
  /** Whether the unitary is the identity up to a global phase (the term does nothing). */
  readonly isIdentity: boolean
}

/** A term that applies a trace-preserving Kraus channel (for example a reset). */
export interface KrausNoiseTerm {
  readonly kind: 'kraus'
  /** The probability of this term. */
  readonly probability: number
  /** Kraus operators with `Σ K†K = I`, each `2^n × 2^n`. */
  readonly operators: readonly ComplexMatrix[]
}

/** One term of a quantum error. */
export type NoiseTerm = UnitaryNoiseTerm | KrausNoiseTerm

/** How a term is given to the `QuantumError` constructor. */
export type NoiseTermInit =
  | { readonly probability: number; readonly pauli: string }
  | { readonly probability: number; readonly unitary: ComplexMatrix }
  | { readonly probability: number; readonly kraus: readonly ComplexMatrix[] }

/**
 * A unitary term; the identity flag is computed.
 *
 * @internal
 */
export function unitaryTerm(
  probability: number,
  matrix: ComplexMatrix,
  pauli: string | null = null,
): UnitaryNoiseTerm {
  const isIdentity =
    pauli === null ? isIdentityUpToPhase(matrix, DEFAULT_ATOL) : isIdentityLabel(pauli)
  return Object.freeze({ kind: 'unitary', probability, matrix, pauli, isIdentity })
}

/**
 * A Kraus term; a single operator (necessarily unitary once trace preserving) becomes a unitary
 * term, so that trajectories need not compute norms for it.
 *
 * @internal
 */
export function krausTerm(probability: number, operators: readonly ComplexMatrix[]): NoiseTerm {
  if (operators.length === 1) return unitaryTerm(probability, operators[0]!)
  return Object.freeze({ kind: 'kraus', probability, operators: Object.freeze([...operators]) })
}

/**
 * Validates one term given to the constructor and returns it in normal form.
 *
 * @param init - the term
 * @param index - its position, for messages
 * @param atol - the tolerance for unitarity and trace preservation
 * @returns the term
 * @throws NoiseError `sim.noise.not-cptp` or `sim.noise.invalid-parameter`
 * @internal
 */
export function termFromInit(init: NoiseTermInit, index: number, atol: number): NoiseTerm {
  const p = init.probability
  if (typeof p !== 'number' || !Number.isFinite(p) || p < -atol || p > 1 + atol) {
    throw new NoiseError(
      'sim.noise.not-cptp',
      `probability of term ${index} must be in [0, 1], got ${String(p)}`,
      { argument: 'probabilities' },
    )
  }
  const probability = Math.min(1, Math.max(0, p))
  if ('pauli' in init) {
    const label = checkPauliLabel(init.pauli, `pauli of term ${index}`)
    return unitaryTerm(probability, pauliMatrix(label), label)
  }
  if ('unitary' in init) {
    if (!isSquarePowerOfTwo(init.unitary) || !init.unitary.isUnitary(atol)) {
      throw new NoiseError('sim.noise.not-cptp', `matrix of term ${index} is not unitary`, {
        argument: 'unitary',
      })
    }
    return unitaryTerm(probability, init.unitary)
  }
  const ops = init.kraus
  if (ops.length === 0 || !ops.every(isSquarePowerOfTwo) || !isTracePreserving(ops, atol)) {
    throw new NoiseError(
      'sim.noise.not-cptp',
      `Kraus operators of term ${index} are not trace preserving (Σ K†K ≠ I) or not square of size 2^n`,
      { argument: 'kraus' },
    )
  }
  return krausTerm(probability, ops)
}

/**
 * The Kraus operators of a term, without its probability.
 *
 * @internal
 */
export function termOperators(term: NoiseTerm): readonly ComplexMatrix[] {
  return term.kind === 'unitary' ? [term.matrix] : term.operators
}

/**
 * The term for "`first`, then `second`" (probabilities multiply).
 *
 * @internal
 */
export function composeTerms(first: NoiseTerm, second: NoiseTerm): NoiseTerm {
  const probability = first.probability * second.probability
  if (first.kind === 'unitary' && second.kind === 'unitary') {
    const pauli =
      first.pauli !== null && second.pauli !== null
        ? multiplyPauliLabels(second.pauli, first.pauli)
        : null
    return unitaryTerm(probability, second.matrix.mul(first.matrix), pauli)
  }
  const ops: ComplexMatrix[] = []
  for (const b of termOperators(second)) for (const a of termOperators(first)) ops.push(b.mul(a))
  return krausTerm(probability, dropZeroOperators(ops))
}

/**
 * The term `high ⊗ low`: `low` acts on the lower qubits.
 *
 * @internal
 */
export function tensorTerms(high: NoiseTerm, low: NoiseTerm): NoiseTerm {
  const probability = high.probability * low.probability
  if (high.kind === 'unitary' && low.kind === 'unitary') {
    const pauli = high.pauli !== null && low.pauli !== null ? high.pauli + low.pauli : null
    return unitaryTerm(probability, high.matrix.kron(low.matrix), pauli)
  }
  const ops: ComplexMatrix[] = []
  for (const a of termOperators(high)) for (const b of termOperators(low)) ops.push(a.kron(b))
  return krausTerm(probability, ops)
}

/**
 * Drops zero-probability terms and merges unitary terms that are equal up to a global phase
 * (so that composing Pauli channels stays a Pauli channel of at most `4^n` terms).
 *
 * @internal
 */
export function mergeTerms(terms: readonly NoiseTerm[]): NoiseTerm[] {
  const out: NoiseTerm[] = []
  const byPauli = new Map<string, number>()
  for (const term of terms) {
    if (term.probability <= 0) continue
    const at = term.kind === 'unitary' ? findEqualUnitary(out, term, byPauli) : -1
    if (at < 0) {
      if (term.kind === 'unitary' && term.pauli !== null) byPauli.set(term.pauli, out.length)
      out.push(term)
      continue
    }
    const kept = out[at]! as UnitaryNoiseTerm
    out[at] = Object.freeze({ ...kept, probability: kept.probability + term.probability })
  }
  return out
}

function findEqualUnitary(
  out: readonly NoiseTerm[],
  term: UnitaryNoiseTerm,
  byPauli: ReadonlyMap<string, number>,
): number {
  if (term.isIdentity) return out.findIndex((t) => t.kind === 'unitary' && t.isIdentity)
  if (term.pauli !== null) return byPauli.get(term.pauli) ?? -1
  return out.findIndex(
    (t) => t.kind === 'unitary' && t.matrix.equalsUpToPhase(term.matrix, DEFAULT_ATOL),
  )
}

/** Kraus operators that are exactly zero contribute nothing (e.g. reset after reset). */
function dropZeroOperators(ops: ComplexMatrix[]): ComplexMatrix[] {
  const kept = ops.filter((k) => k.data.some((v) => v !== 0))
  return kept.length > 0 ? kept : ops.slice(0, 1)
}

function isSquarePowerOfTwo(m: ComplexMatrix): boolean {
  return m.rows === m.cols && m.rows >= 2 && Number.isInteger(Math.log2(m.rows))
}

/**
 * The width of a term, in qubits.
 *
 * @internal
 */
export function termWidth(term: NoiseTerm): number {
  const m = term.kind === 'unitary' ? term.matrix : term.operators[0]!
  return Math.round(Math.log2(m.rows))
}

/**
 * An identity term on `n` qubits with probability 1.
 *
 * @internal
 */
export function identityTerm(numQubits: number): UnitaryNoiseTerm {
  return unitaryTerm(1, ComplexMatrix.identity(2 ** numQubits), 'I'.repeat(numQubits))
}
