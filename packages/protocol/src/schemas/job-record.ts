import { Type, type Static } from '@sinclair/typebox'
import { SERVICE_JOB_STATUSES } from '../jobs/service-job-status.js'
import {
  BackendNameSchema,
  CountSchema,
  DisplayNameSchema,
  InstancePathSchema,
  JobIdSchema,
  LiteralUnion,
  MetadataSchema,
  Nullable,
  ProgramNameSchema,
  ResourceIdSchema,
  TagsSchema,
  TimestampSchema,
} from './common.js'
import { defineSchema } from './define-schema.js'
import { ClientInfoSchema, JOB_VISIBILITIES } from './job-submission.js'

/** A service job status (closed set). */
export const ServiceJobStatusSchema = LiteralUnion(SERVICE_JOB_STATUSES, {
  description: 'Coarse status: QUEUED, RUNNING, CANCELLING, COMPLETED, FAILED, CANCELLED',
})

/** A job phase: an open vocabulary (JOB_PHASES_BY_STATUS lists the known ones). */
export const JobPhaseSchema = Nullable(
  Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 }),
  { description: 'Fine phase of a pending job (open set); null once final' },
)

/** Why a job is `FAILED` or `CANCELLED` (same shape as a problem, JOB_REASON_CODES registry). */
export const JobStatusReasonSchema = defineSchema(
  Type.Object(
    {
      code: Type.String({ description: 'Reason code (JOB_REASON_CODES; open set)' }),
      message: Type.String(),
      solution: Nullable(Type.String()),
      retryable: Type.Boolean({ description: 'Whether resubmitting may succeed' }),
      details: Nullable(MetadataSchema),
    },
    { $id: 'JobStatusReason', description: 'Why the job failed or was cancelled' },
  ),
)

/** Why a job failed or was cancelled. */
export type JobStatusReason = Static<typeof JobStatusReasonSchema>

const position = (description: string) =>
  Nullable(Type.Integer({ minimum: 0 }), { description: `${description}; null = not applicable` })

/**
 * Where a job stands in the queue. Always present: when not applicable (not queued, no estimate)
 * the numbers are `null` and `message` says why (Braket style).
 */
export const JobQueueInfoSchema = defineSchema(
  Type.Object(
    {
      position: position('0-based position in the backend queue'),
      position_in_instance: position('0-based position among the instance’s jobs'),
      ahead: Type.Object({
        normal: position('Jobs ahead at normal priority'),
        priority: position('Jobs ahead at higher priority'),
      }),
      estimated_start_at: Nullable(TimestampSchema),
      estimated_end_at: Nullable(TimestampSchema),
      estimate_basis: Nullable(Type.String({ description: 'How the estimate was made' })),
      as_of: Nullable(TimestampSchema, { description: 'When these numbers were computed' }),
      message: Nullable(Type.String({ description: 'Why numbers are null, if they are' })),
    },
    { $id: 'JobQueueInfo', description: 'Queue position and estimates' },
  ),
)

/** Queue position and estimates. */
export type JobQueueInfo = Static<typeof JobQueueInfoSchema>

/** What was asked: sizes and caps of the submission. */
export const JobRequestSummarySchema = defineSchema(
  Type.Object(
    {
      shots: Type.Integer({ minimum: 1 }),
      num_circuits: Type.Integer({ minimum: 1 }),
      executions: Type.Integer({ minimum: 1, description: 'shots × circuits' }),
      input_bytes: CountSchema,
      input_sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
      max_execution_seconds: Type.Integer({ minimum: 1 }),
      queue_ttl_seconds: Type.Optional(
        Nullable(Type.Integer({ minimum: 1 }), { description: 'Queue TTL asked for, if any' }),
      ),
    },
    { $id: 'JobRequestSummary', description: 'Sizes and caps of the submission' },
  ),
)

/** Sizes and caps of a submission. */
export type JobRequestSummary = Static<typeof JobRequestSummarySchema>

/** Metadata of the result (never the body: `GET …/result` fetches it). */
export const JobResultInfoSchema = defineSchema(
  Type.Object(
    {
      available: Type.Boolean(),
      bytes: Nullable(CountSchema),
      sha256: Nullable(Type.String({ pattern: '^[0-9a-f]{64}$' })),
      content_type: Nullable(Type.String()),
      format_version: Nullable(Type.Integer({ minimum: 1 })),
      expires_at: Nullable(TimestampSchema, { description: 'In the past once expired (410)' }),
      partial: Type.Boolean({
        description: 'Cancelled mid-run: results of finished circuits only',
      }),
    },
    { $id: 'JobResultInfo', description: 'Result metadata' },
  ),
)

