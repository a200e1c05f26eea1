import { ValueErrorType } from '@sinclair/typebox/errors'

/**
 * The `code`s of field errors produced by schema validation (`errors[].code` of a
 * `validation_failed` problem). Servers add their own for checks beyond the schema
 * (`max_exceeded` for a backend limit, `unknown_parameter`, …); clients treat the set as open.
 */
export const FIELD_ERROR_CODES = {
  required: 'A required field is missing',
  unknown_property: 'A field that the schema does not allow',
  unknown_parameter: 'A query parameter that the endpoint does not know',
  repeated_parameter: 'A query parameter given more than once that takes one value',
  repeated_header: 'A header given more than once that takes one value',
  wrong_type: 'A value of the wrong JSON type',
  invalid_value: 'A value outside the allowed set or shapes',
  invalid_format: 'A string not in the required format (e.g. RFC 3339 date-time)',
  pattern_mismatch: 'A string not matching the required pattern',
  too_short: 'A string shorter than allowed',
  too_long: 'A string longer than allowed',
  too_few_items: 'An array with too few items',
  too_many_items: 'An array with too many items',
  duplicate_items: 'An array whose items must be distinct',
  too_few_properties: 'An object with too few fields',
  too_many_properties: 'An object with too many fields',
  below_min: 'A number below the minimum',
  max_exceeded: 'A number above the maximum (or a limit exceeded)',
  not_multiple: 'A number not a multiple of the required step',
  conflict: 'Fields that contradict each other',
} as const

/** A field error code produced by this package. */
export type FieldErrorCode = keyof typeof FIELD_ERROR_CODES

const BY_TYPE: Partial<Record<ValueErrorType, FieldErrorCode>> = {
  [ValueErrorType.ObjectRequiredProperty]: 'required',
  [ValueErrorType.ObjectAdditionalProperties]: 'unknown_property',
  [ValueErrorType.ObjectMinProperties]: 'too_few_properties',
  [ValueErrorType.ObjectMaxProperties]: 'too_many_properties',
  [ValueErrorType.StringFormat]: 'invalid_format',
  [ValueErrorType.StringFormatUnknown]: 'invalid_format',
  [ValueErrorType.StringPattern]: 'pattern_mismatch',
  [ValueErrorType.StringMinLength]: 'too_short',
  [ValueErrorType.StringMaxLength]: 'too_long',
  [ValueErrorType.ArrayMinItems]: 'too_few_items',
  [ValueErrorType.ArrayMaxItems]: 'too_many_items',
  [ValueErrorType.ArrayUniqueItems]: 'duplicate_items',
  [ValueErrorType.TupleLength]: 'invalid_value',
  [ValueErrorType.IntegerMinimum]: 'below_min',
  [ValueErrorType.IntegerExclusiveMinimum]: 'below_min',
  [ValueErrorType.NumberMinimum]: 'below_min',
  [ValueErrorType.NumberExclusiveMinimum]: 'below_min',
  [ValueErrorType.IntegerMaximum]: 'max_exceeded',
  [ValueErrorType.IntegerExclusiveMaximum]: 'max_exceeded',
  [ValueErrorType.NumberMaximum]: 'max_exceeded',
  [ValueErrorType.NumberExclusiveMaximum]: 'max_exceeded',
  [ValueErrorType.IntegerMultipleOf]: 'not_multiple',
  [ValueErrorType.NumberMultipleOf]: 'not_multiple',
  [ValueErrorType.Literal]: 'invalid_value',
  [ValueErrorType.Union]: 'invalid_value',
  [ValueErrorType.Never]: 'invalid_value',
}

/**
 * The field error code for a TypeBox error type: bounds, lengths, patterns and formats get their
 * own codes; a value of the wrong JSON type is `wrong_type`.
 *
 * @param type - TypeBox's `ValueErrorType`
 * @returns our code
 */
export function fieldErrorCodeOf(type: ValueErrorType): FieldErrorCode {
  return BY_TYPE[type] ?? 'wrong_type'
}
