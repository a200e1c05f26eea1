import type { FieldError, RequestPart } from '../schemas/problem-document.js'
import type { FieldErrorCode } from './field-error-codes.js'
import { formatJsonPointer, parseJsonPointer, pointerToField } from './json-pointer.js'

/**
 * The part of an Ajv error object used here (Ajv is what Fastify validates with; declared
 * structurally so this package does not depend on it).
 */
export interface AjvErrorLike {
  readonly instancePath: string
  readonly keyword: string
  readonly message?: string | undefined
  readonly params: Readonly<Record<string, unknown>>
}

const BY_KEYWORD: Readonly<Record<string, FieldErrorCode>> = {
  required: 'required',
  additionalProperties: 'unknown_property',
  type: 'wrong_type',
  minimum: 'below_min',
  exclusiveMinimum: 'below_min',
  maximum: 'max_exceeded',
  exclusiveMaximum: 'max_exceeded',
  multipleOf: 'not_multiple',
  minLength: 'too_short',
  maxLength: 'too_long',
  pattern: 'pattern_mismatch',
  format: 'invalid_format',
  minItems: 'too_few_items',
  maxItems: 'too_many_items',
  uniqueItems: 'duplicate_items',
  minProperties: 'too_few_properties',
  maxProperties: 'too_many_properties',
}

/** Fastify's names of request parts (`validationContext`) → ours. */
const PARTS: Readonly<Record<string, RequestPart>> = {
  body: 'body',
  querystring: 'query',
  query: 'query',
  params: 'path',
  headers: 'header',
}

/**
 * Field errors from Ajv's errors (what Fastify puts on a validation error as `validation`, with
 * `validationContext`), in the same shape {@link fieldErrors} produces, so a server answers
 * schema failures from its framework and from this package alike. The pointer of `required` and
 * `additionalProperties` errors points at the missing or unknown member, not its parent.
 *
 * @param errors - Ajv's error objects
 * @param context - Fastify's `validationContext` (`body`, `querystring`, `params`, `headers`)
 * @returns one field error per pointer, in order
 * @example
 * ```ts
 * fastify.setErrorHandler((error, request, reply) => {
 *   if (error.validation) {
 *     const errors = fieldErrorsFromAjv(error.validation, error.validationContext)
 *     const problem = validationProblem(errors)
 *     return reply.code(422).type('application/problem+json').send(problem)
 *   }
 * })
 * ```
 */
export function fieldErrorsFromAjv(
  errors: readonly AjvErrorLike[],
  context?: string,
): FieldError[] {
  const part = context === undefined ? undefined : PARTS[context]
  const seen = new Set<string>()
  const out: FieldError[] = []
  for (const error of errors) {
    const pointer = pointerOf(error)
    if (seen.has(pointer)) continue
    seen.add(pointer)
    out.push({
      ...(part === undefined ? {} : { in: part }),
      pointer,
      field: pointerToField(pointer),
      code: BY_KEYWORD[error.keyword] ?? 'invalid_value',
      message: error.message ?? error.keyword,
    })
  }
  return out
}

function pointerOf(error: AjvErrorLike): string {
  const member =
    error.keyword === 'required'
      ? error.params['missingProperty']
      : error.keyword === 'additionalProperties'
        ? error.params['additionalProperty']
        : undefined
  if (typeof member !== 'string') return error.instancePath
  return formatJsonPointer([...parseJsonPointer(error.instancePath), member])
}
