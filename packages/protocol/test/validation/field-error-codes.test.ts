import { ValueErrorType } from '@sinclair/typebox/errors'
import { describe, expect, it } from 'vitest'
import { FIELD_ERROR_CODES, fieldErrorCodeOf } from '../../src/validation/field-error-codes.js'

describe('fieldErrorCodeOf', () => {
  it('maps every TypeBox error type onto a documented code', () => {
    const types = Object.values(ValueErrorType).filter(
      (v): v is ValueErrorType => typeof v === 'number',
    )
    expect(types.length).toBeGreaterThan(60)
    for (const type of types)
      expect(Object.keys(FIELD_ERROR_CODES)).toContain(fieldErrorCodeOf(type))
  })

  it('distinguishes bounds, lengths and types', () => {
    expect(fieldErrorCodeOf(ValueErrorType.IntegerMaximum)).toBe('max_exceeded')
    expect(fieldErrorCodeOf(ValueErrorType.NumberMinimum)).toBe('below_min')
    expect(fieldErrorCodeOf(ValueErrorType.StringMaxLength)).toBe('too_long')
    expect(fieldErrorCodeOf(ValueErrorType.ObjectRequiredProperty)).toBe('required')
    expect(fieldErrorCodeOf(ValueErrorType.Integer)).toBe('wrong_type')
  })
})
