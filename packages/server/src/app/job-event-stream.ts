import {
  formatSseEvent,
  formatSseMessage,
  formatSseRetry,
  isFinalServiceJobStatus,
  type ServiceJobEvent,
  type StoredJobEvent,
} from '@qfabric/protocol'
import type { SseSink } from '../http/sse-response.js'
import type { StoredJob } from '../store/job-store-types.js'
import type { AppContext } from './app-context.js'
import { backendQueueWatchOf, QueueWakeup } from './backend-queue-watch.js'
import { recordOf } from './job-records.js'
import { QueueEventTracker } from './queue-event-tracker.js'

/** Options of {@link streamJobEvents}. */
export interface StreamJobEventsOptions {
  /** The job (already checked readable by the caller). */
  readonly job: StoredJob
  /** The client's `Last-Event-ID` (a seq), when it reconnects. */
  readonly lastEventId: number | undefined
  readonly sink: SseSink
}

/**
 * The snapshot event of a job: its whole record, with the latest event seq.
 *
 * @param context - the app context
 * @param job - the stored job
 * @returns the `snapshot` event
 */
export async function snapshotEvent(context: AppContext, job: StoredJob): Promise<ServiceJobEvent> {
  return {
    type: 'snapshot',
    seq: job.event_seq,
    job_id: job.id,
    time: new Date(context.clock.now()).toISOString(),
    job: await recordOf(context, job),
  }
}

function isTerminal(event: StoredJobEvent): boolean {
  return event.type === 'job.status' && isFinalServiceJobStatus(event.status)
}

/**
 * One job's event stream (§8.5). It opens with a `snapshot` of the record — on a fresh
 * connection with `id:` = the latest seq, on a reconnect without an id (so the client's
 * `Last-Event-ID` stays where it was) followed by every stored event after `Last-Event-ID`
 * (replayed from `job_events`, so none is lost or repeated). Then it forwards new events as they
 * are committed — woken by the event hub, re-reading the store every `eventPollMs` regardless —
 * and ends right after the terminal `job.status` event (and any event committed with it). A
 * stream for a job that is already final sends the snapshot (and any missed events) and ends.
 *
 * While the job is `QUEUED` and the stream has delivered every stored event, it also sends
 * `job.queue` events when the job's queue changes ({@link QueueEventTracker}): it re-computes
 * the queue on each re-read and whenever a job of the same backend changes ({@link QueueWakeup}).
 * These are not stored and carry no SSE id.
 *
 * @param context - the app context
 * @param options - the job, the resume point and the sink
 * @returns when the stream is complete or the client left
 */
export async function streamJobEvents(
  context: AppContext,
  options: StreamJobEventsOptions,
): Promise<void> {
  const { job, sink, lastEventId } = options
  sink.write(formatSseRetry())
  const snapshot = await snapshotEvent(context, job)
  const queue = new QueueEventTracker(context)
  if (snapshot.type === 'snapshot') queue.note(snapshot.job.queue)
  let lastSeq: number
  if (lastEventId === undefined) {
    sink.write(formatSseEvent(snapshot))
    lastSeq = job.event_seq
  } else {
    sink.write(formatSseMessage({ event: 'snapshot', data: JSON.stringify(snapshot) }))
    lastSeq = lastEventId
  }
  if (isFinalServiceJobStatus(job.status) && lastSeq >= job.event_seq) return
  await follow(context, { jobId: job.id, sink, queue, lastSeq })
}

/** The live part of {@link streamJobEvents}: stored events as committed, queue changes. */
async function follow(
  context: AppContext,
  options: {
    readonly jobId: string
    readonly sink: SseSink
    readonly queue: QueueEventTracker
    readonly lastSeq: number
  },
): Promise<void> {
  const { jobId, sink } = options
  let lastSeq = options.lastSeq
  using queue = new QueueFeed(context, options.queue)
  while (!sink.signal.aborted) {
    const sent = await sendStoredEvents(context, { jobId, after: lastSeq, sink })
    lastSeq = sent.lastSeq
    if (sent.isEnded) return
    if (sent.count > 0) continue
    const current = await context.store.getJob(jobId)
    if (current === undefined) return
    if (isFinalServiceJobStatus(current.status) && current.event_seq <= lastSeq) return
    const queueMoved = await queue.send(current, { lastSeq, sink })
    await context.hub.waitForChange(jobId, {
      timeoutMs: context.limits.eventPollMs,
      signal: queueMoved === undefined ? sink.signal : AbortSignal.any([sink.signal, queueMoved]),
    })
  }
}

/** The `job.queue` side of one job's stream: its tracker, and its wake-up while queued. */
class QueueFeed implements Disposable {
  readonly #context: AppContext
  readonly #tracker: QueueEventTracker
  #wakeup: QueueWakeup | undefined

  constructor(context: AppContext, tracker: QueueEventTracker) {
    this.#context = context
    this.#tracker = tracker
  }

  /**
   * Sends the job's queue event if its queue changed — only while it is `QUEUED` and every stored
   * event up to its state was delivered, so a queue event never follows the status that ended
   * QUEUED.
   *
   * @returns while the job waits, a signal that aborts when its backend's queue changes
   */
  async send(
    job: StoredJob,
    options: { readonly lastSeq: number; readonly sink: SseSink },
  ): Promise<AbortSignal | undefined> {
    if (job.status !== 'QUEUED' || job.event_seq > options.lastSeq) {
      this[Symbol.dispose]()
      return undefined
    }
    this.#wakeup ??= new QueueWakeup(backendQueueWatchOf(this.#context), job.backend)
    // Armed before the queue is computed: a change meanwhile ends the next wait at once.
    const moved = this.#wakeup.arm()
    const update = await this.#tracker.next(job)
    if (update !== undefined) {
      options.sink.write(formatSseMessage({ event: update.type, data: JSON.stringify(update) }))
    }
    return moved
  }

  [Symbol.dispose](): void {
    this.#wakeup?.[Symbol.dispose]()
    this.#wakeup = undefined
  }
}

/**
 * Writes the stored events after `after`; after the terminal status, also those committed with
 * it (result_ready), which are visible by then.
 */
async function sendStoredEvents(
  context: AppContext,
  options: { readonly jobId: string; readonly after: number; readonly sink: SseSink },
): Promise<{ readonly lastSeq: number; readonly count: number; readonly isEnded: boolean }> {
  const { jobId, sink } = options
  let lastSeq = options.after
  const events = await context.store.listEvents(jobId, { after: lastSeq, limit: 1000 })
  let isEnded = false
  for (const event of events) {
    sink.write(formatSseEvent(event))
    lastSeq = event.seq
    if (isTerminal(event)) isEnded = true
  }
  if (isEnded) {
    for (const event of await context.store.listEvents(jobId, { after: lastSeq })) {
      sink.write(formatSseEvent(event))
    }
  }
  return { lastSeq, count: events.length, isEnded }
}
