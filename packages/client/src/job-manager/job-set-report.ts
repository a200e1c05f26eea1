import { JOB_STATUS_DESCRIPTIONS, type JobStatus } from '@qfabric/core/providers'
import type { JobSetErrorEntry } from './managed-job-set.js'
import { formatRange, type ManagedJob } from './managed-job.js'

/** What {@link formatJobSetReport} prints. */
export interface JobSetReportInput {
  readonly set: {
    readonly name: string
    readonly jobSetId: string
    readonly tags: readonly string[]
  }
  readonly managedJobs: readonly ManagedJob[]
  /** Each slice's job status, `null` where there is no job. */
  readonly statuses: readonly (JobStatus | null)[]
  readonly errors: readonly JobSetErrorEntry[]
  readonly detailed: boolean
}

/**
 * The text of `ManagedJobSet.report()`, laid out as Qiskit's `ManagedJobSet.report()`: a
 * header, a summary of jobs by state, and per slice its experiments, job and status.
 *
 * @param input - the set, its slices, their statuses and error messages
 * @returns the report, lines separated by `\n`
 * @internal
 */
export function formatJobSetReport(input: JobSetReportInput): string {
  const { set, managedJobs, statuses } = input
  const count = (predicate: (s: JobStatus | null, m: ManagedJob) => boolean): number =>
    managedJobs.filter((m, i) => predicate(statuses[i] ?? null, m)).length
  const summary: [string, number][] = [
    ['Total jobs', managedJobs.length],
    ['Successful jobs', count((s) => s === 'DONE')],
    ['Failed jobs', count((s, m) => s === 'ERROR' || m.kind === 'submit-failed')],
    ['Cancelled jobs', count((s) => s === 'CANCELLED')],
    ['Running jobs', count((s) => s === 'RUNNING')],
    ['Pending jobs', count((s) => s === 'INITIALIZING' || s === 'QUEUED' || s === 'VALIDATING')],
  ]
  const missing = count((_, m) => m.kind === 'missing')
  if (missing > 0) summary.push(['Missing jobs', missing])
  const lines = [
    `Job set name: ${set.name}`,
    `          ID: ${set.jobSetId}`,
    `        tags: [${set.tags.join(', ')}]`,
    'Summary report:',
    ...summary.map(([label, n]) => `${label.padStart(17)}: ${n}`),
  ]
  if (input.detailed) {
    lines.push('', 'Detail report:')
    managedJobs.forEach((m, i) => {
      lines.push(...detailLines(m, statuses[i] ?? null, input.errors))
    })
  }
  return lines.join('\n')
}

function detailLines(
  m: ManagedJob,
  status: JobStatus | null,
  errors: readonly JobSetErrorEntry[],
): string[] {
  const lines = [`  experiments: ${formatRange(m)}`, `    job index: ${m.index}`]
  if (m.job !== undefined) {
    lines.push(`    job ID: ${m.job.id}`)
    if (m.job.name !== undefined) lines.push(`    name: ${m.job.name}`)
  }
  const state =
    m.kind === 'submit-failed'
      ? 'job submission failed'
      : m.kind === 'missing'
        ? 'job not found'
        : status === null
          ? 'unknown'
          : JOB_STATUS_DESCRIPTIONS[status]
  lines.push(`    status: ${state}`)
  const error = errors.find((e) => e.index === m.index)
  if (error !== undefined) lines.push(`    error: ${error.message}`)
  return lines
}
