import { Type, type Static } from '@sinclair/typebox'
import { defineSchema } from './define-schema.js'
import { LiteralUnion, Nullable, TimestampSchema } from './common.js'
import { JobUsageSchema, StatusTimestampsSchema } from './job-record.js'

/** Log levels of job log lines (as core's `JobLogEvent`). */
export const JOB_LOG_LEVELS = ['debug', 'info', 'warning', 'error'] as const

/** A job log level. */
export type JobLogLevelName = (typeof JOB_LOG_LEVELS)[number]

/** One log line of a job. */
export const JobLogEntrySchema = defineSchema(
  Type.Object(
    {
      time: TimestampSchema,
      level: LiteralUnion(JOB_LOG_LEVELS),
      message: Type.String(),
    },
    { $id: 'JobLogEntry' },
  ),
)

/** One log line. */
export type JobLogEntry = Static<typeof JobLogEntrySchema>

/** `GET /v1/jobs/{id}/logs` response. */
export const JobLogsSchema = defineSchema(
  Type.Object(
    { items: Type.Array(JobLogEntrySchema) },
    { $id: 'JobLogs', description: 'Log lines of a job, oldest first' },
  ),
)

/** `GET /v1/jobs/{id}/logs` response. */
export type JobLogs = Static<typeof JobLogsSchema>

/** `GET /v1/jobs/{id}/metrics`: timing and usage. */
export const JobMetricsSchema = defineSchema(
  Type.Object(
    {
      timestamps: StatusTimestampsSchema,
      usage: JobUsageSchema,
      queue_seconds: Nullable(Type.Number({ minimum: 0 }), { description: 'Time spent queued' }),
      run_seconds: Nullable(Type.Number({ minimum: 0 }), { description: 'Time spent running' }),
      attempt: Type.Integer({ minimum: 1 }),
    },
    { $id: 'JobMetrics', description: 'Timing and usage of a job' },
  ),
)

/** `GET /v1/jobs/{id}/metrics` response. */
export type JobMetrics = Static<typeof JobMetricsSchema>
