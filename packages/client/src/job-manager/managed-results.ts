import type { Complex } from '@qfabric/core/math'
import {
  Result,
  ResultError,
  type Counts,
  type ExperimentResult,
  type ResultJson,
} from '@qfabric/core/providers'
import { JobManagerError } from './job-manager-errors.js'
import { formatRange, type ManagedJob } from './managed-job.js'

/** What became of one slice of a job set when its results were collected. */
export type ManagedResultSlice =
  | {
      readonly kind: 'done'
      readonly managedJob: ManagedJob
      readonly result: Result
    }
  | {
      /** Not submitted, failed, or cancelled: `message` says which and why. */
      readonly kind: 'failed' | 'missing'
      readonly managedJob: ManagedJob
      readonly result: undefined
      readonly message: string
    }

/** Experiments of a set that have no data, and why. */
export interface FailedExperiments {
  /** The slice's index in the set. */
  readonly index: number
  readonly startIndex: number
  /** Inclusive. */
  readonly endIndex: number
  /** The job that should have run them, when there is one. */
  readonly jobId: string | undefined
  readonly kind: 'failed' | 'missing'
  readonly message: string
}

/** Where one experiment of the set lives: a job's result and the index within it. */
interface Located {
  readonly result: Result
  readonly localIndex: number
}

/**
 * The results of a job set, addressed by **global** experiment index (the position in the list
 * given to `JobManager.run`) or by circuit name, whichever job ran the experiment (Qiskit's
 * `ManagedResults`). Live and retrieved sets index alike (Qiskit/qiskit-tutorials#840). Some
 * slices may have failed: `success` says whether all is there, `failedExperiments()` lists what
 * is not, and asking for such an experiment throws a `JobManagerError` naming its job and why.
 *
 * Bitstrings are little-endian, as everywhere in qfabric: clbit 0 is the rightmost character.
 */
export class ManagedResults {
  /** The job set's id. */
  readonly jobSetId: string
  /** How many experiments the set has. */
  readonly numExperiments: number
  readonly #slices: readonly ManagedResultSlice[]

  /**
   * @param init - the set's id, size and one entry per slice, in order
   * @internal built by `ManagedJobSet.results()`
   */
  constructor(init: {
    readonly jobSetId: string
    readonly numExperiments: number
    readonly slices: readonly ManagedResultSlice[]
  }) {
    this.jobSetId = init.jobSetId
    this.numExperiments = init.numExperiments
    this.#slices = Object.freeze([...init.slices])
    Object.freeze(this)
  }

  /** True when every slice's job finished with a successful result. */
  get success(): boolean {
    return this.#slices.every((s) => s.kind === 'done' && s.result.success)
  }

  /** One entry per slice: its job's result, or why there is none. */
  slices(): readonly ManagedResultSlice[] {
    return this.#slices
  }

