import {
  formatSseEvent,
  formatSseRetry,
  instanceHasPrefix,
  isFinalServiceJobStatus,
  type EventStreamQuery,
  type ServiceJobEvent,
} from '@qfabric/protocol'
import { canReadJob } from '../auth/access-policy.js'
import type { Principal } from '../auth/principal.js'
import type { SseSink } from '../http/sse-response.js'
import type { StoredJob } from '../store/job-store-types.js'
import type { AppContext } from './app-context.js'
import { snapshotEvent } from './job-event-stream.js'

/** Calls `done` after `ms`, on abort (at once if already aborted), or when the returned function is called — once. */
function sleep(ms: number, signal: AbortSignal, done: () => void): () => void {
  let called = false
  const finish = (): void => {
    if (called) return
    called = true
    clearTimeout(timer)
    signal.removeEventListener('abort', finish)
    done()
  }
  const timer = setTimeout(finish, ms)
  // An abort listener added after the abort never runs: then there is nothing to wait for.
  if (signal.aborted) finish()
  else signal.addEventListener('abort', finish, { once: true })
  return finish
}

/** Options of {@link streamManyJobEvents}. */
export interface StreamManyJobEventsOptions {
  readonly principal: Principal
  readonly query: EventStreamQuery
  readonly sink: SseSink
}

/**
 * `GET /v1/events`: one stream for many jobs (§8.5) — the listed `job_ids`, or every job the
 * caller may read (under `instance`, if given) that changes while connected. Each job starts
 * with its `snapshot`, then its new events; ids are `<job id>:<seq>`. With `job_ids` the stream
 * ends once every listed job is final and delivered; otherwise it runs until the client leaves.
 * A reconnect starts again with snapshots (the per-job streams offer exact replay).
 *
 * @param context - the app context
 * @param options - caller, filters, sink
 * @returns when the stream ends
 */
export async function streamManyJobEvents(
  context: AppContext,
  options: StreamManyJobEventsOptions,
): Promise<void> {
  const { principal, query, sink } = options
  const types = query.types === undefined ? null : new Set<string>(query.types)
  const lastSeq = new Map<string, number>()
  const finished = new Set<string>()
  const emit = (event: ServiceJobEvent): void => {
    if (types === null || types.has(event.type)) {
      sink.write(formatSseEvent(event, { id: `${event.job_id}:${event.seq}` }))
    }
  }
  const forward = async (job: StoredJob): Promise<void> => {
    if (!canReadJob(principal, job)) return
    if (query.instance !== undefined && !instanceHasPrefix(job.instance, query.instance)) return
    const seen = lastSeq.get(job.id)
    let seq = job.event_seq
    if (seen === undefined) {
      emit(await snapshotEvent(context, job))
    } else {
      seq = seen
      for (const event of await context.store.listEvents(job.id, { after: seen })) {
        emit(event)
        seq = event.seq
      }
    }
    lastSeq.set(job.id, seq)
    if (isFinalServiceJobStatus(job.status) && seq >= job.event_seq) finished.add(job.id)
  }
  const listed = query.job_ids ?? null
  const changed = new Set<string>(listed ?? [])
  let wake: (() => void) | undefined
  const unsubscribe = context.hub.subscribe('*', (jobId) => {
    if (listed !== null && !listed.includes(jobId)) return
    changed.add(jobId)
    wake?.()
  })
  sink.write(formatSseRetry())
  try {
    while (!sink.signal.aborted) {
      const ids = [...changed]
      changed.clear()
      for (const job of await context.store.getJobs(ids)) await forward(job)
      // Listed jobs that are final (and delivered), missing or unreadable need nothing more.
      if (listed?.every((id) => finished.has(id) || !lastSeq.has(id)) === true) break
      if (changed.size > 0) continue
      await new Promise<void>((resolve) => {
        wake = sleep(context.limits.eventPollMs, sink.signal, resolve)
      })
      wake = undefined
      // Listed jobs are re-read on every tick too (changes committed by other processes).
      for (const id of listed ?? []) if (!finished.has(id)) changed.add(id)
    }
  } finally {
    unsubscribe()
  }
}
