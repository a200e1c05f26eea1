import type { TSchema } from '@sinclair/typebox'
import { expect } from 'vitest'
import { fieldErrors } from '../../src/validation/validate-value.js'

/** Asserts that a value satisfies a schema, showing the field errors if not. */
export function expectValid(schema: TSchema, value: unknown): void {
  expect(fieldErrors(schema, value)).toEqual([])
}

/**
 * Asserts that a value fails a schema with an error at `pointer` (and with `code`, if given).
 */
export function expectInvalid(schema: TSchema, value: unknown, pointer: string, code?: string): void {
  const errors = fieldErrors(schema, value, { maxErrors: 100 })
  const hit = errors.find((e) => e.pointer === pointer)
  expect(hit, `expected an error at ${pointer}, got ${JSON.stringify(errors)}`).toBeDefined()
  if (code !== undefined) expect(hit?.code).toBe(code)
}

/** A deep copy with one change, for "typical bad input" cases. */
export function withChange<TValue>(value: TValue, change: (copy: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(value) as Record<string, unknown>
  change(copy)
  return copy
}
