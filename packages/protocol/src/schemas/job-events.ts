import { Type, type Static, type TObject, type TProperties } from '@sinclair/typebox'
import { PROTOCOL_LIMITS } from '../protocol-limits.js'
import {
  CountSchema,
  InstancePrefixSchema,
  JobIdSchema,
  LiteralUnion,
  Nullable,
  TimestampSchema,
} from './common.js'
import { defineSchema } from './define-schema.js'
import { JOB_LOG_LEVELS } from './job-artifacts.js'
import {
  JobPhaseSchema,
  JobQueueInfoSchema,
  JobRecordSchema,
  JobResultInfoSchema,
  JobStatusReasonSchema,
  ServiceJobStatusSchema,
} from './job-record.js'

/**
 * The event types of a job's stream (§8.5). `snapshot` is always first on a stream and carries
 * the whole record; `job.queue` is derived from the queue while the job waits (positions move
 * when *other* jobs leave it), so it is computed by the stream, never stored; the others are rows
 * of the append-only `job_events` table. Heartbeats are SSE comments, not events. Clients ignore
 * types they do not know.
 */
export const SERVICE_EVENT_TYPES = [
  'snapshot',
  'job.status',
  'job.queue',
  'job.progress',
  'job.log',
  'job.result_ready',
] as const

/** A job event type. */
export type ServiceEventType = (typeof SERVICE_EVENT_TYPES)[number]

function eventSchema<TType extends ServiceEventType, TProps extends TProperties>(
  type: TType,
  properties: TProps,
  description: string,
): TObject<ReturnType<typeof baseProperties<TType>> & TProps> {
  return defineSchema(
    Type.Object({ ...baseProperties(type), ...properties }, { $id: eventId(type), description }),
  )
}

function baseProperties<TType extends ServiceEventType>(type: TType) {
  return {
    type: Type.Literal(type),
    seq: Type.Integer({
      minimum: type === 'snapshot' ? 0 : 1,
      description:
        'Position in the job’s event log (SSE id); snapshots and job.queue events, which are not ' +
        'stored, carry the latest stored seq and no SSE id',
    }),
    job_id: JobIdSchema,
    time: TimestampSchema,
  }
}

function eventId(type: ServiceEventType): string {
  const words = type.split(/[._]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1))
  return `${words.join('')}Event`
}

/** `snapshot`: the full record, first on every stream (late or reconnecting clients miss nothing). */
export const SnapshotEventSchema = eventSchema(
  'snapshot',
  { job: JobRecordSchema },
  'The full job record, first event of every stream',
)

/** `job.status`: the status or phase changed. The terminal one is sent after commit, then the stream closes. */
export const JobStatusEventSchema = eventSchema(
  'job.status',
  {
    status: ServiceJobStatusSchema,
    previous_status: Nullable(ServiceJobStatusSchema, { description: 'null on submission' }),
    phase: JobPhaseSchema,
    status_reason: Nullable(JobStatusReasonSchema),
    attempt: Type.Integer({ minimum: 1 }),
    rev: Type.Integer({ minimum: 1 }),
  },
  'Status or phase change',
)

/**
 * `job.queue`: the queue position or estimates of a `QUEUED` job changed. Derived, not stored: the
 * server computes it while streaming, sends it only when the position (global or in the
 * instance) changes or the estimated start moves by 5 s or more, and never after the job left
 * the queue. Its `seq` is the latest stored event's and its SSE frame has no `id:`, so
 * `Last-Event-ID` keeps pointing at the stored log and a resume replays exactly the stored
 * events; a reconnecting client gets the current queue in the snapshot.
 */
export const JobQueueEventSchema = eventSchema(
  'job.queue',
  { queue: JobQueueInfoSchema },
  'Queue position or estimate change (derived: seq is the latest stored one, the SSE frame has no id)',
)

/** `job.progress`: circuits done of total (AQT's finished_count). */
export const JobProgressEventSchema = eventSchema(
  'job.progress',
  { done: CountSchema, total: CountSchema },
  'Progress',
)

/** `job.log`: a message about the job (ignored options, warnings, …). */
export const JobLogEventSchema = eventSchema(
  'job.log',
  { level: LiteralUnion(JOB_LOG_LEVELS), message: Type.String() },
  'A log line',
)

/** `job.result_ready`: the result is stored; `GET …/result` returns it. */
export const JobResultReadyEventSchema = eventSchema(
  'job.result_ready',
  { result: JobResultInfoSchema },
  'The result is available',
)

/**
 * A stored job event (a `job_events` row): every type but `snapshot`. (`job.queue` stays in the
 * union: a store may append one, although servers derive them while streaming.)
 */
export const StoredJobEventSchema = defineSchema(
  Type.Union(
    [
      JobStatusEventSchema,
      JobQueueEventSchema,
      JobProgressEventSchema,
      JobLogEventSchema,
      JobResultReadyEventSchema,
    ],
    { $id: 'StoredJobEvent', description: 'An event of the job log' },
  ),
)

/** A stored job event. */
export type StoredJobEvent = Static<typeof StoredJobEventSchema>

/** Any event of a job stream, discriminated by `type`. */
export const ServiceJobEventSchema = defineSchema(
  Type.Union([SnapshotEventSchema, ...StoredJobEventSchema.anyOf], {
    $id: 'ServiceJobEvent',
    description: 'An event of a job stream',
  }),
)

/** Any event of a job stream. */
export type ServiceJobEvent = Static<typeof ServiceJobEventSchema>

/** `GET /v1/jobs/{id}/events` (JSON) query: events after a seq, oldest first. */
export const JobEventHistoryQuerySchema = defineSchema(
  Type.Object(
    {
      after: Type.Optional(
        Type.Integer({ minimum: 0, description: 'Only events with seq > after' }),
      ),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1000 })),
    },
    { $id: 'JobEventHistoryQuery', additionalProperties: false },
  ),
)

/** `GET /v1/jobs/{id}/events` (JSON) query. */
export type JobEventHistoryQuery = Static<typeof JobEventHistoryQuerySchema>

/** `GET /v1/jobs/{id}/events` (JSON): a page of the job's event log. */
export const JobEventHistorySchema = defineSchema(
  Type.Object(
    {
      items: Type.Array(StoredJobEventSchema),
      has_more: Type.Boolean({ description: 'Ask again with after = the last seq' }),
    },
    { $id: 'JobEventHistory', description: 'The job event log, oldest first' },
  ),
)

/** `GET /v1/jobs/{id}/events` (JSON) response. */
export type JobEventHistory = Static<typeof JobEventHistorySchema>

/** `GET /v1/events` query: one SSE stream for many jobs. */
export const EventStreamQuerySchema = defineSchema(
  Type.Object(
    {
      instance: Type.Optional(InstancePrefixSchema),
      job_ids: Type.Optional(Type.Array(JobIdSchema, { maxItems: PROTOCOL_LIMITS.maxBatchIds })),
      types: Type.Optional(Type.Array(LiteralUnion(SERVICE_EVENT_TYPES))),
    },
    { $id: 'EventStreamQuery', additionalProperties: false },
  ),
)

/** `GET /v1/events` query. */
export type EventStreamQuery = Static<typeof EventStreamQuerySchema>
