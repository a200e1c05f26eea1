import type { Operation } from '../circuit/instruction.js'
import { TargetError } from './target-errors.js'

/** A unit a duration may be given in: device samples (`dt`) or (sub)seconds. */
export type DurationUnit = 'dt' | 's' | 'ms' | 'us' | 'µs' | 'ns' | 'ps'

/** One known duration. */
export interface InstructionDurationEntry {
  /** The operation name. */
  readonly name: string
  /** The qubits, or `null`/omitted for "any qubits" (a default for the name). */
  readonly qubits?: readonly number[] | null | undefined
  /** The duration, in `unit`. */
  readonly duration: number
  /** The unit of `duration` (default `'dt'`, as Qiskit). */
  readonly unit?: DurationUnit | undefined
  /** Parameter values this duration is specific to (e.g. a fixed-angle gate). */
  readonly parameters?: readonly number[] | undefined
}

/** Options of {@link InstructionDurations.get}. */
export interface DurationQueryOptions {
  /** The unit of the answer: `'dt'` (default, an integer number of samples) or `'s'`. */
  readonly unit?: 'dt' | 's' | undefined
  /** Parameter values, to find a parameter-specific duration first. */
  readonly parameters?: readonly number[] | undefined
}

const SECONDS_PER: Readonly<Record<Exclude<DurationUnit, 'dt'>, number>> = {
  s: 1,
  ms: 1e3,
  us: 1e6,
  µs: 1e6,
  ns: 1e9,
  ps: 1e12,
}

interface Stored {
  readonly duration: number
  readonly unit: 'dt' | 's'
}

const keyOf = (
  name: string,
  qubits: readonly number[] | null,
  params?: readonly number[],
): string => JSON.stringify([name, qubits, params ?? null])

/**
 * Durations of instructions on given qubits (Qiskit's `InstructionDurations`), as a target
 * reports them (`Target.durations()`) or as a user supplies them. A lookup tries, in order:
 * name + qubits + parameters, name + qubits, then the name's default (an entry without qubits).
 * `barrier` always lasts 0 and a `delay` operation lasts what it says.
 *
 * Immutable: {@link update} returns a new object.
 *
 * @example
 * ```ts
 * const durations = new InstructionDurations(
 *   [{ name: 'cx', qubits: [0, 1], duration: 300e-9, unit: 's' }],
 *   { dt: 2e-9 / 9 },
 * )
 * durations.get('cx', [0, 1])               // 1350 (samples)
 * durations.get('cx', [0, 1], { unit: 's' }) // 3e-7
 * ```
 */
export class InstructionDurations {
  /** The sample time in seconds, or `null` if unknown (then `dt` ↔ `s` conversions throw). */
  readonly dt: number | null
  readonly #entries: readonly InstructionDurationEntry[]
  readonly #byKey = new Map<string, Stored>()
  readonly #units = new Set<string>()

  /**
   * @param entries - the known durations
   * @param options - the sample time `dt` in seconds
   * @throws RangeError if a duration is negative or not finite
   */
  constructor(
    entries: Iterable<InstructionDurationEntry> = [],
    options: { readonly dt?: number | null | undefined } = {},
  ) {
    this.dt = options.dt ?? null
    this.#entries = Object.freeze([...entries])
    for (const entry of this.#entries) {
      if (!Number.isFinite(entry.duration) || entry.duration < 0) {
        throw new RangeError(`the duration of ${entry.name} must be a non-negative number`)
      }
      const unit = entry.unit ?? 'dt'
      this.#units.add(unit)
      const stored: Stored =
        unit === 'dt'
          ? { duration: entry.duration, unit: 'dt' }
          : { duration: entry.duration / SECONDS_PER[unit], unit: 's' }
      this.#byKey.set(keyOf(entry.name, entry.qubits ?? null, entry.parameters), stored)
    }
  }

  /** The entries this object was built from, in order. */
  get entries(): readonly InstructionDurationEntry[] {
    return this.#entries
  }

  /**
   * A new object with more (or overriding) entries.
   *
   * @param entries - entries added after the existing ones (later ones win)
   * @param dt - a new sample time (default: keep this one)
   * @returns the combined durations
   */
  update(entries: Iterable<InstructionDurationEntry>, dt?: number | null): InstructionDurations {
    return new InstructionDurations([...this.#entries, ...entries], {
      dt: dt === undefined ? this.dt : dt,
    })
  }

  /** @returns the units the entries were given in */
  unitsUsed(): ReadonlySet<string> {
    return this.#units
  }

  /**
   * The duration of an instruction on some qubits.
   *
   * @param instruction - an operation name, or an operation (a `delay` reports its own duration)
   * @param qubits - the qubit, or qubits
   * @param options - the unit of the answer (`'dt'` by default) and parameter values
   * @returns the duration (an integer when in `dt`)
   * @throws TargetError `target.duration-not-found` if nothing matches
   * @throws TargetError `target.duration-unit` if a conversion needs the unknown `dt`
   */
  get(
    instruction: string | Operation,
    qubits: number | readonly number[],
    options: DurationQueryOptions = {},
  ): number {
    const unit = options.unit ?? 'dt'
    const name = typeof instruction === 'string' ? instruction : instruction.name
    if (name === 'barrier') return 0
    if (typeof instruction !== 'string' && name === 'delay') {
      return this.#delayDuration(instruction, unit)
    }
    const qargs = typeof qubits === 'number' ? [qubits] : qubits
    const stored =
      (options.parameters !== undefined
        ? this.#byKey.get(keyOf(name, qargs, options.parameters))
        : undefined) ??
      this.#byKey.get(keyOf(name, qargs)) ??
      this.#byKey.get(keyOf(name, null))
    if (stored === undefined) {
      throw new TargetError(
        'target.duration-not-found',
        `Duration of ${name} on qubits [${qargs.join(', ')}] is not found.`,
      )
    }
    return this.#convert(stored, unit)
  }

  /**
   * Whether a duration is known for an instruction on some qubits.
   *
   * @param name - the operation name
   * @param qubits - the qubit, or qubits
   * @returns whether {@link get} would find an entry
   */
  has(name: string, qubits: number | readonly number[]): boolean {
    const qargs = typeof qubits === 'number' ? [qubits] : qubits
    return (
      name === 'barrier' ||
      this.#byKey.has(keyOf(name, qargs)) ||
      this.#byKey.has(keyOf(name, null))
    )
  }

  #delayDuration(operation: Operation, to: 'dt' | 's'): number {
    const duration = operation.params[0]
    if (typeof duration !== 'number') {
      throw new TargetError('target.duration-unit', 'the delay has a symbolic duration')
    }
    const unit = (operation as { readonly unit?: string }).unit ?? 'dt'
    if (unit === 'dt') return this.#convert({ duration, unit: 'dt' }, to)
    if (!(unit in SECONDS_PER)) {
      throw new TargetError('target.duration-unit', `unknown delay unit '${unit}'`)
    }
    const seconds = duration / SECONDS_PER[unit as keyof typeof SECONDS_PER]
    return this.#convert({ duration: seconds, unit: 's' }, to)
  }

  #convert(stored: Stored, to: 'dt' | 's'): number {
    if (stored.unit === to) return stored.duration
    if (this.dt === null) {
      throw new TargetError(
        'target.duration-unit',
        `dt is necessary to convert durations from '${stored.unit}' to '${to}'`,
      )
    }
    // Qiskit rounds seconds to a whole number of samples (`duration_in_dt`).
    return to === 'dt' ? Math.round(stored.duration / this.dt) : stored.duration * this.dt
  }
}
