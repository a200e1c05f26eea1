import { Type, type Static } from '@sinclair/typebox'
import { defineSchema } from './define-schema.js'
import { MEMBERSHIP_ROLES } from './account.js'
import {
  CountSchema,
  INSTANCE_SEGMENT_PATTERN,
  InstancePathSchema,
  InstancePrefixSchema,
  LimitUsageSchema,
  LiteralUnion,
  Nullable,
  TimestampSchema,
} from './common.js'

/** Levels of the instance tree; settings on a level are inherited by the levels below it. */
export const INSTANCE_LEVELS = ['hub', 'group', 'project'] as const

/** A level of the instance tree. */
export type InstanceLevel = (typeof INSTANCE_LEVELS)[number]

const segment = (description: string) =>
  Type.String({ pattern: INSTANCE_SEGMENT_PATTERN, description })

/** `{hub}/{group}/{project}` path parameters. */
export const InstanceParamsSchema = defineSchema(
  Type.Object(
    { hub: segment('Hub name'), group: segment('Group name'), project: segment('Project name') },
    { $id: 'InstanceParams', additionalProperties: false },
  ),
)

/** `{hub}/{group}/{project}` path parameters. */
export type InstanceParams = Static<typeof InstanceParamsSchema>

/** The submit-rate limit: jobs per rolling window. */
export const RateLimitUsageSchema = defineSchema(
  Type.Object(
    {
      ...LimitUsageSchema.properties,
      window_seconds: Type.Integer({ minimum: 1, description: 'Length of the rolling window' }),
      reset_at: Nullable(TimestampSchema, { description: 'When `remaining` next increases' }),
    },
    { $id: 'RateLimitUsage', description: 'A rate limit and its use in the current window' },
  ),
)

/** A rate limit and its use. */
export type RateLimitUsage = Static<typeof RateLimitUsageSchema>

/**
 * The effective limits of an instance for the caller (§8.7), each with its use, after
 * inheritance (project overrides group overrides hub; per-user limits apply too).
 */
export const InstanceLimitsSchema = defineSchema(
  Type.Object(
    {
      instance: InstancePathSchema,
      max_running_jobs: LimitUsageSchema,
      max_pending_jobs: LimitUsageSchema,
      submit_rate: RateLimitUsageSchema,
      max_execution_seconds: Nullable(Type.Integer({ minimum: 1 }), {
        description: 'Cap on a job’s max_execution_seconds; null = the backend’s',
      }),
      as_of: TimestampSchema,
    },
    { $id: 'InstanceLimits', description: 'Effective limits of an instance and their use' },
  ),
)

/** Effective limits of an instance. */
export type InstanceLimits = Static<typeof InstanceLimitsSchema>

/** Retention of an instance's data (§8.9). `null` = kept forever. */
export const InstanceRetentionSchema = defineSchema(
  Type.Object(
    {
      result_ttl_days: Nullable(Type.Integer({ minimum: 1 }), { description: 'Default 30' }),
      record_ttl_days: Nullable(Type.Integer({ minimum: 1 }), { description: 'Default forever' }),
    },
    { $id: 'InstanceRetention' },
  ),
)

/** Retention settings. */
export type InstanceRetention = Static<typeof InstanceRetentionSchema>

/** An instance as listed by `GET /v1/instances`: where jobs run and whose limits apply. */
export const InstanceSchema = defineSchema(
  Type.Object(
    {
      instance: InstancePathSchema,
      hub: segment('Hub name'),
      group: segment('Group name'),
      project: segment('Project name'),
      description: Nullable(Type.String()),
      role: LiteralUnion(MEMBERSHIP_ROLES, { description: "The caller's effective role" }),
      limits: InstanceLimitsSchema,
      retention: InstanceRetentionSchema,
      created_at: TimestampSchema,
    },
    { $id: 'Instance', description: 'A hub/group/project instance with limits and usage' },
  ),
)

/** An instance. */
export type Instance = Static<typeof InstanceSchema>

/** `GET /v1/instances` response. */
export const InstanceListSchema = defineSchema(
  Type.Object({ items: Type.Array(InstanceSchema) }, { $id: 'InstanceList' }),
)

/** `GET /v1/instances` response. */
export type InstanceList = Static<typeof InstanceListSchema>

/** `GET /v1/instances` query: optionally only those under a prefix. */
export const InstanceListQuerySchema = defineSchema(
  Type.Object(
    { prefix: Type.Optional(InstancePrefixSchema) },
    { $id: 'InstanceListQuery', additionalProperties: false },
  ),
)

/** `GET /v1/instances` query. */
export type InstanceListQuery = Static<typeof InstanceListQuerySchema>

const setting = (description: string) =>
  Type.Optional(Nullable(CountSchema, { description: `${description}; null = inherit` }))

/**
 * `POST /v1/instances/{hub}/{group}/{project}` and `PATCH …` (admin): the project's own settings.
 * An omitted or `null` setting is inherited from the group and hub (and, at the top, from the
 * server's defaults).
 */
export const InstanceSettingsSchema = defineSchema(
  Type.Object(
    {
      description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
      max_running_jobs: setting(
        'Jobs running at once before new ones wait (phase waiting_for_slot)',
      ),
      max_pending_jobs: setting('Unfinished jobs before POST /v1/jobs answers 429'),
      submit_rate_per_minute: setting('Submissions per minute per user'),
      max_execution_seconds: setting('Cap on max_execution_seconds'),
      result_ttl_days: setting('Days results are kept'),
      record_ttl_days: setting('Days job records are kept'),
    },
    { $id: 'InstanceSettings', additionalProperties: false },
  ),
)

/** Instance settings (admin). */
export type InstanceSettings = Static<typeof InstanceSettingsSchema>

/** `PATCH /v1/instances/{hub}/{group}/{project}`: like the settings, at least one field. */
export const UpdateInstanceSettingsSchema = defineSchema(
  Type.Object(InstanceSettingsSchema.properties, {
    $id: 'UpdateInstanceSettings',
    additionalProperties: false,
    minProperties: 1,
  }),
)

/** `PATCH /v1/instances/…` body. */
export type UpdateInstanceSettings = Static<typeof UpdateInstanceSettingsSchema>
