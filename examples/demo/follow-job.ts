import type { JobStatus } from '@qfabric/core/providers'
import type { RemoteJob } from '@qfabric/client'

/** What {@link followJob} saw of one job. */
export interface JobTrace {
  readonly job: RemoteJob
  /** The statuses in the order they came (a status repeats when only the position changed). */
  readonly statuses: readonly JobStatus[]
  /** Every queue position announced while the job was queued, in order. */
  readonly queuePositions: readonly number[]
}

/** Options of {@link followJob}. */
export interface FollowJobOptions {
  /** Receives one line per change. */
  readonly log: (line: string) => void
  /** What to call the job in those lines (e.g. `bell @ fake_manila`). */
  readonly label: string
  /** The instant times are measured from (`Date.now()` at the start). */
  readonly startedAt: number
}

/**
 * Prints a line for every change of a job — when it happened, the job id, the label, the
 * status and, while queued, the queue position — until the job is final.
 *
 * Everything comes from the job's event stream: the client follows the job over server-sent
 * events (falling back to long-polling and polling), and a job it just submitted replays its
 * history from the start, so no status is missed even if the job ran at once. While the job
 * waits, the service also sends a `job.queue` event whenever its position changes (other jobs
 * leaving the queue ahead of it); the client reports each as a `QUEUED` status event with the
 * new position, so the positions count down live without any polling.
 *
 * @param job - a job just submitted
 * @param options - where to print, the label, the start instant
 * @returns the statuses and queue positions seen
 */
export async function followJob(job: RemoteJob, options: FollowJobOptions): Promise<JobTrace> {
  const statuses: JobStatus[] = []
  const queuePositions: number[] = []
  for await (const event of job.events()) {
    // INITIALIZING is the client's own state before it has read the job's record.
    if (event.type !== 'status' || event.status === 'INITIALIZING') continue
    statuses.push(event.status)
    if (event.queuePosition !== undefined) queuePositions.push(event.queuePosition)
    const seconds = (Date.parse(event.timestamp) - options.startedAt) / 1000
    const position = event.queuePosition === undefined ? '' : `  position ${event.queuePosition}`
    const line = `  +${seconds.toFixed(2).padStart(5)}s  ${job.id}  ${options.label.padEnd(26)}`
    options.log(`${line} ${event.status.padEnd(9)}${position}`.trimEnd())
  }
  return { job, statuses, queuePositions }
}
