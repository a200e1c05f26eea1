import {
  isQfabricError,
  type AbortableOptions,
  type CancelOutcome,
  type Job,
  type JobHandle,
  type JobStatus,
} from '@qfabric/core/providers'
import { JobSetTimeoutError } from './job-manager-errors.js'
import { formatJobSetReport } from './job-set-report.js'
import { formatRange, type ManagedJob } from './managed-job.js'
import { ManagedResults, type ManagedResultSlice } from './managed-results.js'

/** What a {@link ManagedJobSet} is built from. */
export interface ManagedJobSetInit {
  readonly jobSetId: string
  readonly name: string
  /** The user's tags (without the set's own). */
  readonly tags: readonly string[]
  /** The backend the set ran on, when known. */
  readonly backendName: string | undefined
  readonly numExperiments: number
  /** One per slice, in order, covering `[0, numExperiments)`. */
  readonly managedJobs: readonly ManagedJob[]
}

/** Options of {@link ManagedJobSet.results}. */
export interface JobSetResultsOptions extends AbortableOptions {
  /**
   * One time budget for the whole set, in milliseconds: running out throws
   * `JobSetTimeoutError` (a `JobTimeoutError`); no job is cancelled. Default: no limit.
   */
  readonly timeoutMs?: number | undefined
  /** How often to poll jobs that must be polled, in milliseconds. */
  readonly pollIntervalMs?: number | undefined
}

/** Why some experiments of a set have no data (see {@link ManagedJobSet.errorMessages}). */
export interface JobSetErrorEntry {
  /** The slice's index in the set. */
  readonly index: number
  readonly startIndex: number
  /** Inclusive. */
  readonly endIndex: number
  readonly jobId: string | undefined
  /** The job's status, or `null` when there is no job. */
  readonly status: JobStatus | null
  readonly message: string
}

/** A job set as JSON (`ManagedJobSet.toJSON()`): enough to show it, and its id to retrieve it. */
export interface JobSetHandle {
  readonly format: 'qfabric.job-set'
  readonly version: 1
  readonly jobSetId: string
  readonly name: string
  readonly backendName?: string
  readonly tags: readonly string[]
  readonly numExperiments: number
  readonly jobs: readonly {
    readonly index: number
    readonly startIndex: number
    readonly endIndex: number
    readonly kind: ManagedJob['kind']
    readonly job?: JobHandle
    readonly error?: string
  }[]
}

/**
 * The jobs of one `JobManager.run()` (Qiskit's `ManagedJobSet`): contiguous slices of the
 * experiment list, each with its job, or with the reason it has none (submission refused; or,
 * for a retrieved set, the job no longer listed). Results are addressed by global experiment
 * index through {@link ManagedJobSet.results}. Find a set again in another process with
 * `retrieveJobSet(jobSetId, provider)`: every job carries the set's tags.
 */
export class ManagedJobSet {
  /** The set's id; its jobs carry the tag `qfabric:jobset=<id>`. */
  readonly jobSetId: string
  /** The set's name; job `k` is named `<name>_<k>_`. */
  readonly name: string
  /** The user's tags, on every job of the set. */
  readonly tags: readonly string[]
  /** The backend the set ran on, when known. */
  readonly backendName: string | undefined
  /** How many experiments the set has. */
  readonly numExperiments: number
  readonly #managed: readonly ManagedJob[]

  /** @param init - the set's id, name, tags and slices */
  constructor(init: ManagedJobSetInit) {
    this.jobSetId = init.jobSetId
    this.name = init.name
    this.tags = Object.freeze([...init.tags])
    this.backendName = init.backendName
    this.numExperiments = init.numExperiments
    this.#managed = Object.freeze([...init.managedJobs])
  }

  /** Every slice, in order, with its global experiment range and its job (if any). */
  managedJobs(): readonly ManagedJob[] {
    return this.#managed
  }

