import { OptionValidationError } from './provider-errors.js'
import {
  checkOptionValue,
  describeOptionValidator,
  formatOptionValue,
  type OptionValidator,
} from './option-validator.js'

/** What a backend does with run-time options it does not define. */
export const UNKNOWN_OPTION_POLICIES = ['reject', 'warn', 'pass'] as const

/**
 * `reject`: throw `OptionValidationError` (`option.unknown`), the default (AQT's typed options);
 * `warn`: drop the option and report a warning (AQT's `UnknownOptionWarning`);
 * `pass`: keep it unvalidated in the run snapshot (IQM/IBMQ pass unknown kwargs through).
 */
export type UnknownOptionPolicy = (typeof UNKNOWN_OPTION_POLICIES)[number]

/** The validators of an option set, by field. */
export type OptionValidators<TFields> = { readonly [K in keyof TFields]?: OptionValidator }

/** How an {@link Options} set is configured. */
export interface OptionsConfig<TFields> {
  /** Validators by field; each default value must pass its validator. */
  readonly validators?: OptionValidators<TFields>
  /** What `withOverrides` does with unknown keys (default `reject`). */
  readonly unknownOptions?: UnknownOptionPolicy
}

/** The options one run uses: stored values merged with that run's overrides. Frozen. */
export interface RunOptionsSnapshot<TFields> {
  /** The merged values; never the stored object itself. */
  readonly values: Readonly<TFields> & Readonly<Record<string, unknown>>
  /** Names of unknown options that were dropped (`warn`) or passed through (`pass`). */
  readonly unknown: readonly string[]
  /** One message per dropped unknown option (policy `warn`). Jobs report them as `log` events. */
  readonly warnings: readonly string[]
}

/**
 * Any {@link Options} set, seen without its field types: what the `Backend` interface exposes,
 * so that backends with different option fields share one type. Writes are still validated.
 */
export interface OptionsView {
  readonly size: number
  readonly unknownOptions: UnknownOptionPolicy
  get(field: string): unknown
  has(field: string): boolean
  keys(): IterableIterator<string>
  entries(): IterableIterator<[string, unknown]>
  validator(field: string): OptionValidator | undefined
  set(field: string, value: unknown): void
  update(fields: Readonly<Record<string, unknown>>): void
  reset(field?: string): void
  withOverrides(
    overrides?: Readonly<Record<string, unknown>>,
    policy?: UnknownOptionPolicy,
  ): RunOptionsSnapshot<Record<string, unknown>>
  toJSON(): Readonly<Record<string, unknown>>
}

/**
 * A backend's run options: named fields with defaults and validators (Qiskit's `Options`).
 * Every write path validates (`set`, `update`, `reset`, `withOverrides`); there is no
 * unvalidated attribute assignment (Qiskit's `options.k = v` quirk is gone), and the set of
 * fields is fixed at construction. Validators are data, so limits such as the maximum shot count
 * are readable through {@link Options.validator}.
 *
 * @example
 * ```ts
 * const options = new Options(
 *   { shots: 1024, seed: undefined as number | undefined },
 *   { validators: { shots: inRange(1, 8192, { isInteger: true }), seed: ofType('integer', { isOptional: true }) } },
 * )
 * options.set('shots', 2000)
 * options.validator('shots') // { kind: 'range', min: 1, max: 8192, isInteger: true }
 * const run = options.withOverrides({ shots: 10 }) // run.values.shots === 10; options unchanged
 * ```
 */
export class Options<TFields extends object = Record<string, unknown>> implements OptionsView {
  readonly #values: Map<string, unknown>
  readonly #defaults: ReadonlyMap<string, unknown>
  readonly #validators = new Map<string, OptionValidator>()
  /** The policy for unknown keys in {@link Options.withOverrides}. */
  readonly unknownOptions: UnknownOptionPolicy

  /**
   * @param defaults - every field with its default value
   * @param config - validators and the unknown-key policy
   * @throws RangeError when a validator names an undefined field
   * @throws {@link OptionValidationError} when a default fails its validator
   */
  constructor(defaults: TFields, config: OptionsConfig<TFields> = {}) {
    this.#values = new Map(Object.entries(defaults))
    this.#defaults = new Map(this.#values)
    this.unknownOptions = config.unknownOptions ?? 'reject'
    for (const [field, validator] of Object.entries(config.validators ?? {})) {
      if (validator !== undefined)
        this.setValidator(field as keyof TFields & string, validator as OptionValidator)
    }
  }

  /** The number of fields. */
  get size(): number {
    return this.#values.size
  }

  /**
   * The current value of a field.
   *
   * @param field - the field's name
   * @returns its value
   * @throws RangeError when the field is not defined ("Option x is not defined")
   */
  get<TKey extends keyof TFields & string>(field: TKey): TFields[TKey] {
    this.#assertField(field)
    return this.#values.get(field) as TFields[TKey]
  }

  /**
   * Whether a field is defined.
   *
   * @param field - a name
   * @returns true for a field of this option set
   */
  has(field: string): boolean {
    return this.#values.has(field)
  }

  /** The field names, in definition order. */
  keys(): IterableIterator<keyof TFields & string> {
    return this.#values.keys() as IterableIterator<keyof TFields & string>
  }

