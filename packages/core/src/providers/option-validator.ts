import { OptionValidationError } from './provider-errors.js'

/** The value types an {@link OptionValidator} of kind `type` can require. */
export const OPTION_VALUE_TYPES = [
  'number',
  'integer',
  'string',
  'boolean',
  'bigint',
  'object',
  'array',
  'function',
] as const

/** A value type an option may be required to have (`integer` = a safe integer number). */
export type OptionValueType = (typeof OPTION_VALUE_TYPES)[number]

interface ValidatorBase {
  /** Whether `undefined` is accepted too (an option that may be unset, like a seed). */
  readonly isOptional?: boolean
}

/**
 * A rule an option's value must satisfy, as plain data so that limits are readable
 * (`backend.options.validator('shots')` → `{ kind: 'range', min: 1, max: 8192 }`; Qiskit hides
 * them, Qiskit/qiskit#9573). The kinds follow Qiskit's `Options.set_validator`: an inclusive
 * numeric range, a list of allowed values, a type; plus a described custom check.
 */
export type OptionValidator =
  | (ValidatorBase & {
      readonly kind: 'range'
      readonly min: number
      readonly max: number
      /** Also require an integer (Qiskit's range check lets 1.5 shots through). */
      readonly isInteger?: boolean
    })
  | (ValidatorBase & { readonly kind: 'one-of'; readonly values: readonly unknown[] })
  | (ValidatorBase & { readonly kind: 'type'; readonly type: OptionValueType })
  | (ValidatorBase & {
      readonly kind: 'custom'
      /** What the check requires, for messages and `Options.toString()`. */
      readonly description: string
      /** Returns a reason when `value` is refused, `undefined` when accepted. */
      readonly check: (value: unknown) => string | undefined
    })

/**
 * An inclusive numeric range validator (Qiskit's 2-tuple `(lo, hi)`).
 *
 * @param min - the smallest allowed value
 * @param max - the largest allowed value
 * @param options - `isInteger` to require integers, `isOptional` to accept `undefined`
 * @returns the validator
 * @throws RangeError when `min > max` or a bound is NaN
 * @example
 * ```ts
 * new Options({ shots: 1024 }, { validators: { shots: inRange(1, 8192, { isInteger: true }) } })
 * ```
 */
export function inRange(
  min: number,
  max: number,
  options: { isInteger?: boolean; isOptional?: boolean } = {},
): OptionValidator {
  if (Number.isNaN(min) || Number.isNaN(max) || min > max) {
    throw new RangeError(`a range validator needs min <= max, got [${min}, ${max}]`)
  }
  return Object.freeze({ kind: 'range', min, max, ...options })
}

/**
 * An allowed-values validator (Qiskit's non-empty list). Values compare with `Object.is`.
 *
 * @param values - the allowed values, at least one
 * @param options - `isOptional` to accept `undefined`
 * @returns the validator
 * @throws RangeError when `values` is empty
 */
export function oneOf(
  values: readonly unknown[],
  options: { isOptional?: boolean } = {},
): OptionValidator {
  if (values.length === 0) throw new RangeError('a one-of validator needs at least one value')
  return Object.freeze({ kind: 'one-of', values: Object.freeze([...values]), ...options })
}

/**
 * A type validator (Qiskit's type check).
 *
 * @param type - the required value type
 * @param options - `isOptional` to accept `undefined`
 * @returns the validator
 * @throws TypeError for an unknown type name
 */
export function ofType(
  type: OptionValueType,
  options: { isOptional?: boolean } = {},
): OptionValidator {
  if (!(OPTION_VALUE_TYPES as readonly string[]).includes(type)) {
    throw new TypeError(`unknown option value type '${type}'`)
  }
  return Object.freeze({ kind: 'type', type, ...options })
}

/**
 * A described custom validator, for rules the data kinds cannot express.
 *
 * @param description - what the rule requires (shown in messages)
 * @param check - returns a reason to refuse a value, or `undefined` to accept it
 * @param options - `isOptional` to accept `undefined` without calling `check`
 * @returns the validator
 */
export function satisfies(
  description: string,
  check: (value: unknown) => string | undefined,
  options: { isOptional?: boolean } = {},
): OptionValidator {
  return Object.freeze({ kind: 'custom', description, check, ...options })
}

/**
 * Says what a validator requires, in words (`>= 1 and <= 8192`, `one of ['a', 'b']`, …).
 *
 * @param validator - the validator
 * @returns a short description
 */
export function describeOptionValidator(validator: OptionValidator): string {
  const tail = validator.isOptional === true ? ' (or undefined)' : ''
  switch (validator.kind) {
    case 'range':
      return `${validator.isInteger === true ? 'an integer ' : ''}>= ${validator.min} and <= ${validator.max}${tail}`
    case 'one-of':
      return `one of [${validator.values.map(formatOptionValue).join(', ')}]${tail}`
    case 'type':
      return `of type ${validator.type}${tail}`
    case 'custom':
      return `${validator.description}${tail}`
  }
}

/**
 * Checks one value against a validator.
 *
 * @param option - the option's name (for the message)
 * @param value - the proposed value
 * @param validator - the rule
 * @throws {@link OptionValidationError} `option.out-of-range`, `option.not-allowed`,
 *   `option.wrong-type` or `option.invalid`, naming the option and the rule
 */
export function checkOptionValue(option: string, value: unknown, validator: OptionValidator): void {
  if (value === undefined && validator.isOptional === true) return
  const refusal = refuse(value, validator)
  if (refusal === undefined) return
  const [code, reason] = refusal
  throw new OptionValidationError(
    code,
    `Option ${option} = ${formatOptionValue(value)} ${reason}: must be ${describeOptionValidator(validator)}.`,
    { option, value },
  )
}

type RefusalCode =
  'option.out-of-range' | 'option.not-allowed' | 'option.wrong-type' | 'option.invalid'
type Refusal = readonly [RefusalCode, string]

function refuse(value: unknown, validator: OptionValidator): Refusal | undefined {
  switch (validator.kind) {
    case 'range': {
      if (typeof value !== 'number' || Number.isNaN(value))
        return ['option.wrong-type', 'is not a number']
      if (validator.isInteger === true && !Number.isInteger(value)) {
        return ['option.out-of-range', 'is not an integer']
      }
      if (value < validator.min || value > validator.max)
        return ['option.out-of-range', 'is out of range']
      return undefined
    }
    case 'one-of':
      return validator.values.some((v) => Object.is(v, value))
        ? undefined
        : ['option.not-allowed', 'is not allowed']
    case 'type':
      return hasValueType(value, validator.type)
        ? undefined
        : ['option.wrong-type', 'has the wrong type']
    case 'custom': {
      const reason = validator.check(value)
      return reason === undefined ? undefined : ['option.invalid', reason]
    }
  }
}

function hasValueType(value: unknown, type: OptionValueType): boolean {
  switch (type) {
    case 'integer':
      return Number.isSafeInteger(value)
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'number':
      return typeof value === 'number' && !Number.isNaN(value)
    case 'string':
    case 'boolean':
    case 'bigint':
    case 'function':
      return typeof value === type
  }
}

/**
 * Formats an option value for messages: strings quoted, bigints with `n`, objects as JSON.
 *
 * @param value - any option value
 * @returns a short display form
 */
export function formatOptionValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (typeof value === 'bigint') return `${value.toString()}n`
  if (typeof value === 'function') return '[function]'
  if (value === undefined) return 'undefined'
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value)
    } catch {
      return '[object]'
    }
  }
  if (value === null) return 'null'
  if (typeof value === 'symbol') return value.toString()
  return `${value as number | boolean}`
}
