/**
 * Errors the noise module throws on purpose (Qiskit Aer's `NoiseError`).
 */
import { QfabricError } from '@qfabric/core/providers'

/**
 * The stable codes of {@link NoiseError}. Never reworded once released.
 *
 * - `sim.noise.invalid-parameter`: a builder parameter out of its range (a depolarizing
 *   probability above `4^n/(4^n−1)`, `T2 > 2·T1`, a negative gate time, …)
 * - `sim.noise.not-cptp`: operators or probabilities that do not form a CPTP channel (Kraus
 *   operators with `Σ K†K ≠ I`, a matrix that is not unitary, probabilities not summing to 1)
 * - `sim.noise.invalid-readout`: an assignment matrix that is not square of size `2^n`, or with
 *   rows that are not probability vectors
 * - `sim.noise.qubit-mismatch`: an error whose width differs from the qubits or the
 *   instruction it is attached to
 * - `sim.noise.invalid-json`: a serialized noise model or error that cannot be read
 * - `sim.noise.invalid-backend`: `fromBackend` given something without a `Target`
 */
export const NOISE_ERROR_CODES = [
  'sim.noise.invalid-parameter',
  'sim.noise.not-cptp',
  'sim.noise.invalid-readout',
  'sim.noise.qubit-mismatch',
  'sim.noise.invalid-json',
  'sim.noise.invalid-backend',
] as const

/** A code of {@link NoiseError}. */
export type NoiseErrorCode = (typeof NOISE_ERROR_CODES)[number]

/**
 * A noise channel, readout error or noise model that cannot be built as asked. `argument` names
 * the offending argument when there is one (`'t2'`, `'probabilities'`, …).
 *
 * @example
 * ```ts
 * try {
 *   thermalRelaxationError(50e-6, 120e-6, 1e-7)
 * } catch (e) {
 *   if (e instanceof NoiseError) console.log(e.code, e.argument) // 'sim.noise.invalid-parameter' 't2'
 * }
 * ```
 */
export class NoiseError extends QfabricError {
  declare readonly code: NoiseErrorCode
  /** The name of the offending argument, when one is to blame. */
  readonly argument: string | undefined

  /**
   * @param code - the stable code
   * @param message - what went wrong, naming the argument
   * @param options - the offending argument's name and the ES2022 `cause`
   */
  constructor(
    code: NoiseErrorCode,
    message: string,
    options: { readonly argument?: string | undefined; readonly cause?: unknown } = {},
  ) {
    super(code, message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'NoiseError'
    this.argument = options.argument
  }
}

/**
 * Throws `sim.noise.invalid-parameter` for `argument` unless `value` is a finite number.
 *
 * @internal
 */
export function requireFiniteNumber(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new NoiseError(
      'sim.noise.invalid-parameter',
      `${argument} must be a finite number, got ${String(value)}`,
      { argument },
    )
  }
  return value
}

/**
 * Throws `sim.noise.invalid-parameter` for `argument` unless `value` lies in `[min, max]`.
 *
 * @internal
 */
export function requireInRange(
  value: unknown,
  argument: string,
  range: readonly [min: number, max: number],
): number {
  const x = requireFiniteNumber(value, argument)
  if (x < range[0] || x > range[1]) {
    throw new NoiseError(
      'sim.noise.invalid-parameter',
      `${argument} must be in [${range[0]}, ${range[1]}], got ${x}`,
      { argument },
    )
  }
  return x
}
