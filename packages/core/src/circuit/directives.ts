import { CircuitError } from './circuit-error.js'
import { Instruction } from './instruction.js'
import type { ParameterValue } from './parameter-expression.js'

/** A measurement of one qubit into one clbit in the computational basis. */
export class Measure extends Instruction {
  /** @param label - a display label */
  constructor(label?: string) {
    super({ name: 'measure', numQubits: 1, numClbits: 1, label })
  }

  /** @throws TypeError unless `params` is empty */
  override withParams(params: readonly ParameterValue[]): this {
    this.optionsWithParams(params)
    return this
  }

  /** @throws CircuitError `circuit.not-invertible` always */
  override inverse(): never {
    throw new CircuitError('circuit.not-invertible', 'a measurement cannot be inverted')
  }
}

/** A reset of one qubit to |0⟩. */
export class Reset extends Instruction {
  /** @param label - a display label */
  constructor(label?: string) {
    super({ name: 'reset', numQubits: 1, label })
  }

  /** @throws TypeError unless `params` is empty */
  override withParams(params: readonly ParameterValue[]): this {
    this.optionsWithParams(params)
    return this
  }

  /** @throws CircuitError `circuit.not-invertible` always */
  override inverse(): never {
    throw new CircuitError('circuit.not-invertible', 'a reset cannot be inverted')
  }
}

/**
 * A barrier across `numQubits` qubits: a directive that stops the transpiler from moving
 * operations across it. It has no effect on the state and is its own inverse.
 */
export class Barrier extends Instruction {
  /**
   * @param numQubits - how many qubits it spans
   * @param label - a display label
   */
  constructor(numQubits: number, label?: string) {
    super({ name: 'barrier', numQubits, label, isDirective: true })
  }

  /** @throws TypeError unless `params` is empty */
  override withParams(params: readonly ParameterValue[]): this {
    this.optionsWithParams(params)
    return this
  }

  /** A barrier is its own inverse. */
  override inverse(): this {
    return this
  }
}

/** The time units of {@link Delay}: device steps `dt`, or SI seconds and fractions. */
export const DELAY_UNITS = ['dt', 's', 'ms', 'us', 'ns', 'ps'] as const

/** A unit of {@link Delay}. */
export type DelayUnit = (typeof DELAY_UNITS)[number]

/** An idle period on one qubit (identity on the state; its own inverse). */
export class Delay extends Instruction {
  /** The unit of the duration (`params[0]`). */
  readonly unit: DelayUnit

  /**
   * @param duration - the length, in `unit`; an integer for `dt`
   * @param unit - one of {@link DELAY_UNITS} (default `dt`)
   * @throws RangeError for a negative duration or a fractional number of `dt`; TypeError for
   *   an unknown unit
   */
  constructor(duration: ParameterValue, unit: DelayUnit = 'dt') {
    if (!(DELAY_UNITS as readonly string[]).includes(unit)) {
      throw new TypeError(`unknown delay unit '${unit}'; expected one of ${DELAY_UNITS.join(', ')}`)
    }
    if (typeof duration === 'number') {
      if (!(duration >= 0) || !Number.isFinite(duration)) {
        throw new RangeError(`a delay must be a finite non-negative duration, got ${duration}`)
      }
      if (unit === 'dt' && !Number.isInteger(duration)) {
        throw new RangeError(`a delay in dt must be a whole number of steps, got ${duration}`)
      }
    }
    super({ name: 'delay', numQubits: 1, params: [duration] })
    this.unit = unit
  }

  /** The duration, `params[0]`. */
  get duration(): ParameterValue {
    return this.params[0]!
  }

  /** @throws TypeError unless exactly one parameter is given */
  override withParams(params: readonly ParameterValue[]): Delay {
    this.optionsWithParams(params)
    return new Delay(params[0]!, this.unit)
  }

  /** A delay is its own inverse (time does not run backwards; the state is unchanged). */
  override inverse(): this {
    return this
  }

  protected override sameDetails(other: Instruction): boolean {
    return other instanceof Delay && other.unit === this.unit
  }
}
