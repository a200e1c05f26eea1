import { Type, type Static } from '@sinclair/typebox'
import { IDEMPOTENCY_KEY_PATTERN } from '../auth/idempotency-key.js'
import {
  BackendNameSchema,
  DisplayNameSchema,
  LiteralUnion,
  MetadataSchema,
  PROGRAM_NAME_PATTERN,
  TagsSchema,
} from './common.js'
import { defineSchema } from './define-schema.js'

/**
 * Who may read a job (IBMQ's share levels, without `global`): only its owner (and admins), or
 * every member of its project, group or hub.
 */
export const JOB_VISIBILITIES = ['private', 'project', 'group', 'hub'] as const

/** A job's visibility. */
export type JobVisibility = (typeof JOB_VISIBILITIES)[number]

/** The program `POST /v1/jobs` runs when the body names none: Qiskit's `backend.run`. */
export const DEFAULT_JOB_PROGRAM = 'circuit-runner'

/** One circuit: an OpenQASM program (version from its header; OpenQASM 2 if none). */
export const CircuitInputSchema = defineSchema(
  Type.Object(
    {
      qasm: Type.String({
        minLength: 1,
        description: 'OpenQASM 3 or 2 source; the header selects the version (2 if absent)',
      }),
      name: Type.Optional(Type.String({ maxLength: 200, description: 'Experiment name' })),
      metadata: Type.Optional(MetadataSchema),
    },
    { $id: 'CircuitInput', additionalProperties: false },
  ),
)

/** One circuit of a submission. */
export type CircuitInput = Static<typeof CircuitInputSchema>

/** The input of a `circuit-runner` job: the circuits, run in order, one result each. */
export const JobInputSchema = defineSchema(
  Type.Object(
    { circuits: Type.Array(CircuitInputSchema, { minItems: 1 }) },
    { $id: 'JobInput', additionalProperties: false },
  ),
)

/** A job's input. */
export type JobInput = Static<typeof JobInputSchema>

/** The name of a client library, as reported in `client`. */
export const ClientInfoSchema = defineSchema(
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 64 }),
      version: Type.String({ minLength: 1, maxLength: 64 }),
    },
    { $id: 'ClientInfo', additionalProperties: false },
  ),
)

/** The submitting client library. */
export type ClientInfo = Static<typeof ClientInfoSchema>

/** A backend-specific run option value (`method: 'stabilizer'`, `noise: true`, …). */
export const RunOptionValueSchema = Type.Union([
  Type.String(),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
])

/**
 * `POST /v1/jobs` (header `Idempotency-Key`): the circuits, how to run them and how to file the
 * job. Validated synchronously, limits included (422 with field errors), so nothing known at
 * submit time fails after queueing. Answers 201 with the job record (200 with header
 * `Idempotent-Replayed: true` when the key was seen with the same body).
 */
export const JobSubmissionSchema = defineSchema(
  Type.Object(
    {
      backend: BackendNameSchema,
      program: Type.Optional(
        Type.String({
          pattern: PROGRAM_NAME_PATTERN,
          maxLength: 64,
          default: DEFAULT_JOB_PROGRAM,
          description: 'Program that interprets the input',
        }),
      ),
      input: JobInputSchema,
      shots: Type.Optional(
        Type.Integer({ minimum: 1, description: "Shots per circuit; default the backend's" }),
      ),
      seed: Type.Optional(
        Type.Integer({
          minimum: 0,
          description: 'Simulator seed (seed_simulator); repeatable runs',
        }),
      ),
      memory: Type.Optional(
        Type.Boolean({ default: false, description: 'Return per-shot outcomes (memory)' }),
      ),
      options: Type.Optional(
        Type.Record(Type.String(), RunOptionValueSchema, {
          description: 'Further backend run options, validated by the backend',
        }),
      ),
      name: Type.Optional(DisplayNameSchema),
      tags: Type.Optional(TagsSchema),
      metadata: Type.Optional(MetadataSchema),
      visibility: Type.Optional(LiteralUnion(JOB_VISIBILITIES, { default: 'private' })),
      max_execution_seconds: Type.Optional(
        Type.Integer({
          minimum: 1,
          description: "Run-time cap; default and maximum the backend's",
        }),
      ),
      queue_ttl_seconds: Type.Optional(
        Type.Integer({ minimum: 1, description: 'Cancel (reason expired) if still queued after' }),
      ),
      client: Type.Optional(ClientInfoSchema),
    },
    { $id: 'JobSubmission', additionalProperties: false },
  ),
)

/** `POST /v1/jobs` body. */
export type JobSubmission = Static<typeof JobSubmissionSchema>

/** Headers of `POST /v1/jobs` and `POST …/cancel` (lowercase, as Node delivers them). */
export const IdempotencyHeadersSchema = defineSchema(
  Type.Object(
    {
      'idempotency-key': Type.Optional(
        Type.String({
          pattern: IDEMPOTENCY_KEY_PATTERN,
          description: 'UUID or ULID the client reuses across its retries',
        }),
      ),
    },
    { $id: 'IdempotencyHeaders' },
  ),
)

/** Idempotency headers. */
export type IdempotencyHeaders = Static<typeof IdempotencyHeadersSchema>
