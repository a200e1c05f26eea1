import { Type, type Static } from '@sinclair/typebox'
import { defineSchema } from './define-schema.js'
import { LiteralUnion, Nullable, TimestampSchema } from './common.js'

/** `GET /v1/version`: what the server is and which clients work with it (IQM's idea). */
export const VersionInfoSchema = defineSchema(
  Type.Object(
    {
      server_version: Type.String({ examples: ['0.1.0'] }),
      api_versions: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), {
        minItems: 1,
        description: 'Supported Api-Version dates, newest first',
      }),
      compatible_clients: Type.Array(
        Type.Object({
          name: Type.String({ examples: ['@qfabric/client'] }),
          versions: Type.String({ description: 'A semver range', examples: ['>=0.1.0 <0.2.0'] }),
        }),
      ),
    },
    { $id: 'VersionInfo' },
  ),
)

/** `GET /v1/version` response. */
export type VersionInfo = Static<typeof VersionInfoSchema>

/** Health of the service or of one of its parts. */
export const HEALTH_STATES = ['ok', 'degraded', 'unavailable'] as const

/** A health state. */
export type HealthState = (typeof HEALTH_STATES)[number]

/** `GET /v1/health` (no authentication): 200 unless `unavailable` (then 503). */
export const HealthSchema = defineSchema(
  Type.Object(
    {
      status: LiteralUnion(HEALTH_STATES),
      time: TimestampSchema,
      checks: Type.Record(
        Type.String(),
        Type.Object({ status: LiteralUnion(HEALTH_STATES), message: Nullable(Type.String()) }),
        { description: 'Per component: database, scheduler, workers, …' },
      ),
    },
    { $id: 'Health' },
  ),
)

/** `GET /v1/health` response. */
export type Health = Static<typeof HealthSchema>
