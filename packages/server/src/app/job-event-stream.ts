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
import { recordOf } from './job-records.js'

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
  let lastSeq: number
  if (lastEventId === undefined) {
    sink.write(formatSseEvent(snapshot))
    lastSeq = job.event_seq
  } else {
    sink.write(formatSseMessage({ event: 'snapshot', data: JSON.stringify(snapshot) }))
    lastSeq = lastEventId
  }
  let ended = isFinalServiceJobStatus(job.status) && lastSeq >= job.event_seq
  while (!ended && !sink.signal.aborted) {
    const events = await context.store.listEvents(job.id, { after: lastSeq, limit: 1000 })
    for (const event of events) {
      sink.write(formatSseEvent(event))
      lastSeq = event.seq
      if (isTerminal(event)) ended = true
    }
    if (ended) {
      // Events committed together with the terminal status (result_ready) are visible now.
      for (const event of await context.store.listEvents(job.id, { after: lastSeq })) {
        sink.write(formatSseEvent(event))
      }
      break
    }
    if (events.length > 0) continue
    const current = await context.store.getJob(job.id)
    if (current === undefined) break
    if (isFinalServiceJobStatus(current.status) && current.event_seq <= lastSeq) break
    await context.hub.waitForChange(job.id, {
      timeoutMs: context.limits.eventPollMs,
      signal: sink.signal,
    })
  }
}
