import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import type { ScalarTypeName, TextSpan } from '../ast.js'
import { fail, needsStatic } from './lowering-error.js'

/** The units a duration value may carry (`µs` is normalised to `us`). */
export type DurationUnit = 'dt' | 's' | 'ms' | 'us' | 'ns' | 'ps'

/**
 * A classical value known while lowering. Numbers may be symbolic (a {@link ParameterValue}
 * holding input parameters or a loop parameter); everything else is concrete.
 */
export type Value =
  | { readonly kind: 'number'; readonly value: ParameterValue; readonly isInt: boolean }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'bits'; readonly value: bigint; readonly width: number }
  | { readonly kind: 'duration'; readonly value: number; readonly unit: DurationUnit }

/** A scalar type with its evaluated designator. */
export interface ClassicalType {
  readonly name: ScalarTypeName
  readonly size?: number
}

/** An integer value. */
export function intValue(value: number): Value {
  return { kind: 'number', value, isInt: true }
}

/** A real (or symbolic) value. */
export function realValue(value: ParameterValue): Value {
  return { kind: 'number', value, isInt: false }
}

/** A boolean value. */
export function boolValue(value: boolean): Value {
  return { kind: 'bool', value }
}

/** A bit-string value of `width` bits (bit 0 least significant). */
export function bitsValue(value: bigint, width: number): Value {
  const mask = (1n << BigInt(width)) - 1n
  return { kind: 'bits', value: value & mask, width }
}

/**
 * The value as a concrete number.
 *
 * @throws NeedsStaticError if it is symbolic; LoweringError for a duration
 */
export function staticNumber(value: Value, span: TextSpan): number {
  switch (value.kind) {
    case 'number':
      if (typeof value.value !== 'number') {
        needsStatic(`'${value.value.toString()}' is not known at compile time here`, span)
      }
      return value.value
    case 'bool':
      return value.value ? 1 : 0
    case 'bits':
      return Number(value.value)
    case 'duration':
      return fail('qasm3.semantic.type-mismatch', 'a duration is not a number', span)
  }
}

/**
 * The value as an integer (indices, sizes, loop bounds).
 *
 * @throws LoweringError `qasm3.semantic.type-mismatch` for a fraction
 */
export function staticInteger(value: Value, span: TextSpan): number {
  const n = staticNumber(value, span)
  if (!Number.isInteger(n))
    fail('qasm3.semantic.type-mismatch', `expected an integer, got ${n}`, span)
  return n
}

/** The value as a boolean (`if` conditions, `bool(x)`). */
export function staticBool(value: Value, span: TextSpan): boolean {
  if (value.kind === 'bool') return value.value
  if (value.kind === 'bits') return value.value !== 0n
  return staticNumber(value, span) !== 0
}

/** The value as a gate parameter: a number or a parameter expression. */
export function parameterValue(value: Value, span: TextSpan): ParameterValue {
  if (value.kind === 'number') return value.value
  return staticNumber(value, span)
}

/** The value as a bigint (bitwise operations, register comparisons). */
export function staticBigInt(value: Value, span: TextSpan): bigint {
  if (value.kind === 'bits') return value.value
  return BigInt(staticInteger(value, span))
}

/** Wraps an integer into `size` bits, signed or unsigned. */
function wrapInteger(n: number, size: number, isSigned: boolean): number {
  if (size >= 53) return n
  const modulus = 2 ** size
  let wrapped = ((n % modulus) + modulus) % modulus
  if (isSigned && wrapped >= modulus / 2) wrapped -= modulus
  return wrapped
}

/**
 * Converts a value to a declared or cast type, as OpenQASM 3's implicit and explicit casts do
 * for the types the lowering supports.
 *
 * @throws LoweringError `qasm3.semantic.type-mismatch` for an impossible conversion
 */
export function castValue(value: Value, type: ClassicalType, span: TextSpan): Value {
  const converted = convert(value, type, span)
  if (converted !== undefined) return converted
  return fail(
    'qasm3.semantic.type-mismatch',
    `cannot convert a ${value.kind} to ${type.name}`,
    span,
  )
}

/** `int[n]`/`uint[n]`: truncation, then wrapping into the width. */
function toInteger(value: Value, type: ClassicalType, span: TextSpan): Value {
  if (value.kind === 'number' && typeof value.value !== 'number') return { ...value, isInt: true }
  const n = Math.trunc(staticNumber(value, span))
  return intValue(type.size === undefined ? n : wrapInteger(n, type.size, type.name === 'int'))
}

/** `float`/`angle`: any number; durations do not convert. */
function toReal(value: Value, span: TextSpan): Value | undefined {
  if (value.kind === 'duration') return undefined
  return realValue(value.kind === 'number' ? value.value : staticNumber(value, span))
}

/** `bit[n]`: a bit string of the declared width. */
function toBits(value: Value, type: ClassicalType, span: TextSpan): Value {
  const width = type.size ?? 1
  if (value.kind === 'bits' && value.width === width) return value
  return bitsValue(staticBigInt(value, span), width)
}

/** The converted value, or undefined when the conversion does not exist. */
function convert(value: Value, type: ClassicalType, span: TextSpan): Value | undefined {
  switch (type.name) {
    case 'bool':
      return boolValue(staticBool(value, span))
    case 'int':
    case 'uint':
      return toInteger(value, type, span)
    case 'float':
    case 'angle':
      return toReal(value, span)
    case 'bit':
      return toBits(value, type, span)
    case 'duration':
      return value.kind === 'duration' ? value : undefined
    case 'stretch':
    case 'complex':
      return undefined
  }
}

/** The default value of a declared but uninitialised variable. */
export function zeroValue(type: ClassicalType): Value {
  switch (type.name) {
    case 'bool':
      return boolValue(false)
    case 'bit':
      return bitsValue(0n, type.size ?? 1)
    case 'duration':
      return { kind: 'duration', value: 0, unit: 's' }
    case 'float':
    case 'angle':
    case 'complex':
      return realValue(0)
    case 'int':
    case 'uint':
    case 'stretch':
      return intValue(0)
  }
}
