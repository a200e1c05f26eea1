import type { Static, TSchema } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import type { ValueError } from '@sinclair/typebox/errors'
import { Value } from '@sinclair/typebox/value'
import { problemDocument } from '../errors/problem-document.js'
import { ProtocolError } from '../errors/protocol-error.js'
import type { FieldError, ProblemDocument, RequestPart } from '../schemas/problem-document.js'
import { fieldErrorCodeOf } from './field-error-codes.js'
import { registerProtocolFormats } from './formats.js'
import { pointerToField } from './json-pointer.js'

interface Checker {
  check(value: unknown): boolean
  errors(value: unknown): Iterable<ValueError>
}

const checkers = new WeakMap<TSchema, Checker>()

/**
 * The checker of a schema, compiled once. TypeBox's compiler generates code with `new Function`,
 * which a strict Content-Security-Policy forbids in browsers; then the interpreting `Value`
 * checker is used instead (same answers, slower).
 */
function checkerOf(schema: TSchema): Checker {
  registerProtocolFormats()
  let checker = checkers.get(schema)
  if (checker === undefined) {
    try {
      const compiled = TypeCompiler.Compile(schema)
      checker = { check: (v) => compiled.Check(v), errors: (v) => compiled.Errors(v) }
    } catch {
      checker = { check: (v) => Value.Check(schema, v), errors: (v) => Value.Errors(schema, v) }
    }
    checkers.set(schema, checker)
  }
  return checker
}

/** Options of {@link validateValue}. */
export interface ValidateOptions {
  /** Which part of the request the value is (for `errors[].in` and the detail). */
  readonly in?: RequestPart
  /** At most this many field errors are reported (default 20). */
  readonly maxErrors?: number
}

/** The outcome of {@link validateValue}. */
export type ValidationResult<TValue> =
  | { readonly ok: true; readonly value: TValue }
  | { readonly ok: false; readonly errors: FieldError[]; readonly problem: ProblemDocument }

/**
 * Whether a value matches a schema (a type guard; no error details).
 *
 * @param schema - a protocol schema
 * @param value - parsed JSON
 * @returns true when it matches
 */
export function isValid<TType extends TSchema>(
  schema: TType,
  value: unknown,
): value is Static<TType> {
  return checkerOf(schema).check(value)
}

/**
 * The field errors of a value against a schema: one per JSON pointer (the first TypeBox
 * reports), in document order, at most `maxErrors`.
 *
 * @param schema - a protocol schema
 * @param value - parsed JSON
 * @param options - request part and cap
 * @returns the errors, empty when the value is valid
 */
export function fieldErrors(
  schema: TSchema,
  value: unknown,
  options: ValidateOptions = {},
): FieldError[] {
  const max = options.maxErrors ?? 20
  const seen = new Set<string>()
  const out: FieldError[] = []
  for (const error of checkerOf(schema).errors(value)) {
    if (seen.has(error.path)) continue
    seen.add(error.path)
    out.push({
      ...(options.in === undefined ? {} : { in: options.in }),
      pointer: error.path,
      field: pointerToField(error.path),
      code: fieldErrorCodeOf(error.type),
      message: error.message,
    })
    if (out.length >= max) break
  }
  return out
}

/**
 * Validates a value against a protocol schema and, when it fails, builds the 422
 * `validation_failed` problem document with a JSON pointer per invalid field.
 *
 * @param schema - a protocol schema
 * @param value - parsed JSON
 * @param options - request part and error cap
 * @returns `{ ok: true, value }` or `{ ok: false, errors, problem }`
 * @example
 * ```ts
 * const r = validateValue(JobSubmissionSchema, body, { in: 'body' })
 * if (!r.ok) return reply.code(r.problem.status).type('application/problem+json').send(r.problem)
 * ```
 */
export function validateValue<TType extends TSchema>(
  schema: TType,
  value: unknown,
  options: ValidateOptions = {},
): ValidationResult<Static<TType>> {
  if (checkerOf(schema).check(value)) return { ok: true, value }
  const errors = fieldErrors(schema, value, options)
  return { ok: false, errors, problem: validationProblem(errors, options.in) }
}

/**
 * Like {@link validateValue} but throwing.
 *
 * @param schema - a protocol schema
 * @param value - parsed JSON
 * @param options - request part and error cap
 * @returns the value, typed
 * @throws {@link ProtocolError} `protocol.validation-failed` with the field errors
 */
export function assertValid<TType extends TSchema>(
  schema: TType,
  value: unknown,
  options: ValidateOptions = {},
): Static<TType> {
  const result = validateValue(schema, value, options)
  if (result.ok) return result.value
  throw new ProtocolError('protocol.validation-failed', result.problem.detail ?? 'Invalid value.', {
    errors: result.errors,
  })
}

/**
 * The `validation_failed` problem document for a list of field errors.
 *
 * @param errors - the field errors (at least one, for a useful detail)
 * @param part - which part of the request was invalid
 * @returns the problem document (status 422)
 */
export function validationProblem(
  errors: readonly FieldError[],
  part?: RequestPart,
): ProblemDocument {
  const where = part === undefined ? 'Invalid request' : `Invalid request ${part}`
  const first = errors[0]
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
  const detail =
    first === undefined
      ? `${where}.`
      : `${where}: ${first.field === '' ? '(root)' : first.field}: ${first.message}${more}.`
  return problemDocument('validation_failed', detail, { errors })
}

/**
 * A copy of a value with the schema's `default`s filled in (e.g. `limit: 20`), for servers that
 * validate outside a framework. The input is not modified.
 *
 * @param schema - a protocol schema
 * @param value - parsed JSON
 * @returns the value with defaults
 */
export function withDefaults<TType extends TSchema>(schema: TType, value: unknown): unknown {
  return Value.Default(schema, Value.Clone(value))
}
