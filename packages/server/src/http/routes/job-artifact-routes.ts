import {
  type JobInput,
  type JobLogEntry,
  type JobMetrics,
  type JobSubmission,
} from '@qfabric/protocol'
import type { AppContext } from '../../app/app-context.js'
import { readableJob } from '../../app/caller-access.js'
import type { StoredJob } from '../../store/job-store-types.js'
import type { JobStore } from '../../store/job-store.js'
import { defineRoute, type Route } from '../route-definition.js'
import { ServiceError } from '../service-error.js'

const seconds = (from: string | null, to: string | null): number | null =>
  from === null || to === null ? null : Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000)

/**
 * The submission a job was created from, rebuilt from its record and stored input.
 *
 * @param job - the stored job
 * @param input - the stored program input
 * @returns the `POST /v1/jobs` body
 */
export function submissionOf(job: StoredJob, input: JobInput): JobSubmission {
  const { seed, memory, ...rest } = job.options
  const options = Object.fromEntries(
    Object.entries(rest).filter(
      (e): e is [string, string | number | boolean | null] =>
        e[1] === null || ['string', 'number', 'boolean'].includes(typeof e[1]),
    ),
  )
  return {
    backend: job.backend,
    program: job.program,
    input,
    shots: job.request.shots,
    ...(typeof seed === 'number' ? { seed } : {}),
    ...(typeof memory === 'boolean' ? { memory } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
    ...(job.name === null ? {} : { name: job.name }),
    tags: [...job.tags],
    metadata: { ...job.metadata },
    visibility: job.visibility,
    max_execution_seconds: job.request.max_execution_seconds,
    ...(job.request.queue_ttl_seconds === null
      ? {}
      : { queue_ttl_seconds: job.request.queue_ttl_seconds }),
    ...(job.client === null ? {} : { client: job.client }),
  }
}

/** Every `job.log` event of a job, oldest first. */
async function logLines(store: JobStore, jobId: string): Promise<JobLogEntry[]> {
  const items: JobLogEntry[] = []
  let after = 0
  for (;;) {
    const events = await store.listEvents(jobId, { after, limit: 1000 })
    for (const e of events) {
      if (e.type === 'job.log') items.push({ time: e.time, level: e.level, message: e.message })
    }
    const last = events.at(-1)
    if (last === undefined || events.length < 1000) return items
    after = last.seq
  }
}

/**
 * `GET /v1/jobs/{id}/result`, `/input`, `/logs`, `/metrics`. Reads never consume anything
 * (§8.9): a result can be fetched any number of times until retention removes it (410).
 *
 * @param context - the app context
 * @returns the routes
 */
export function jobArtifactRoutes(context: AppContext): Route[] {
  const { store, clock } = context
  return [
    defineRoute('getJobResult', {
      handler: async ({ reply, params, principal }) => {
        const job = await readableJob(store, principal, params.id)
        const expires = job.result.expires_at
        if (expires !== null && Date.parse(expires) <= clock.now()) {
          throw new ServiceError('result_expired', `The result of ${job.id} expired at ${expires}.`)
        }
        const result = job.result.available ? await store.getJobResult(job.id) : undefined
        if (result === undefined) {
          throw new ServiceError(
            'result_not_available',
            `Job ${job.id} has no result (${job.status}).`,
            {
              jobStatus: job.status,
            },
          )
        }
        void reply.type(result.content_type).header('ETag', `"${result.sha256}"`)
        if (result.partial) void reply.header('X-Result-Partial', 'true')
        return reply.send(result.body)
      },
    }),
    defineRoute('getJobInput', {
      handler: async ({ params, principal }) => {
        const job = await readableJob(store, principal, params.id)
        const input = await store.getJobInput(job.id)
        if (input === undefined) {
          throw new ServiceError('invalid_state', `The input of ${job.id} was deleted.`, {
            jobStatus: job.status,
          })
        }
        return submissionOf(job, JSON.parse(input.input) as JobInput)
      },
    }),
    defineRoute('getJobLogs', {
      handler: async ({ params, principal }) => {
        const job = await readableJob(store, principal, params.id)
        return { items: await logLines(store, job.id) }
      },
    }),
    defineRoute('getJobMetrics', {
      handler: async ({ params, principal }) => {
        const job = await readableJob(store, principal, params.id)
        const now = new Date(clock.now()).toISOString()
        const metrics: JobMetrics = {
          timestamps: job.timestamps,
          usage: job.usage,
          queue_seconds: seconds(job.queued_at, job.started_at ?? job.ended_at ?? now),
          run_seconds:
            job.started_at === null ? null : seconds(job.started_at, job.ended_at ?? now),
          attempt: job.attempt,
        }
        return metrics
      },
    }),
  ]
}
