/**
 * How a job is reported: its JSON form (`--json`) and the lines and histogram people read.
 */
import type { FinalJobStatus, Job, JobQueueInfo, JobStatus, Result } from '@qfabric/core/providers'
import { outputWidth, type CliContext } from '../cli-context.js'
import { renderHistogram } from '../render/histogram.js'
import { renderTable } from '../render/table.js'

/** What `--json` prints for one job. */
export interface JobReport {
  readonly jobId: string
  readonly backend: string
  readonly status: JobStatus
  readonly name?: string | undefined
  readonly tags: readonly string[]
  readonly createdAt?: string | undefined
  readonly queue?: JobQueueInfo | undefined
  readonly error?: string | undefined
  /** When the job entered each status (ISO 8601). */
  readonly timing: Readonly<Partial<Record<JobStatus, string>>>
  readonly shots?: number | undefined
  /** Outcome → shots (Qiskit's little-endian bitstrings), when the job is done. */
  readonly counts?: Readonly<Record<string, number>> | undefined
}

/**
 * Gathers a job's report; the result's counts are included when the job is `DONE`.
 *
 * @param job - the job
 * @param status - its current status
 * @param context - the stop signal
 * @returns the report
 */
export async function reportJob(
  job: Job,
  status: JobStatus,
  context: CliContext,
): Promise<JobReport> {
  const signal = context.signal
  const result = status === 'DONE' ? await job.result({ signal }) : undefined
  const counts = result === undefined ? undefined : countsOf(result)
  return {
    jobId: job.id,
    backend: job.backendName,
    status,
    name: job.name,
    tags: job.tags,
    createdAt: job.creationDate?.toISOString(),
    queue: status === 'QUEUED' ? await job.queueInfo({ signal }) : undefined,
    error: status === 'ERROR' ? await job.errorMessage({ signal }) : undefined,
    timing: job.timePerStep(),
    shots: counts === undefined ? undefined : Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
  }
}

/**
 * The counts of a result's first experiment as a plain record, or `undefined` when it has none
 * (e.g. a statevector run).
 *
 * @param result - the job's result
 * @returns outcome → shots
 */
export function countsOf(result: Result): Record<string, number> | undefined {
  try {
    return result.getCounts(0).toObject()
  } catch {
    return undefined
  }
}

/**
 * Prints a report for people: a table of the job's fields and timing, then its histogram.
 *
 * @param report - the job's report
 * @param context - standard output
 */
export function printJobReport(report: JobReport, context: CliContext): void {
  const rows: string[][] = [
    ['id', report.jobId],
    ['backend', report.backend],
    ['status', report.status],
  ]
  if (report.name !== undefined) rows.push(['name', report.name])
  if (report.tags.length > 0) rows.push(['tags', report.tags.join(', ')])
  if (report.queue?.position !== undefined)
    rows.push(['queue position', String(report.queue.position)])
  if (report.queue?.estimatedStartTime !== undefined) {
    rows.push(['estimated start', report.queue.estimatedStartTime])
  }
  if (report.error !== undefined) rows.push(['error', report.error])
  for (const [step, at] of Object.entries(report.timing)) rows.push([`at ${step}`, at])
  context.stdout.write(renderTable([{ header: 'field' }, { header: 'value' }], rows))
  if (report.counts !== undefined) {
    context.stdout.write('\n')
    printHistogram(report.counts, context)
  }
}

/**
 * Prints counts as a histogram as wide as the terminal.
 *
 * @param counts - outcome → shots
 * @param context - standard output
 */
export function printHistogram(
  counts: Readonly<Record<string, number>>,
  context: CliContext,
): void {
  context.stdout.write(renderHistogram(counts, { width: outputWidth(context.stdout) }))
}

/**
 * The failure of a job that did not finish `DONE`, as an error to report.
 *
 * @param job - the job
 * @param status - its final status
 * @param context - the stop signal
 * @returns an error whose message says what happened
 */
export async function jobFailure(
  job: Job,
  status: Exclude<FinalJobStatus, 'DONE'>,
  context: CliContext,
): Promise<Error> {
  if (status === 'CANCELLED') return new Error(`job ${job.id} was cancelled`)
  const message = await job.errorMessage({ signal: context.signal })
  return new Error(`job ${job.id} failed: ${message ?? 'unknown error'}`)
}
