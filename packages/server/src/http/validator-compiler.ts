import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { fieldErrors, isValid, validationProblem, type RequestPart } from '@qfabric/protocol'
import type { FastifySchemaCompiler } from 'fastify'
import { ServiceError } from './service-error.js'

/** Fastify's names for the parts of a request, mapped to the protocol's. */
const PARTS: Readonly<Record<string, RequestPart>> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
}

/**
 * Fastify's validator compiler for the protocol's TypeBox schemas, instead of Ajv: the same
 * checker the protocol package and the client use (so all three agree on what is valid), and
 * errors that become our problem documents — one field error per JSON pointer, `in` saying which
 * part of the request. Query strings, path parameters and headers arrive as strings, so they are
 * converted to the schema's types first (`limit=50` → 50, a single `status=QUEUED` → `['QUEUED']`);
 * bodies are JSON and are checked as sent. Defaults are filled in everywhere.
 *
 * An invalid path parameter answers 404 (a job id that cannot exist names no job), everything
 * else 422 `validation_failed`.
 *
 * @param route - the schema and the part of the request it validates
 * @returns the validator Fastify calls per request
 */
export const protocolValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const part = PARTS[httpPart ?? 'body'] ?? 'body'
  return (data: unknown) => {
    const converted = part === 'body' ? data : Value.Convert(schema, data)
    const value = Value.Default(schema, converted)
    // The compiled check first: collecting errors walks the whole value even when it is valid.
    if (isValid(schema, value)) return { value }
    const errors = fieldErrors(schema, value, { in: part })
    if (errors.length === 0) return { value }
    if (part === 'path') {
      const first = errors[0]
      const what = first?.field ?? 'resource'
      return { error: new ServiceError('not_found', `No such ${what}.`) }
    }
    const problem = validationProblem(errors, part)
    return {
      error: new ServiceError('validation_failed', problem.detail ?? 'Invalid request.', {
        errors,
      }),
    }
  }
}