  /** The slices without data, in order (empty when every job finished). */
  failedExperiments(): readonly FailedExperiments[] {
    return this.#slices.flatMap((s) =>
      s.kind === 'done'
        ? []
        : [
            Object.freeze({
              index: s.managedJob.index,
              startIndex: s.managedJob.startIndex,
              endIndex: s.managedJob.endIndex,
              jobId: s.managedJob.job?.id,
              kind: s.kind,
              message: s.message,
            }),
          ],
    )
  }

  /**
   * One experiment's result, as the job's `Result.experiment` gives it.
   *
   * @param key - a global index or a circuit name (the first match in set order)
   * @returns the experiment result
   * @throws RangeError for an index outside `[0, numExperiments)`
   * @throws JobManagerError `job-set.experiment-failed` / `job-set.experiment-missing` when its
   *   job has no result; ResultError `result.experiment-not-found` for an unknown name, and as
   *   `Result.experiment` otherwise
   */
  experiment(key: number | string): ExperimentResult {
    const { result, localIndex } = this.#locate(key)
    return result.experiment(localIndex)
  }

  /**
   * The raw data of one experiment (hex counts, hex memory, `[re, im]` pairs).
   *
   * @param key - a global index or a circuit name
   * @returns the data object
   * @throws as {@link ManagedResults.experiment}
   */
  data(key: number | string): ExperimentResult['data'] {
    const { result, localIndex } = this.#locate(key)
    return result.data(localIndex)
  }

  /**
   * The counts of one experiment (Qiskit's `get_counts(experiment)`).
   *
   * @param key - a global index or a circuit name
   * @returns the counts, keys little-endian
   * @throws as {@link ManagedResults.experiment}; ResultError `result.no-data` without counts
   */
  getCounts(key: number | string): Counts {
    const { result, localIndex } = this.#locate(key)
    return result.getCounts(localIndex)
  }

  /**
   * The counts of every experiment, in global order.
   *
   * @returns one `Counts` per experiment
   * @throws JobManagerError as {@link ManagedResults.getCounts} for the first experiment
   *   without data
   */
  getAllCounts(): readonly Counts[] {
    return Object.freeze(Array.from({ length: this.numExperiments }, (_, i) => this.getCounts(i)))
  }

  /**
   * The per-shot outcomes of one experiment run with `memory: true`.
   *
   * @param key - a global index or a circuit name
   * @returns one bitstring per shot, little-endian
   * @throws as {@link ManagedResults.experiment}; ResultError `result.no-data` without memory
   */
  getMemory(key: number | string): readonly string[] {
    const { result, localIndex } = this.#locate(key)
    return result.getMemory(localIndex)
  }

  /**
   * The final statevector of one experiment, where the backend returns one.
   *
   * @param key - a global index or a circuit name
   * @param options - `decimals` to round
   * @returns the amplitudes (amplitude index bit `k` is qubit `k`)
   * @throws as {@link ManagedResults.experiment}; ResultError `result.no-data` without one
   */
  getStatevector(key: number | string, options: { decimals?: number } = {}): readonly Complex[] {
    const { result, localIndex } = this.#locate(key)
    return result.getStatevector(localIndex, options)
  }

  /**
   * All experiments as one `Result`, in global order (Qiskit's `combine_results()`): the first
   * job's result with every job's experiments, `job_id` set to the job set's id, `success` true
   * only when every job's result succeeded.
   *
   * @returns the combined result
   * @throws JobManagerError `job-set.results-unavailable` when some experiments have no data,
   *   naming their ranges and why
   */
  combineResults(): Result {
    const failed = this.failedExperiments()
    if (failed.length > 0) {
      const list = failed.map((f) => `${formatRange(f)} (${f.message})`).join('; ')
      throw new JobManagerError(
        'job-set.results-unavailable',
        `Job set ${this.jobSetId} cannot combine results: experiments ${list} have no data.`,
      )
    }
    const results = this.#slices.flatMap((s) => (s.kind === 'done' ? [s.result] : []))
    const first = results[0]!.toJSON()
    const combined: ResultJson = {
      ...first,
      job_id: this.jobSetId,
      success: results.every((r) => r.success),
      results: results.flatMap((r) => r.toJSON().results),
    }
    return new Result(combined)
  }

  #locate(key: number | string): Located {
    const index = typeof key === 'number' ? this.#checkIndex(key) : this.#findName(key)
    const slice = this.#slices.find(
      (s) => s.managedJob.startIndex <= index && index <= s.managedJob.endIndex,
    )
    if (slice === undefined) {
      throw new JobManagerError(
        'job-set.experiment-missing',
        `Experiment ${index} of job set ${this.jobSetId} belongs to no job of the set.`,
      )
    }
    if (slice.kind === 'done') {
      return { result: slice.result, localIndex: index - slice.managedJob.startIndex }
    }
    const job = slice.managedJob.job === undefined ? '' : ` (job ${slice.managedJob.job.id})`
    throw new JobManagerError(
      slice.kind === 'missing' ? 'job-set.experiment-missing' : 'job-set.experiment-failed',
      `Experiment ${index} of job set ${this.jobSetId} has no data: experiments ` +
        `${formatRange(slice.managedJob)}${job}: ${slice.message}`,
    )
  }

  #checkIndex(index: number): number {
    if (!(Number.isInteger(index) && index >= 0 && index < this.numExperiments)) {
      throw new RangeError(
        `experiment index ${index} is out of range [0, ${this.numExperiments - 1}]`,
      )
    }
    return index
  }

  #findName(name: string): number {
    let unsearched = 0
    for (const slice of this.#slices) {
      const { startIndex, experimentNames } = slice.managedJob
      const local =
        experimentNames?.indexOf(name) ??
        slice.result?.results.findIndex((r) => r.header?.name === name)
      if (local === undefined) unsearched++
      else if (local >= 0) return startIndex + local
    }
    const note =
      unsearched === 0 ? '' : ` (${unsearched} job(s) without data could not be searched)`
    throw new ResultError(
      'result.experiment-not-found',
      `Data for experiment "${name}" could not be found in job set ${this.jobSetId}${note}.`,
    )
  }
}
