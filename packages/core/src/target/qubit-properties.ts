import { checkOptionalNumber } from './instruction-properties.js'

/** The fields of {@link QubitProperties}, as given to its constructor. */
export interface QubitPropertiesInit {
  /** Energy relaxation time T1, in seconds. */
  readonly t1?: number | null | undefined
  /** Dephasing time T2, in seconds. */
  readonly t2?: number | null | undefined
  /** Qubit frequency, in hertz. */
  readonly frequency?: number | null | undefined
}

/**
 * The physical properties of one qubit (Qiskit's `QubitProperties`): T1 and T2 in seconds and
 * the frequency in hertz, any of which may be unknown (`null`). Frozen.
 *
 * @example
 * ```ts
 * const q0 = new QubitProperties({ t1: 59.7e-6, t2: 93.6e-6, frequency: 5.03e9 })
 * ```
 */
export class QubitProperties {
  /** T1 in seconds, or `null`. */
  readonly t1: number | null
  /** T2 in seconds, or `null`. */
  readonly t2: number | null
  /** Frequency in hertz, or `null`. */
  readonly frequency: number | null

  /**
   * @param init - t1 (s), t2 (s) and frequency (Hz), each optional
   * @throws TypeError if a given value is not a finite number
   */
  constructor(init: QubitPropertiesInit = {}) {
    this.t1 = checkOptionalNumber(init.t1, 't1')
    this.t2 = checkOptionalNumber(init.t2, 't2')
    this.frequency = checkOptionalNumber(init.frequency, 'frequency')
    Object.freeze(this)
  }

  /**
   * @returns a plain `{ t1, t2, frequency }` object (SI units), for JSON
   */
  toJSON(): { t1: number | null; t2: number | null; frequency: number | null } {
    return { t1: this.t1, t2: this.t2, frequency: this.frequency }
  }

  /** @returns `QubitProperties(t1=…, t2=…, frequency=…)`, as Qiskit prints it */
  toString(): string {
    const { t1, t2, frequency } = this
    return `QubitProperties(t1=${String(t1)}, t2=${String(t2)}, frequency=${String(frequency)})`
  }
}