  /** The jobs the backend accepted, in set order (slices without a job are left out). */
  jobs(): readonly Job[] {
    return Object.freeze(this.#managed.flatMap((m) => (m.job === undefined ? [] : [m.job])))
  }

  /** The slices of a retrieved set whose jobs the provider no longer lists. */
  missingJobs(): readonly ManagedJob[] {
    return Object.freeze(this.#managed.filter((m) => m.kind === 'missing'))
  }

  /**
   * Which slice holds an experiment (Qiskit's `job(experiment)`).
   *
   * @param experiment - a global index
   * @returns the slice and the experiment's index within its job
   * @throws RangeError for an index outside `[0, numExperiments)`
   */
  managedJobOf(experiment: number): { managedJob: ManagedJob; localIndex: number } {
    const managedJob = this.#managed.find(
      (m) => m.startIndex <= experiment && experiment <= m.endIndex,
    )
    if (!Number.isInteger(experiment) || managedJob === undefined) {
      throw new RangeError(
        `experiment index ${experiment} is out of range [0, ${this.numExperiments - 1}]`,
      )
    }
    return { managedJob, localIndex: experiment - managedJob.startIndex }
  }

  /**
   * Each slice's job status (one query per job for a remote backend), in order; `null` where
   * there is no job.
   *
   * @param options - a signal
   * @returns the statuses
   */
  statuses(options: AbortableOptions = {}): Promise<readonly (JobStatus | null)[]> {
    return Promise.all(
      this.#managed.map(async (m) => (m.job === undefined ? null : m.job.status(options))),
    )
  }

  /**
   * Asks every job to cancel (`not-cancellable` for those already final); every job is asked
   * even when one request fails.
   *
   * @param options - a signal
   * @returns each slice's outcome, in order; `null` where there is no job
   * @throws the first request's error, after all were made
   */
  async cancel(options: AbortableOptions = {}): Promise<readonly (CancelOutcome | null)[]> {
    const settled = await Promise.allSettled(
      this.#managed.map(async (m) => (m.job === undefined ? null : m.job.cancel(options))),
    )
    return settled.map((s) => {
      if (s.status === 'rejected') throw s.reason
      return s.value
    })
  }

  /**
   * Waits for every job and collects the results (Qiskit's `results()`); failed, cancelled,
   * refused or missing slices are recorded, not thrown, so the rest stays usable.
   *
   * @param options - one time budget for the whole set, a signal, a poll interval
   * @returns the results, by global experiment index
   * @throws JobSetTimeoutError (code `job.timeout`) when `timeoutMs` runs out, naming the
   *   experiments still awaited; the signal's reason on abort; a job's own error when its
   *   result cannot be fetched for another reason than its failure, cancellation, deletion or
   *   expiry
   */
  async results(options: JobSetResultsOptions = {}): Promise<ManagedResults> {
    const { timeoutMs, signal, pollIntervalMs } = options
    const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs
    const slices: ManagedResultSlice[] = []
    // One job after another, not all at once: a remote job's wait holds a connection, and a
    // browser allows only a few per host. The budget is shared, so the total wait is the same.
    for (const managedJob of this.#managed) {
      if (managedJob.kind !== 'submitted') {
        slices.push(unavailable(managedJob))
        continue
      }
      const remaining = deadline === undefined ? undefined : Math.max(0, deadline - Date.now())
      try {
        const result = await managedJob.job.result({
          signal,
          timeoutMs: remaining,
          pollIntervalMs,
        })
        slices.push({ kind: 'done', managedJob, result })
      } catch (error) {
        if (signal?.aborted === true) throw signal.reason
        slices.push(this.#failedOrThrow(managedJob, error, timeoutMs))
      }
    }
    return new ManagedResults({
      jobSetId: this.jobSetId,
      numExperiments: this.numExperiments,
      slices,
    })
  }

  /**
   * Why experiments have no data (Qiskit's `error_messages()`): refused submissions, failed
   * and cancelled jobs, jobs missing from the server. Queries each job's status.
   *
   * @param options - a signal
   * @returns one entry per slice without data, in order (empty when all is well so far)
   */
  async errorMessages(options: AbortableOptions = {}): Promise<readonly JobSetErrorEntry[]> {
    const entries = await Promise.all(
      this.#managed.map(async (m): Promise<JobSetErrorEntry | undefined> => {
        const base = { index: m.index, startIndex: m.startIndex, endIndex: m.endIndex }
        if (m.kind !== 'submitted') {
          return { ...base, jobId: undefined, status: null, message: unavailable(m).message }
        }
        const status = await m.job.status(options)
        if (status !== 'ERROR' && status !== 'CANCELLED') return undefined
        const message =
          status === 'ERROR'
            ? ((await m.job.errorMessage(options)) ?? 'Unknown error.')
            : 'The job was cancelled.'
        return { ...base, jobId: m.job.id, status, message }
      }),
    )
    return Object.freeze(entries.filter((e) => e !== undefined))
  }

