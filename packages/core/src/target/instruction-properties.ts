/** The fields of {@link InstructionProperties}, as given to its constructor. */
export interface InstructionPropertiesInit {
  /** How long the instruction takes on these qubits, in seconds. */
  readonly duration?: number | null | undefined
  /** The average error rate of the instruction on these qubits (0 … 1). */
  readonly error?: number | null | undefined
}

/**
 * What a backend knows about one instruction on one set of qubits (Qiskit's
 * `InstructionProperties`): its duration in seconds and its average error, either of which may
 * be unknown (`null`). Pulse calibrations are not modelled (deprecated in Qiskit 1.x, gone in 2.x).
 *
 * Instances are frozen values; to change the properties of a target entry, build a new one and
 * call `Target.updateInstructionProperties`.
 *
 * @example
 * ```ts
 * const cx01 = new InstructionProperties({ duration: 5.23e-7, error: 9.8e-4 })
 * ```
 */
export class InstructionProperties {
  /** Duration in seconds, or `null` when unknown. */
  readonly duration: number | null
  /** Average gate error, or `null` when unknown. */
  readonly error: number | null

  /**
   * @param init - duration (s) and error, each optional
   * @throws TypeError if a given value is not a finite number
   */
  constructor(init: InstructionPropertiesInit = {}) {
    this.duration = checkOptionalNumber(init.duration, 'duration')
    this.error = checkOptionalNumber(init.error, 'error')
    Object.freeze(this)
  }

  /**
   * A copy with some fields replaced.
   *
   * @param changes - the fields to replace
   * @returns the new properties
   */
  with(changes: InstructionPropertiesInit): InstructionProperties {
    return new InstructionProperties({
      duration: changes.duration === undefined ? this.duration : changes.duration,
      error: changes.error === undefined ? this.error : changes.error,
    })
  }

  /**
   * @returns a plain `{ duration, error }` object (seconds), for JSON
   */
  toJSON(): { duration: number | null; error: number | null } {
    return { duration: this.duration, error: this.error }
  }

  /** @returns `InstructionProperties(duration=…, error=…)`, as Qiskit prints it */
  toString(): string {
    return `InstructionProperties(duration=${String(this.duration)}, error=${String(this.error)})`
  }
}

/**
 * Checks an optional physical quantity.
 *
 * @param value - the value given
 * @param what - its name, for the message
 * @returns the number, or `null`
 * @throws TypeError if the value is neither nullish nor a finite number
 */
export function checkOptionalNumber(value: number | null | undefined, what: string): number | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${what} must be a finite number or null, got ${String(value)}`)
  }
  return value
}
