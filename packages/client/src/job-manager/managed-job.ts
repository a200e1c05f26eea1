import type { Job } from '@qfabric/core/providers'

/** What every {@link ManagedJob} says about its slice of the job set. */
export interface ManagedJobBase {
  /** The job's position in the set, 0-based (the `k` of its name `<set name>_<k>_`). */
  readonly index: number
  /** The global index of its first experiment. */
  readonly startIndex: number
  /** The global index of its last experiment (inclusive, as Qiskit's `end_index`). */
  readonly endIndex: number
  /** The circuits' names, when the set was built in this process (not when retrieved). */
  readonly experimentNames: readonly string[] | undefined
}

/** A slice the backend accepted: it has a job. */
export interface SubmittedManagedJob extends ManagedJobBase {
  readonly kind: 'submitted'
  readonly job: Job
}

/**
 * A slice whose submission failed for a reason other than the job limit (an invalid circuit, a
 * refused option): its experiments are reported as failed, the rest of the set still runs.
 */
export interface FailedManagedJob extends ManagedJobBase {
  readonly kind: 'submit-failed'
  readonly job: undefined
  /** Why the backend refused it. */
  readonly error: string
  /** The error `backend.run()` rejected with. */
  readonly cause: unknown
}

/** A slice of a retrieved set whose job the provider no longer lists. */
export interface MissingManagedJob extends ManagedJobBase {
  readonly kind: 'missing'
  readonly job: undefined
}

/** One slice of a job set: a contiguous run of experiments and what became of its job. */
export type ManagedJob = SubmittedManagedJob | FailedManagedJob | MissingManagedJob

/** A contiguous slice of the experiments: global indices, `endIndex` inclusive. */
export interface ExperimentRange {
  readonly startIndex: number
  readonly endIndex: number
}

/**
 * How many experiments one job takes: the smaller of the backend's `maxCircuits` and the
 * caller's `maxExperimentsPerJob` (a larger caller value is capped, as in Qiskit), either of
 * which may be absent; `null` when neither limits it.
 *
 * @param backendMax - `backend.maxCircuits`
 * @param requested - the caller's `maxExperimentsPerJob`
 * @returns the chunk size, or `null` for everything in one job
 * @throws RangeError when `requested` is not a positive integer
 */
export function experimentsPerJob(
  backendMax: number | null,
  requested: number | undefined,
): number | null {
  if (requested !== undefined && !(Number.isInteger(requested) && requested >= 1)) {
    throw new RangeError(`maxExperimentsPerJob must be a positive integer, got ${requested}`)
  }
  const limits = [backendMax, requested].filter((v): v is number => v != null)
  return limits.length === 0 ? null : Math.min(...limits)
}

/**
 * Splits `total` experiments into contiguous slices of `size` (the last one shorter), in order.
 *
 * @param total - how many experiments
 * @param size - experiments per slice, or `null` for one slice
 * @returns the slices
 */
export function splitExperiments(total: number, size: number | null): readonly ExperimentRange[] {
  const step = size ?? total
  const ranges: ExperimentRange[] = []
  for (let start = 0; start < total; start += step) {
    ranges.push({ startIndex: start, endIndex: Math.min(start + step, total) - 1 })
  }
  return ranges
}

/**
 * Formats a slice as Qiskit's reports do: `3-5`, or `3` for one experiment.
 *
 * @param range - the slice
 * @returns the text
 */
export function formatRange(range: ExperimentRange): string {
  return range.startIndex === range.endIndex
    ? String(range.startIndex)
    : `${range.startIndex}-${range.endIndex}`
}
