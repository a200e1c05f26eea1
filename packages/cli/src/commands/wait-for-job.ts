import {
  isFinalJobStatus,
  type FinalJobStatus,
  type Job,
  type JobEvent,
  type JobProgressEvent,
} from '@qfabric/core/providers'
import type { CliContext } from '../cli-context.js'
import { ProgressLine, type ProgressState } from '../render/progress.js'

/**
 * Waits for a job to finish, showing its status, queue position, work done and elapsed time
 * on standard error. Status is polled (every `context.pollIntervalMs`); work progress comes from
 * the job's events when it has them.
 *
 * @param job - the job
 * @param context - standard error, poll interval, stop signal
 * @returns the final status
 * @throws the signal's reason when it aborts (the job keeps running)
 */
export async function waitForJob(job: Job, context: CliContext): Promise<FinalJobStatus> {
  const progress = new ProgressLine({ sink: context.stderr, label: job.id })
  const stop = new AbortController()
  const signal =
    context.signal === undefined ? stop.signal : AbortSignal.any([context.signal, stop.signal])
  let work: ProgressState['work']
  void followProgress(job, signal, (event) => {
    work = { done: event.done, total: event.total, unit: event.unit }
  })
  try {
    for (;;) {
      const status = await job.status({ signal })
      if (isFinalJobStatus(status)) return status
      const queuePosition = status === 'QUEUED' ? await job.queuePosition({ signal }) : undefined
      progress.update({ status, queuePosition, work })
      await sleep(context.pollIntervalMs, signal)
    }
  } finally {
    stop.abort()
    progress.stop()
  }
}

/** Reports `progress` events until the job ends or the signal aborts; never throws. */
async function followProgress(
  job: Job,
  signal: AbortSignal,
  onProgress: (event: JobProgressEvent) => void,
): Promise<void> {
  try {
    for await (const event of job.events({ signal })) {
      if (isProgress(event)) onProgress(event)
    }
  } catch {
    // Events are a nicety: the status polling decides when the wait ends.
  }
}

function isProgress(event: JobEvent): event is JobProgressEvent {
  return event.type === 'progress'
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error)
      return
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal.reason as Error)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