  /** `[field, value]` pairs, in definition order. */
  entries(): IterableIterator<[string, unknown]> {
    return new Map(this.#values).entries()
  }

  /** Iterates `[field, value]` pairs (the Mapping view of Qiskit's `Options`). */
  [Symbol.iterator](): IterableIterator<[string, unknown]> {
    return this.entries()
  }

  /**
   * The validator of a field, if any: how a caller reads limits such as the maximum shot count.
   *
   * @param field - the field's name
   * @returns the validator, or `undefined` when the field is unconstrained
   * @throws RangeError when the field is not defined
   */
  validator(field: keyof TFields & string): OptionValidator | undefined {
    this.#assertField(field)
    return this.#validators.get(field)
  }

  /**
   * Sets (or replaces) a field's validator. The current value must pass it.
   *
   * @param field - an existing field (Qiskit raises `KeyError` for a new one)
   * @param validator - the rule
   * @throws RangeError when the field is not defined
   * @throws {@link OptionValidationError} when the current value fails the new rule
   */
  setValidator(field: keyof TFields & string, validator: OptionValidator): void {
    this.#assertField(field)
    checkOptionValue(field, this.#values.get(field), validator)
    this.#validators.set(field, validator)
  }

  /**
   * Sets one field, validated.
   *
   * @param field - the field's name
   * @param value - the new value
   * @throws {@link OptionValidationError} `option.unknown` for an undefined field, or the
   *   validator's code
   */
  set<TKey extends keyof TFields & string>(field: TKey, value: TFields[TKey]): void {
    this.update({ [field]: value } as unknown as Partial<TFields>)
  }

  /**
   * Sets several fields at once, all or nothing: every field is validated before any is written
   * (Qiskit's `update_options`, with `set_options`' refusal of unknown fields).
   *
   * @param fields - the new values
   * @throws {@link OptionValidationError} on the first unknown or invalid field; nothing changes
   */
  update(fields: Partial<TFields>): void {
    const entries = Object.entries(fields)
    for (const [field, value] of entries) {
      if (!this.#values.has(field)) throw unknownOption(field, value)
      const validator = this.#validators.get(field)
      if (validator !== undefined) checkOptionValue(field, value, validator)
    }
    for (const [field, value] of entries) this.#values.set(field, value)
  }

  /**
   * Restores defaults (Aer's `set_option(k, None)`): one field, or all of them.
   *
   * @param field - the field to reset; all fields when omitted
   * @throws RangeError when the field is not defined
   */
  reset(field?: keyof TFields & string): void {
    if (field === undefined) {
      for (const [k, v] of this.#defaults) this.#values.set(k, v)
      return
    }
    this.#assertField(field)
    this.#values.set(field, this.#defaults.get(field))
  }

  /**
   * The options one run uses: a frozen copy of the stored values with `overrides` applied and
   * validated. Never mutates the stored options. Overrides whose value is `undefined` are
   * ignored (IBMQ merges only non-null run arguments). Unknown keys follow
   * {@link Options.unknownOptions} unless `policy` is given.
   *
   * @param overrides - per-run values
   * @param policy - overrides this option set's unknown-key policy for this call
   * @returns the merged snapshot, with the unknown keys and warnings
   * @throws {@link OptionValidationError} for an invalid value, or an unknown key under `reject`
   */
  withOverrides(
    overrides: Readonly<Record<string, unknown>> = {},
    policy: UnknownOptionPolicy = this.unknownOptions,
  ): RunOptionsSnapshot<TFields> {
    const values: Record<string, unknown> = Object.fromEntries(this.#values)
    const unknown: string[] = []
    const warnings: string[] = []
    for (const [field, value] of Object.entries(overrides)) {
      if (value === undefined) continue
      if (!this.#values.has(field)) {
        if (policy === 'reject') throw unknownOption(field, value)
        unknown.push(field)
        if (policy === 'warn') {
          warnings.push(`${field} is not a recognized option of this backend and was ignored.`)
        } else {
          values[field] = value
        }
        continue
      }
      const validator = this.#validators.get(field)
      if (validator !== undefined) checkOptionValue(field, value, validator)
      values[field] = value
    }
    return Object.freeze({
      values: Object.freeze(values) as Readonly<TFields> & Readonly<Record<string, unknown>>,
      unknown: Object.freeze(unknown),
      warnings: Object.freeze(warnings),
    })
  }

  /** A copy with the same fields, values, defaults, validators and policy. */
  copy(): Options<TFields> {
    const out = new Options<TFields>(Object.fromEntries(this.#defaults) as TFields, {
      unknownOptions: this.unknownOptions,
    })
    for (const [k, v] of this.#validators) out.#validators.set(k, v)
    for (const [k, v] of this.#values) out.#values.set(k, v)
    return out
  }

  /**
   * Whether two option sets hold the same fields with the same values (validators are not
   * compared, as in Qiskit).
   *
   * @param other - another option set
   * @returns true when fields and values match (`Object.is`)
   */
  equals(other: OptionsView): boolean {
    if (other.size !== this.size) return false
    for (const [k, v] of this.#values) {
      if (!other.has(k) || !Object.is(other.get(k), v)) return false
    }
    return true
  }

  /** The current values as a frozen plain object. */
  toJSON(): Readonly<TFields> {
    return Object.freeze(Object.fromEntries(this.#values)) as Readonly<TFields>
  }

  /** `Options(shots=1024, …)` plus a "Where:" section describing each validator (as Qiskit). */
  toString(): string {
    const fields = [...this.#values].map(([k, v]) => `${k}=${formatOptionValue(v)}`).join(', ')
    const rules = [...this.#validators].map(([k, v]) => `\t${k} is ${describeOptionValidator(v)}`)
    return rules.length === 0
      ? `Options(${fields})`
      : `Options(${fields})\nWhere:\n${rules.join('\n')}`
  }

  #assertField(field: string): void {
    if (!this.#values.has(field)) throw new RangeError(`Option ${field} is not defined`)
  }
}

function unknownOption(field: string, value: unknown): OptionValidationError {
  return new OptionValidationError(
    'option.unknown',
    `Options field ${field} is not valid for this backend.`,
    { option: field, value },
  )
}
