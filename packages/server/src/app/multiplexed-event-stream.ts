import {
  formatSseEvent,
  formatSseMessage,
  formatSseRetry,
  instanceHasPrefix,
  isFinalServiceJobStatus,
  type EventStreamQuery,
  type JobQueueInfo,
  type ServiceJobEvent,
} from '@qfabric/protocol'
import { canReadJob } from '../auth/access-policy.js'
import type { Principal } from '../auth/principal.js'
import type { SseSink } from '../http/sse-response.js'
import type { StoredJob } from '../store/job-store-types.js'
import type { AppContext } from './app-context.js'
import { backendQueueWatchOf } from './backend-queue-watch.js'
import { snapshotEvent } from './job-event-stream.js'
import { QueueEventTracker, type JobQueueEvent } from './queue-event-tracker.js'

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
 * with its `snapshot`, then its new events; ids are `<job id>:<seq>`. Jobs that wait in the
 * queue also get `job.queue` events when their queue changes (re-computed on each re-read and
 * when a job of the same backend changes); those are not stored and carry no id. With `job_ids`
 * the stream ends once every listed job is final and delivered; otherwise it runs until the
 * client leaves. A reconnect starts again with snapshots (the per-job streams offer exact
 * replay).
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
  const emit = eventWriter(sink, types)
  const listed = query.job_ids ?? null
  const changed = new Set<string>(listed ?? [])
  let wake: (() => void) | undefined
  const markChanged = (jobId: string): void => {
    changed.add(jobId)
    wake?.()
  }
  const queues = new WaitingJobs(context, {
    isWanted: types?.has('job.queue') ?? true,
    markChanged,
  })
  const forward = async (job: StoredJob): Promise<void> => {
    if (!canReadJob(principal, job)) return
    if (query.instance !== undefined && !instanceHasPrefix(job.instance, query.instance)) return
    const seq = await sendJobEvents(context, job, { seen: lastSeq.get(job.id), emit, queues })
    lastSeq.set(job.id, seq)
    if (isFinalServiceJobStatus(job.status) && seq >= job.event_seq) finished.add(job.id)
    const update = await queues.next(job, seq >= job.event_seq)
    if (update !== undefined) emit(update)
  }
  const unsubscribe = context.hub.subscribe('*', (jobId) => {
    if (listed === null || listed.includes(jobId)) markChanged(jobId)
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
      // Listed and queued jobs are re-read on every tick (other processes' changes, queues).
      for (const id of listed ?? []) if (!finished.has(id)) changed.add(id)
      for (const id of queues.ids()) changed.add(id)
    }
  } finally {
    unsubscribe()
    queues[Symbol.dispose]()
  }
}

/**
 * A job's snapshot the first time it is seen, then its stored events after `seen`.
 *
 * @returns the seq of the last event sent
 */
async function sendJobEvents(
  context: AppContext,
  job: StoredJob,
  options: {
    readonly seen: number | undefined
    readonly emit: (event: ServiceJobEvent) => void
    readonly queues: WaitingJobs
  },
): Promise<number> {
  const { seen, emit, queues } = options
  if (seen === undefined) {
    const snapshot = await snapshotEvent(context, job)
    emit(snapshot)
    if (snapshot.type === 'snapshot') queues.note(job, snapshot.job.queue)
    return job.event_seq
  }
  let seq = seen
  for (const event of await context.store.listEvents(job.id, { after: seen })) {
    emit(event)
    seq = event.seq
  }
  return seq
}

/** Writes the events of the types asked for; ids are `<job id>:<seq>`. */
function eventWriter(
  sink: SseSink,
  types: ReadonlySet<string> | null,
): (event: ServiceJobEvent) => void {
  return (event) => {
    if (types !== null && !types.has(event.type)) return
    // Queue events are derived, not stored: no id (there is nothing to resume from).
    if (event.type === 'job.queue') {
      sink.write(formatSseMessage({ event: event.type, data: JSON.stringify(event) }))
    } else {
      sink.write(formatSseEvent(event, { id: `${event.job_id}:${event.seq}` }))
    }
  }
}

/**
 * The queued jobs of a multiplexed stream: one {@link QueueEventTracker} each, and a
 * subscription to their backend's queue that asks for the job to be re-read.
 */
class WaitingJobs implements Disposable {
  readonly #context: AppContext
  readonly #options: { readonly isWanted: boolean; readonly markChanged: (id: string) => void }
  readonly #jobs = new Map<string, { tracker: QueueEventTracker; stop: () => void }>()

  /**
   * @param context - the app context
   * @param options - whether queue events are wanted at all; what to call when a job's backend
   *   queue changed
   */
  constructor(
    context: AppContext,
    options: { readonly isWanted: boolean; readonly markChanged: (id: string) => void },
  ) {
    this.#context = context
    this.#options = options
  }

  /** The ids of the jobs followed. */
  ids(): IterableIterator<string> {
    return this.#jobs.keys()
  }

  /** Remembers the queue a snapshot sent. */
  note(job: StoredJob, queue: JobQueueInfo): void {
    if (job.status === 'QUEUED') this.#entry(job).tracker.note(queue)
  }

  /**
   * The job's queue event, if its queue changed; stops following it once it is not queued.
   * Only when `isCaughtUp` (every stored event up to the job's state was sent): a queue event
   * never follows the status that ended QUEUED.
   */
  async next(job: StoredJob, isCaughtUp: boolean): Promise<JobQueueEvent | undefined> {
    if (this.#options.isWanted && isCaughtUp && job.status === 'QUEUED')
      return this.#entry(job).tracker.next(job)
    this.forget(job.id)
    return undefined
  }

  /** Stops following a job. */
  forget(jobId: string): void {
    this.#jobs.get(jobId)?.stop()
    this.#jobs.delete(jobId)
  }

  [Symbol.dispose](): void {
    for (const id of [...this.#jobs.keys()]) this.forget(id)
  }

  #entry(job: StoredJob): { tracker: QueueEventTracker; stop: () => void } {
    let entry = this.#jobs.get(job.id)
    if (entry === undefined) {
      const stop = backendQueueWatchOf(this.#context).subscribe(job.backend, () => {
        this.#options.markChanged(job.id)
      })
      entry = { tracker: new QueueEventTracker(this.#context), stop }
      this.#jobs.set(job.id, entry)
    }
    return entry
  }
}
