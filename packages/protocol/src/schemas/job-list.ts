import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { PROTOCOL_LIMITS } from '../protocol-limits.js'
import {
  BackendNameSchema,
  InstancePrefixSchema,
  JobIdSchema,
  LiteralUnion,
  Nullable,
  ProgramNameSchema,
  TagSchema,
  TimestampSchema,
} from './common.js'
import { defineSchema } from './define-schema.js'
import { JobSummarySchema, ServiceJobStatusSchema } from './job-record.js'

/** Sort keys of `GET /v1/jobs`. */
export const JOB_SORT_KEYS = ['created_at', 'ended_at'] as const

/** A sort key of `GET /v1/jobs`. */
export type JobSortKey = (typeof JOB_SORT_KEYS)[number]

/** Sort orders. */
export const SORT_ORDERS = ['desc', 'asc'] as const

/** A sort order. */
export type SortOrder = (typeof SORT_ORDERS)[number]

/** How several `tag` values combine. */
export const TAG_MATCH_MODES = ['all', 'any'] as const

/** How several `tag` values combine. */
export type TagMatchMode = (typeof TAG_MATCH_MODES)[number]

const repeatable = <TItem extends TSchema>(item: TItem, what: string) =>
  Type.Optional(
    Type.Array(item, {
      maxItems: PROTOCOL_LIMITS.maxFilterValues,
      description: `${what} (repeatable; any of them matches)`,
    }),
  )

/**
 * `GET /v1/jobs` query string (§8.6), for a server framework that coerces query values (Fastify:
 * `coerceTypes: 'array'`). `parseJobListQuery` does the same from raw strings and also checks
 * cross-field rules and the cursor.
 */
export const JobListQuerySchema = defineSchema(
  Type.Object(
    {
      instance: Type.Optional(InstancePrefixSchema),
      owner: Type.Optional(
        Type.String({ pattern: '^(me|any|[A-Za-z0-9][A-Za-z0-9_-]{0,127})$', default: 'me' }),
      ),
      status: repeatable(ServiceJobStatusSchema, 'Statuses'),
      pending: Type.Optional(Type.Boolean({ description: 'true = unfinished, false = final' })),
      backend: repeatable(BackendNameSchema, 'Backends'),
      program: repeatable(ProgramNameSchema, 'Programs'),
      ids: Type.Optional(Type.Array(JobIdSchema, { maxItems: PROTOCOL_LIMITS.maxBatchIds })),
      tag: Type.Optional(Type.Array(TagSchema, { maxItems: PROTOCOL_LIMITS.maxFilterValues })),
      tags_match: Type.Optional(LiteralUnion(TAG_MATCH_MODES, { default: 'all' })),
      name_prefix: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      created_after: Type.Optional(TimestampSchema),
      created_before: Type.Optional(TimestampSchema),
      ended_after: Type.Optional(TimestampSchema),
      ended_before: Type.Optional(TimestampSchema),
      sort: Type.Optional(LiteralUnion(JOB_SORT_KEYS, { default: 'created_at' })),
      order: Type.Optional(LiteralUnion(SORT_ORDERS, { default: 'desc' })),
      limit: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: PROTOCOL_LIMITS.maxPageLimit,
          default: PROTOCOL_LIMITS.defaultPageLimit,
        }),
      ),
      cursor: Type.Optional(
        Type.String({ minLength: 1, maxLength: PROTOCOL_LIMITS.maxCursorLength }),
      ),
      include_total: Type.Optional(Type.Boolean({ default: false })),
    },
    { $id: 'JobListQuery', additionalProperties: false },
  ),
)

/** `GET /v1/jobs` query as a framework delivers it after coercion. */
export type JobListQuery = Static<typeof JobListQuerySchema>

/** A page of `GET /v1/jobs`: stable keyset pages, newest first by default. */
export const JobListPageSchema = defineSchema(
  Type.Object(
    {
      items: Type.Array(JobSummarySchema),
      next_cursor: Nullable(Type.String(), {
        description: 'Pass as `cursor`; null on the last page',
      }),
      has_more: Type.Boolean(),
      total: Type.Optional(Type.Integer({ minimum: 0, description: 'With include_total=true' })),
    },
    { $id: 'JobListPage', description: 'One page of jobs' },
  ),
)

/** A page of jobs. */
export type JobListPage = Static<typeof JobListPageSchema>

/** `owner` values besides a user id: the caller's jobs, or every job the caller may see. */
export const OWNER_FILTERS = ['me', 'any'] as const
