/**
 * The general builders of quantum errors (Qiskit Aer's `kraus_error`, `mixed_unitary_error`,
 * `coherent_unitary_error`, `pauli_error` and `reset_error`).
 */
import { ComplexMatrix } from '@qfabric/core/math'
import { canonicalKraus, isTracePreserving, NOISE_ATOL } from './channel-math.js'
import { NoiseError, requireInRange } from './noise-error.js'
import type { NoiseTermInit } from './noise-term.js'
import { pauliChannelProbabilities } from './pauli-channel.js'
import { checkPauliLabel } from './pauli-labels.js'
import { QuantumError } from './quantum-error.js'

/** Options of {@link krausError}. */
export interface KrausErrorOptions {
  /** Replace the operators by the canonical (orthogonal, minimal) set (default `false`). */
  readonly canonical?: boolean | undefined
  /**
   * Store a Pauli channel (on up to 3 qubits) in mixed-unitary Pauli form, which trajectories
   * sample far faster; the channel is the same (default `true`).
   */
  readonly detectPauli?: boolean | undefined
  /** The tolerance of the CPTP check (default `1e-8`). */
  readonly atol?: number | undefined
}

/**
 * An error from Kraus operators (Aer's `kraus_error`).
 *
 * @param operators - square `2^n × 2^n` matrices with `Σ K†K = I`
 * @param options - canonical form, Pauli detection, tolerance
 * @returns the error (one Kraus term, or a Pauli mixture when the channel is one)
 * @throws NoiseError `sim.noise.not-cptp` (argument `operators`) when they are not a CPTP map
 * @example
 * ```ts
 * const g = 0.1
 * const ad = krausError([
 *   ComplexMatrix.fromRows([[1, 0], [0, Math.sqrt(1 - g)]]),
 *   ComplexMatrix.fromRows([[0, Math.sqrt(g)], [0, 0]]),
 * ])
 * ```
 */
export function krausError(
  operators: readonly ComplexMatrix[],
  options: KrausErrorOptions = {},
): QuantumError {
  const atol = options.atol ?? NOISE_ATOL
  const d = operators[0]?.rows ?? 0
  const numQubits = Math.log2(d)
  if (
    operators.length === 0 ||
    !Number.isInteger(numQubits) ||
    numQubits < 1 ||
    !operators.every((k) => k instanceof ComplexMatrix && k.rows === d && k.cols === d) ||
    !isTracePreserving(operators, atol)
  ) {
    throw new NoiseError(
      'sim.noise.not-cptp',
      'operators must be square 2^n × 2^n matrices with Σ K†K = I',
      { argument: 'operators' },
    )
  }
  if (options.detectPauli ?? true) {
    const paulis = pauliChannelProbabilities(operators, numQubits, atol)
    if (paulis !== undefined) return pauliError(paulis)
  }
  const ops = options.canonical === true ? canonicalKraus(operators, atol) : operators
  return new QuantumError([{ probability: 1, kraus: ops }], { atol })
}

/**
 * A mixture of unitaries (Aer's `mixed_unitary_error`).
 *
 * @param noiseOps - `[unitary, probability]` pairs; probabilities sum to 1
 * @returns the error
 * @throws NoiseError `sim.noise.not-cptp` for a non-unitary matrix or probabilities that are
 *   negative or do not sum to 1; `sim.noise.qubit-mismatch` for matrices of different sizes
 * @example
 * mixedUnitaryError([[ComplexMatrix.identity(2), 0.9], [pauliMatrix('X'), 0.1]])
 */
export function mixedUnitaryError(
  noiseOps: readonly (readonly [ComplexMatrix, number])[],
): QuantumError {
  return new QuantumError(noiseOps.map(([unitary, probability]) => ({ unitary, probability })))
}

/**
 * A single unitary error (Aer's `coherent_unitary_error`), e.g. a systematic over-rotation.
 *
 * @param unitary - a `2^n × 2^n` unitary
 * @returns the error
 * @throws NoiseError `sim.noise.not-cptp` when the matrix is not unitary
 */
export function coherentUnitaryError(unitary: ComplexMatrix): QuantumError {
  return mixedUnitaryError([[unitary, 1]])
}

/**
 * A Pauli channel (Aer's `pauli_error`).
 *
 * @param noiseOps - `[label, probability]` pairs; labels of one length, qubit 0 rightmost
 *   (`'XI'` is X on qubit 1)
 * @returns the error
 * @throws NoiseError `sim.noise.invalid-parameter` for a malformed label or labels of different
 *   lengths; `sim.noise.not-cptp` for probabilities that do not sum to 1
 * @example
 * pauliError([['X', 0.05], ['I', 0.95]]) // a bit flip with probability 0.05
 */
export function pauliError(noiseOps: readonly (readonly [string, number])[]): QuantumError {
  const terms: NoiseTermInit[] = noiseOps.map(([pauli, probability], i) => ({
    pauli: checkPauliLabel(pauli, `noiseOps[${i}] label`),
    probability,
  }))
  const lengths = new Set(terms.map((t) => ('pauli' in t ? t.pauli.length : 0)))
  if (lengths.size > 1) {
    throw new NoiseError('sim.noise.invalid-parameter', 'Pauli labels differ in length', {
      argument: 'noiseOps',
    })
  }
  return new QuantumError(terms)
}

/**
 * A single-qubit reset error (Aer's `reset_error`): reset to |0⟩ with probability `prob0`, to
 * |1⟩ with probability `prob1`, nothing otherwise.
 *
 * @param prob0 - the probability of a reset to |0⟩
 * @param prob1 - the probability of a reset to |1⟩ (default 0)
 * @returns the error
 * @throws NoiseError `sim.noise.invalid-parameter` when a probability is outside `[0, 1]` or
 *   they sum above 1
 */
export function resetError(prob0: number, prob1 = 0): QuantumError {
  requireInRange(prob0, 'prob0', [0, 1])
  requireInRange(prob1, 'prob1', [0, 1])
  if (prob0 + prob1 > 1 + NOISE_ATOL) {
    throw new NoiseError('sim.noise.invalid-parameter', 'prob0 + prob1 must not exceed 1', {
      argument: 'prob1',
    })
  }
  return new QuantumError([
    { probability: Math.max(0, 1 - prob0 - prob1), pauli: 'I' },
    { probability: prob0, kraus: RESET_TO_ZERO },
    { probability: prob1, kraus: RESET_TO_ONE },
  ])
}

/** Kraus operators of a reset to |0⟩: `|0⟩⟨0|`, `|0⟩⟨1|`. @internal */
export const RESET_TO_ZERO: readonly ComplexMatrix[] = Object.freeze([
  ComplexMatrix.fromRows([
    [1, 0],
    [0, 0],
  ]),
  ComplexMatrix.fromRows([
    [0, 1],
    [0, 0],
  ]),
])

/** Kraus operators of a reset to |1⟩: `|1⟩⟨0|`, `|1⟩⟨1|`. @internal */
export const RESET_TO_ONE: readonly ComplexMatrix[] = Object.freeze([
  ComplexMatrix.fromRows([
    [0, 0],
    [1, 0],
  ]),
  ComplexMatrix.fromRows([
    [0, 0],
    [0, 1],
  ]),
])