/** Result metadata. */
export type JobResultInfo = Static<typeof JobResultInfoSchema>

/** Work done so far (AQT's finished_count): circuits done of total. */
export const JobProgressSchema = defineSchema(
  Type.Object({ done: CountSchema, total: CountSchema }, { $id: 'JobProgress' }),
)

/** Usage, known once the job ran. */
export const JobUsageSchema = defineSchema(
  Type.Object(
    {
      device_seconds: Nullable(Type.Number({ minimum: 0 })),
      wall_seconds: Nullable(Type.Number({ minimum: 0 })),
    },
    { $id: 'JobUsage' },
  ),
)

/** What the job ran against: recorded when it starts running (calibration traceability). */
export const BackendSnapshotSchema = defineSchema(
  Type.Object(
    { version: Nullable(Type.String()), calibration_id: Nullable(Type.String()) },
    { $id: 'BackendSnapshot' },
  ),
)

/** When the job entered each status it has been in (the latest entry wins on requeue). */
export const StatusTimestampsSchema = defineSchema(
  Type.Object(
    {
      QUEUED: Type.Optional(TimestampSchema),
      RUNNING: Type.Optional(TimestampSchema),
      CANCELLING: Type.Optional(TimestampSchema),
      COMPLETED: Type.Optional(TimestampSchema),
      FAILED: Type.Optional(TimestampSchema),
      CANCELLED: Type.Optional(TimestampSchema),
    },
    { $id: 'StatusTimestamps', description: 'When the job entered each status' },
  ),
)

/**
 * The job record (§8.3), the body of `GET /v1/jobs/{id}`: status and phase, timestamps, queue,
 * request summary, result metadata, progress and usage. Heavy fields (input, result) are never
 * inline. `rev` increases on every change and is the ETag. Clients must tolerate fields they do
 * not know.
 */
export const JobRecordSchema = defineSchema(
  Type.Object(
    {
      id: JobIdSchema,
      instance: InstancePathSchema,
      owner: ResourceIdSchema,
      backend: BackendNameSchema,
      program: ProgramNameSchema,
      name: Nullable(DisplayNameSchema),
      tags: TagsSchema,
      metadata: MetadataSchema,
      session_id: Nullable(ResourceIdSchema, { description: 'Runtime session (always null: v1)' }),
      status: ServiceJobStatusSchema,
      phase: JobPhaseSchema,
      status_reason: Nullable(JobStatusReasonSchema),
      created_at: TimestampSchema,
      queued_at: Nullable(TimestampSchema),
      started_at: Nullable(TimestampSchema),
      ended_at: Nullable(TimestampSchema),
      updated_at: TimestampSchema,
      timestamps: StatusTimestampsSchema,
      queue: JobQueueInfoSchema,
      request: JobRequestSummarySchema,
      result: JobResultInfoSchema,
      progress: JobProgressSchema,
      usage: JobUsageSchema,
      backend_snapshot: BackendSnapshotSchema,
      idempotency_key: Nullable(Type.String()),
      client: Nullable(ClientInfoSchema),
      visibility: LiteralUnion(JOB_VISIBILITIES),
      attempt: Type.Integer({ minimum: 1, description: 'Incremented on every requeue' }),
      rev: Type.Integer({ minimum: 1, description: 'Revision; ETag is "<rev>"' }),
      poll_after_seconds: Nullable(Type.Number({ minimum: 0 }), {
        description: 'Suggested delay before polling again; null once final',
      }),
      deleted_at: Type.Optional(
        Nullable(TimestampSchema, { description: 'Set on tombstones (input and result removed)' }),
      ),
    },
    { $id: 'JobRecord', description: 'A job: status, phase, queue, request, result metadata' },
  ),
)

/** A job record. */
export type JobRecord = Static<typeof JobRecordSchema>

/** The fields of a job record a listing returns (summaries keep pages small). */
export const JOB_SUMMARY_FIELDS = [
  'id',
  'instance',
  'owner',
  'backend',
  'program',
  'name',
  'tags',
  'session_id',
  'status',
  'phase',
  'status_reason',
  'created_at',
  'queued_at',
  'started_at',
  'ended_at',
  'updated_at',
  'visibility',
  'progress',
  'attempt',
  'rev',
] as const satisfies readonly (keyof JobRecord)[]

/** A job in a listing: {@link JOB_SUMMARY_FIELDS} of its record. */
export const JobSummarySchema = defineSchema(
  Type.Pick(JobRecordSchema, JOB_SUMMARY_FIELDS, {
    $id: 'JobSummary',
    description: 'A job as listed',
  }),
)

/** A job in a listing. */
export type JobSummary = Static<typeof JobSummarySchema>
