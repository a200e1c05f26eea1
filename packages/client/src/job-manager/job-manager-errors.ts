import { JobTimeoutError, QfabricError } from '@qfabric/core/providers'

/**
 * Every stable error code of the job manager, as one table. Never reword a code once released.
 *
 * - `job-set.unknown`: no job carries the job set's tag (`retrieveJobSet`).
 * - `job-set.invalid`: the members' tags contradict each other (two totals, an index out of range).
 * - `job-set.experiment-failed`: the experiment's job could not be submitted, failed or was
 *   cancelled, so it has no data.
 * - `job-set.experiment-missing`: the experiment's job is not on the server any more (a retrieved
 *   set with a member deleted).
 * - `job-set.results-unavailable`: `combineResults()` on a set with failed or missing experiments.
 */
export const JOB_MANAGER_ERROR_CODES = [
  'job-set.unknown',
  'job-set.invalid',
  'job-set.experiment-failed',
  'job-set.experiment-missing',
  'job-set.results-unavailable',
] as const

/** A stable error code of the job manager. */
export type JobManagerErrorCode = (typeof JOB_MANAGER_ERROR_CODES)[number]

/**
 * Thrown by the job manager, its job sets and their results (codes `job-set.*`). Waiting errors
 * are not wrapped: a timeout is core's `JobTimeoutError`, an abort is the signal's reason.
 */
export class JobManagerError extends QfabricError {
  declare readonly code: JobManagerErrorCode

  /**
   * @param code - a `job-set.*` code
   * @param message - what went wrong, naming the job set and the experiments
   * @param options - the ES2022 `cause`
   */
  constructor(code: JobManagerErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'JobManagerError'
  }
}

/**
 * Thrown by `ManagedJobSet.results({ timeoutMs })` when the set's time budget runs out (code
 * `job.timeout`, a core `JobTimeoutError`, so one `catch` handles job and set timeouts). Names
 * the experiments still awaited, as Qiskit's "Timeout while waiting for the results for
 * experiments a-b". No job is cancelled.
 */
export class JobSetTimeoutError extends JobTimeoutError {
  /** The job set waited for. */
  readonly jobSetId: string
  /** The experiment ranges (`3-5`) whose results were not collected. */
  readonly pendingRanges: readonly string[]

  /**
   * @param details - the set, the job whose wait ran out, the budget, the ranges still
   *   awaited, and the job's own timeout error as `cause`
   */
  constructor(details: {
    readonly jobSetId: string
    readonly jobId: string
    readonly timeoutMs: number
    readonly ranges: readonly string[]
    readonly cause?: unknown
  }) {
    super(details.jobId, details.timeoutMs, { cause: details.cause })
    this.name = 'JobSetTimeoutError'
    this.message =
      `Timeout while waiting for the results of job set ${details.jobSetId} ` +
      `(${details.timeoutMs} ms): experiments ${details.ranges.join(', ')} are not done.`
    this.jobSetId = details.jobSetId
    this.pendingRanges = Object.freeze([...details.ranges])
  }
}
