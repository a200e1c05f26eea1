/** Small helpers for reading untrusted JSON documents into frozen values. */

/** A JSON object. */
export type JsonRecord = Readonly<Record<string, unknown>>

/**
 * @param value - anything
 * @returns whether it is a plain (non-array, non-null) object
 */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A deep, frozen copy of a JSON value (dates and class instances become their JSON form).
 *
 * @param value - a JSON-compatible value
 * @returns the frozen copy
 */
export function frozenJsonCopy<T>(value: T): T {
  return deepFreeze(JSON.parse(JSON.stringify(value)) as T)
}

/**
 * A deep, mutable copy of a JSON value.
 *
 * @param value - a JSON-compatible value
 * @returns the copy
 */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

/** What a field must be; `'number[][]'` is a list of integer tuples. */
export type FieldType = 'string' | 'number' | 'boolean' | 'string[]' | 'number[]' | 'number[][]'

/**
 * @param value - a field value
 * @param type - what it must be
 * @returns whether the value has that type
 */
export function hasFieldType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === type
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string')
    case 'number[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'number')
    case 'number[][]':
      return (
        Array.isArray(value) &&
        value.every((row) => Array.isArray(row) && row.every((v) => Number.isInteger(v)))
      )
  }
}

/**
 * Parses an ISO 8601 date.
 *
 * @param value - the date string
 * @returns the date, or `null` if absent or unreadable
 */
export function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}
