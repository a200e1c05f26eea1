import { Type, type Static } from '@sinclair/typebox'
import { PROTOCOL_LIMITS } from '../protocol-limits.js'
import { defineSchema } from './define-schema.js'
import { DisplayNameSchema, JobIdSchema, Nullable, TagsSchema } from './common.js'
import { JobRecordSchema, ServiceJobStatusSchema } from './job-record.js'

/** `{id}` path parameter of job endpoints. */
export const JobParamsSchema = defineSchema(
  Type.Object({ id: JobIdSchema }, { $id: 'JobParams', additionalProperties: false }),
)

/** `{id}` path parameter of job endpoints. */
export type JobParams = Static<typeof JobParamsSchema>

/** `GET /v1/jobs/{id}` headers: conditional and long-poll requests. */
export const GetJobHeadersSchema = defineSchema(
  Type.Object(
    {
      'if-none-match': Type.Optional(
        Type.String({ description: 'ETag "<rev>": 304 if unchanged' }),
      ),
      prefer: Type.Optional(
        Type.String({ description: 'wait=<s> (≤ 60): hold the request until rev changes' }),
      ),
    },
    { $id: 'GetJobHeaders' },
  ),
)

/** `GET /v1/jobs/{id}` headers. */
export type GetJobHeaders = Static<typeof GetJobHeadersSchema>

/**
 * `POST /v1/jobs/{id}/cancel` → 202 when this request moved the job (`QUEUED` → `CANCELLED`
 * at once, `RUNNING` → `CANCELLING`), or 200 with `already_final: true` when the job had already
 * ended (then `status` is the final one — a cancel that lost the race says `COMPLETED` or
 * `FAILED`). Cancelling is never an error, and repeating it changes nothing.
 */
export const CancelJobResponseSchema = defineSchema(
  Type.Object(
    {
      status: ServiceJobStatusSchema,
      already_final: Type.Boolean(),
      job: JobRecordSchema,
    },
    { $id: 'CancelJobResponse', description: 'Outcome of a cancel request' },
  ),
)

/** `POST /v1/jobs/{id}/cancel` response. */
export type CancelJobResponse = Static<typeof CancelJobResponseSchema>

/** `PATCH /v1/jobs/{id}`: rename or retag (allowed in every status, final ones included). */
export const UpdateJobRequestSchema = defineSchema(
  Type.Object(
    {
      name: Type.Optional(Nullable(DisplayNameSchema)),
      tags: Type.Optional(TagsSchema),
    },
    { $id: 'UpdateJobRequest', additionalProperties: false, minProperties: 1 },
  ),
)

/** `PATCH /v1/jobs/{id}` body. */
export type UpdateJobRequest = Static<typeof UpdateJobRequestSchema>

/** `POST /v1/jobs:batchGet`: many records in one request (polling many jobs cheaply). */
export const BatchGetJobsRequestSchema = defineSchema(
  Type.Object(
    {
      ids: Type.Array(JobIdSchema, {
        minItems: 1,
        maxItems: PROTOCOL_LIMITS.maxBatchIds,
        uniqueItems: true,
      }),
    },
    { $id: 'BatchGetJobsRequest', additionalProperties: false },
  ),
)

/** `POST /v1/jobs:batchGet` body. */
export type BatchGetJobsRequest = Static<typeof BatchGetJobsRequestSchema>

/**
 * `POST /v1/jobs:batchGet` response: the visible jobs in request order; ids that do not exist
 * or are not visible are listed in `not_found` (indistinguishably, as 404 would be).
 */
export const BatchGetJobsResponseSchema = defineSchema(
  Type.Object(
    {
      items: Type.Array(JobRecordSchema),
      not_found: Type.Array(JobIdSchema),
    },
    { $id: 'BatchGetJobsResponse' },
  ),
)

/** `POST /v1/jobs:batchGet` response. */
export type BatchGetJobsResponse = Static<typeof BatchGetJobsResponseSchema>
