import type { JobQueueInfo, ServiceJobEvent } from '@qfabric/protocol'
import type { StoredJob } from '../store/job-store-types.js'
import type { AppContext } from './app-context.js'

/** A `job.queue` event. */
export type JobQueueEvent = Extract<ServiceJobEvent, { readonly type: 'job.queue' }>

/**
 * How far the estimated start may move before it is news. Estimates are recomputed from "now"
 * and so drift by a second every second while the job ahead runs long; without a tolerance a
 * waiting job would get an event on every re-read (§8.5 asks for at most one per 5 s).
 */
export const QUEUE_ESTIMATE_TOLERANCE_MS = 5000

const startMs = (queue: JobQueueInfo): number | null =>
  queue.estimated_start_at === null ? null : Date.parse(queue.estimated_start_at)

/**
 * Whether two queue infos tell a client the same thing: the same positions (global, in the
 * instance, ahead by class), the same basis and message, and estimated starts both null or less
 * than {@link QUEUE_ESTIMATE_TOLERANCE_MS} apart. `as_of` and `estimated_end_at` (which follows
 * the start) are ignored.
 *
 * @param a - one queue info
 * @param b - the other
 * @returns true when sending `b` after `a` would be noise
 */
export function isSameQueue(a: JobQueueInfo, b: JobQueueInfo): boolean {
  if (
    a.position !== b.position ||
    a.position_in_instance !== b.position_in_instance ||
    a.ahead.normal !== b.ahead.normal ||
    a.ahead.priority !== b.ahead.priority ||
    a.estimate_basis !== b.estimate_basis ||
    a.message !== b.message
  ) {
    return false
  }
  const [x, y] = [startMs(a), startMs(b)]
  return x === null || y === null ? x === y : Math.abs(x - y) < QUEUE_ESTIMATE_TOLERANCE_MS
}

/**
 * The `job.queue` events of one job on one stream (§8.5). Queue positions are derived data —
 * they change when other jobs leave the queue — so they are computed on read, never written to
 * `job_events`; the tracker remembers what this stream last told its client (the snapshot's
 * queue, then each event) and makes an event only when the queue changed in a way
 * {@link isSameQueue} calls news. The event carries the latest stored seq the stream delivered,
 * and is framed without an SSE id, so `Last-Event-ID` resume is unaffected.
 */
export class QueueEventTracker {
  readonly #context: Pick<AppContext, 'estimator' | 'clock'>
  #sent: JobQueueInfo | undefined

  /** @param context - the server's queue estimator and clock */
  constructor(context: Pick<AppContext, 'estimator' | 'clock'>) {
    this.#context = context
  }

  /**
   * Remembers a queue the client already has (the one in the stream's snapshot).
   *
   * @param queue - the queue info sent
   */
  note(queue: JobQueueInfo): void {
    this.#sent = queue
  }

  /**
   * The event to send for the job now, if any: only while it is `QUEUED`, and only when its
   * queue changed since the last one sent. A job that left the queue while the position was
   * computed gets none (its `job.status` event follows on the stream).
   *
   * @param job - the job as just read from the store, with every stored event up to its
   *   `event_seq` already delivered
   * @returns the `job.queue` event, or `undefined`
   */
  async next(job: StoredJob): Promise<JobQueueEvent | undefined> {
    if (job.status !== 'QUEUED') return undefined
    const queue = await this.#context.estimator.queueInfo(job)
    if (queue.position === null) return undefined
    if (this.#sent !== undefined && isSameQueue(this.#sent, queue)) return undefined
    this.#sent = queue
    return {
      type: 'job.queue',
      seq: job.event_seq,
      job_id: job.id,
      time: new Date(this.#context.clock.now()).toISOString(),
      queue,
    }
  }
}