  /**
   * A text summary of the set (Qiskit's `report()`): name, id, tags, counts of jobs by state,
   * and with `detailed` each slice's experiments, job id, name and status.
   *
   * @param options - `detailed` (default true, as Qiskit) and a signal
   * @returns the report
   */
  async report(options: AbortableOptions & { detailed?: boolean } = {}): Promise<string> {
    const statuses = await this.statuses(options)
    const errors = await this.errorMessages(options)
    return formatJobSetReport({
      set: this,
      managedJobs: this.#managed,
      statuses,
      errors,
      detailed: options.detailed ?? true,
    })
  }

  /** The set as JSON: its id, name, tags, and each slice with its job handle or error. */
  toJSON(): JobSetHandle {
    return {
      format: 'qfabric.job-set',
      version: 1,
      jobSetId: this.jobSetId,
      name: this.name,
      ...(this.backendName === undefined ? {} : { backendName: this.backendName }),
      tags: [...this.tags],
      numExperiments: this.numExperiments,
      jobs: this.#managed.map((m) => ({
        index: m.index,
        startIndex: m.startIndex,
        endIndex: m.endIndex,
        kind: m.kind,
        ...(m.job === undefined ? {} : { job: m.job.toJSON() }),
        ...(m.kind === 'submit-failed' ? { error: m.error } : {}),
      })),
    }
  }

  #failedOrThrow(
    managedJob: ManagedJob,
    error: unknown,
    timeoutMs: number | undefined,
  ): ManagedResultSlice {
    if (!isQfabricError(error)) throw error
    if (error.code === 'job.timeout') {
      const waiting = this.#managed.filter(
        (m) => m.index >= managedJob.index && m.job !== undefined,
      )
      throw new JobSetTimeoutError({
        jobSetId: this.jobSetId,
        jobId: managedJob.job?.id ?? '',
        timeoutMs: timeoutMs ?? 0,
        ranges: waiting.map(formatRange),
        cause: error,
      })
    }
    if (!NO_DATA_CODES.has(error.code)) throw error
    return { kind: 'failed', managedJob, result: undefined, message: error.message }
  }
}

/**
 * Errors that mean a job will never give data, so its slice is recorded rather than thrown:
 * core's failed and cancelled jobs, and the service's answers for a job whose result is gone —
 * a deleted job is a tombstone still listed as completed (`result_not_available`), and a result
 * past its retention (`result_expired`).
 */
const NO_DATA_CODES: ReadonlySet<string> = new Set([
  'job.failed',
  'job.cancelled',
  'result_not_available',
  'result_expired',
])

function unavailable(managedJob: ManagedJob): ManagedResultSlice & { message: string } {
  const message =
    managedJob.kind === 'submit-failed'
      ? `The submission failed: ${managedJob.error}`
      : 'The job is not listed by the provider (deleted, or never submitted).'
  return {
    kind: managedJob.kind === 'missing' ? 'missing' : 'failed',
    managedJob,
    result: undefined,
    message,
  }
}
