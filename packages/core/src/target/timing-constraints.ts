/** The fields of {@link TimingConstraints}; each defaults to 1. */
export interface TimingConstraintsInit {
  /** Pulse gate durations must be a multiple of this many `dt`. */
  readonly granularity?: number | undefined
  /** Pulse gates must last at least this many `dt`. */
  readonly minLength?: number | undefined
  /** Gates must start at a multiple of this many `dt`. */
  readonly pulseAlignment?: number | undefined
  /** Measurements must start at a multiple of this many `dt`. */
  readonly acquireAlignment?: number | undefined
}

/**
 * The timing rules a scheduled circuit must obey on a device, in units of `dt` (Qiskit's
 * `TimingConstraints`). IBM's configuration JSON carries them as `timing_constraints`
 * (`granularity`, `min_length`, `pulse_alignment`, `acquire_alignment`). Frozen.
 */
export class TimingConstraints {
  /** Pulse durations are multiples of this (in `dt`). */
  readonly granularity: number
  /** Minimum pulse length (in `dt`). */
  readonly minLength: number
  /** Gate start times are multiples of this (in `dt`). */
  readonly pulseAlignment: number
  /** Measurement start times are multiples of this (in `dt`). */
  readonly acquireAlignment: number

  /**
   * @param init - the constraints; each defaults to 1
   * @throws RangeError if a value is not a positive integer
   */
  constructor(init: TimingConstraintsInit = {}) {
    this.granularity = checkPositiveInteger(init.granularity ?? 1, 'granularity')
    this.minLength = checkPositiveInteger(init.minLength ?? 1, 'minLength')
    this.pulseAlignment = checkPositiveInteger(init.pulseAlignment ?? 1, 'pulseAlignment')
    this.acquireAlignment = checkPositiveInteger(init.acquireAlignment ?? 1, 'acquireAlignment')
    Object.freeze(this)
  }

  /** @returns the constraints in IBM's JSON shape (snake_case keys) */
  toJSON(): {
    granularity: number
    min_length: number
    pulse_alignment: number
    acquire_alignment: number
  } {
    return {
      granularity: this.granularity,
      min_length: this.minLength,
      pulse_alignment: this.pulseAlignment,
      acquire_alignment: this.acquireAlignment,
    }
  }
}

function checkPositiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${what} must be a positive integer, got ${String(value)}`)
  }
  return value
}
