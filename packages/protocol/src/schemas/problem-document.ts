import { Type, type Static } from '@sinclair/typebox'
import { defineSchema } from './define-schema.js'
import { Nullable } from './common.js'

/** Where in a request a field error points. */
export const REQUEST_PARTS = ['body', 'query', 'path', 'header'] as const

/** A part of a request: `body`, `query`, `path` or `header`. */
export type RequestPart = (typeof REQUEST_PARTS)[number]

/**
 * One problem with one field: where (`field`, and `pointer` into the request part), what
 * (`code`) and why (`message`). Parse errors add `line`/`column`; unsupported operations add `gate` and
 * `qubits`; limit violations add `limit`.
 */
export const FieldErrorSchema = defineSchema(
  Type.Object(
    {
      in: Type.Optional(Type.Union(REQUEST_PARTS.map((p) => Type.Literal(p)))),
      field: Type.String({
        description: 'The location as a dotted path ("" = the whole part)',
        examples: ['shots', 'input.circuits[0].qasm'],
      }),
      pointer: Type.Optional(
        Type.String({
          description:
            'The same location as an RFC 6901 JSON pointer (qfabric servers always set it)',
          examples: ['/shots', '/input/circuits/0/qasm'],
        }),
      ),
      code: Type.String({ description: 'What is wrong', examples: ['max_exceeded', 'required'] }),
      message: Type.String(),
      line: Type.Optional(Type.Integer({ minimum: 1, description: 'Line in a QASM program' })),
      column: Type.Optional(Type.Integer({ minimum: 1, description: 'Column in a QASM program' })),
      gate: Type.Optional(Type.String({ description: 'The unsupported gate' })),
      qubits: Type.Optional(
        Type.Array(Type.Integer({ minimum: 0 }), { description: 'Its qubits' }),
      ),
      limit: Type.Optional(Type.Number({ description: 'The limit that was exceeded' })),
    },
    { $id: 'FieldError', description: 'One invalid field of a request' },
  ),
)

/** One invalid field of a request. */
export type FieldError = Static<typeof FieldErrorSchema>

/**
 * An RFC 9457 problem document (`application/problem+json`) with our extension members: every
 * non-2xx response of the service has this body. Unknown members are allowed (RFC 9457 §3.2).
 */
export const ProblemDocumentSchema = defineSchema(
  Type.Object(
    {
      type: Type.String({
        description: 'URI reference identifying the problem type (the error registry page)',
        examples: ['/errors/pending_job_limit_exceeded'],
      }),
      title: Type.String({ description: 'Short summary of the problem type' }),
      status: Type.Integer({ minimum: 400, maximum: 599, description: 'The HTTP status' }),
      code: Type.String({ description: 'Stable error code (SERVICE_ERROR_CODES)' }),
      detail: Type.Optional(Type.String({ description: 'What happened in this occurrence' })),
      instance: Type.Optional(Type.String({ description: 'URI reference of this occurrence' })),
      retryable: Type.Boolean({ description: 'Whether retrying the same request may succeed' }),
      retry_after_seconds: Type.Optional(
        Type.Number({ minimum: 0, description: 'Wait at least this long (also Retry-After)' }),
      ),
      trace_id: Type.Optional(Type.String({ description: 'Server trace id for support' })),
      errors: Type.Optional(Type.Array(FieldErrorSchema)),
      solution: Type.Optional(Type.String({ description: 'What the caller can do about it' })),
      job_status: Type.Optional(Nullable(Type.String(), { description: 'For job-state errors' })),
    },
    { $id: 'ProblemDocument', description: 'RFC 9457 problem details with a stable code' },
  ),
)

/** An RFC 9457 problem document with our `code`. */
export type ProblemDocument = Static<typeof ProblemDocumentSchema>
