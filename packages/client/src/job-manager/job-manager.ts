import type { QuantumCircuit } from '@qfabric/core/circuit'
import {
  createJobId,
  defaultTimeoutProvider,
  type AbortSignalLike,
  type Backend,
  type Job,
  type RunOptions,
  type TimeoutProvider,
} from '@qfabric/core/providers'
import { isJobLimitError, retryAfterMsOf } from './is-job-limit-error.js'
import type { JobSetEvent, JobSetEventBase } from './job-set-event.js'
import { assertJobSetId, isJobSetTag, jobSetMemberTags } from './job-set-tags.js'
import {
  experimentsPerJob,
  splitExperiments,
  type ExperimentRange,
  type ManagedJob,
} from './managed-job.js'
import { ManagedJobSet } from './managed-job-set.js'
import { SlotWaiter } from './slot-waiter.js'

/** Options of a {@link JobManager}. */
export interface JobManagerOptions {
  /**
   * While the backend is at its job limit, the longest wait between two looks at its job count,
   * in milliseconds (default 5000). The end of one of the set's own jobs wakes it earlier.
   */
  readonly pollIntervalMs?: number | undefined
  /** The timer seam for those waits (tests pass fake timers). */
  readonly timers?: TimeoutProvider | undefined
}

/**
 * Options of {@link JobManager.run}: the set's own settings, plus run options (`shots`, `seed`,
 * `memory`, any backend option) passed to every `backend.run()` call.
 */
export interface JobManagerRunOptions extends Pick<RunOptions, 'shots' | 'seed' | 'memory'> {
  /** The set's name; job `k` is named `<name>_<k>_` (default: the UTC time, ISO 8601). */
  readonly name?: string | undefined
  /** At most this many experiments per job (capped by the backend's `maxCircuits`). */
  readonly maxExperimentsPerJob?: number | undefined
  /** User tags every job of the set carries (besides the set's own `qfabric:jobset…` tags). */
  readonly tags?: readonly string[] | undefined
  /**
   * The set's id (default: a new ULID). Choose it up front to find the set again with
   * `retrieveJobSet` even if this process stops half-way: 1–48 letters, digits, `_`, `-`.
   */
  readonly jobSetId?: string | undefined
  /**
   * Stops submitting: `run()` rejects with the signal's reason. Jobs already accepted keep
   * running; they carry the set's tags, so `retrieveJobSet(jobSetId, …)` finds them.
   */
  readonly signal?: AbortSignalLike | undefined
  /** Called when the backend accepts a job, with its index in the set. */
  readonly onJobSubmitted?: ((job: Job, index: number) => void) | undefined
  /** Called at every step: waiting for a slot, submitted, submission failed. */
  readonly onEvent?: ((event: JobSetEvent) => void) | undefined
  /** Any other option of the backend, passed to every job. */
  readonly [option: string]: unknown
}

/** The keys of {@link JobManagerRunOptions} that are the manager's, not `backend.run()`'s. */
const MANAGER_KEYS: ReadonlySet<string> = new Set([
  'name',
  'maxExperimentsPerJob',
  'tags',
  'jobSetId',
  'onJobSubmitted',
  'onEvent',
  // Core's job-level fields, which the manager sets itself.
  'jobName',
  'jobTags',
])

/** What one submission needs besides its slice. */
interface SubmitContext {
  readonly backend: Backend
  readonly circuits: readonly QuantumCircuit[]
  readonly runOptions: Readonly<Record<string, unknown>>
  readonly setName: string
  readonly userTags: readonly string[]
  readonly waiter: SlotWaiter
  readonly ownJobs: Job[]
  readonly options: JobManagerRunOptions
  readonly base: (index: number, range: ExperimentRange) => JobSetEventBase
}

/**
 * Runs a long list of circuits on any backend as a named, retrievable job set (Qiskit's
 * `IBMQJobManager`): it splits them into jobs of at most `min(backend.maxCircuits,
 * maxExperimentsPerJob)` circuits, submits them one after another, waits for a slot whenever
 * the backend is at its job limit (instead of failing, Qiskit/qiskit-ibmq-provider#505), and
 * tags every job with the set's id, its index and its global experiment range, so that
 * `retrieveJobSet` rebuilds the set from the server alone. A slice the backend refuses for
 * another reason is recorded as failed; the others still run.
 *
 * Works with any `Backend`: job limits are used when the backend has `remainingJobsCount()`
 * (`supportsJobLimit`), and a submission refused with a limit error (a code mentioning `limit`,
 * or HTTP status 429) is retried after a wait either way.
 *
 * @example
 * ```ts
 * const manager = new JobManager()
 * const set = await manager.run(circuits, backend, { name: 'sweep', shots: 1000, maxExperimentsPerJob: 50 })
 * const results = await set.results({ timeoutMs: 600_000 })
 * results.getCounts(123) // experiment 123 of the whole list, whichever job ran it
 * ```
 */
export class JobManager {
  readonly #pollIntervalMs: number
  readonly #timers: TimeoutProvider

  /**
   * @param options - the slot-waiting poll interval and timers
   * @throws RangeError for a negative or non-finite `pollIntervalMs`
   */
  constructor(options: JobManagerOptions = {}) {
    const interval = options.pollIntervalMs ?? 5000
    if (!(Number.isFinite(interval) && interval >= 0)) {
      throw new RangeError(`pollIntervalMs must be a non-negative number, got ${interval}`)
    }
    this.#pollIntervalMs = interval
    this.#timers = options.timers ?? defaultTimeoutProvider
  }

  /**
   * Splits `circuits` into jobs and submits them all; resolves once every slice was submitted
   * (or refused). Slices are contiguous and in input order, so experiment `i` of the list is
   * experiment `i` of the set's results.
   *
   * @param circuits - the experiments, in order
   * @param backend - where they run
   * @param options - name, split size, tags, id, signal, callbacks and run options
   * @returns the job set
   * @throws RangeError for an empty list or an invalid `maxExperimentsPerJob`
   * @throws TypeError for an invalid `jobSetId` or a user tag starting with `qfabric:jobset`
   * @throws the signal's reason when it aborts (already submitted jobs keep running)
   */
  async run(
    circuits: readonly QuantumCircuit[],
    backend: Backend,
    options: JobManagerRunOptions = {},
  ): Promise<ManagedJobSet> {
    const { name, maxExperimentsPerJob, tags, jobSetId, signal } = options
    const id = jobSetId ?? createJobId()
    assertJobSetId(id)
    const userTags = Object.freeze([...(tags ?? [])])
    const reserved = userTags.find(isJobSetTag)
    if (reserved !== undefined) {
      throw new TypeError(`tag ${JSON.stringify(reserved)} is reserved for the job manager`)
    }
    if (circuits.length === 0) throw new RangeError('a job set needs at least one circuit')
    const size = experimentsPerJob(backend.maxCircuits, maxExperimentsPerJob)
    signal?.throwIfAborted()
    const ranges = splitExperiments(circuits.length, size)
    const base = (index: number, range: ExperimentRange): JobSetEventBase => ({
      jobSetId: id,
      index,
      count: ranges.length,
      ...range,
    })
    const context: SubmitContext = {
      backend,
      circuits,
      runOptions: Object.fromEntries(
        Object.entries(options).filter(([key]) => !MANAGER_KEYS.has(key)),
      ),
      setName: name ?? new Date().toISOString(),
      userTags,
      waiter: new SlotWaiter({
        backend,
        pollIntervalMs: this.#pollIntervalMs,
        timers: this.#timers,
        signal,
      }),
      ownJobs: [],
      options,
      base,
    }
    const managed: ManagedJob[] = []
    for (const [index, range] of ranges.entries()) {
      managed.push(await submitSlice(context, index, range))
    }
    return new ManagedJobSet({
      jobSetId: id,
      name: context.setName,
      tags: userTags,
      backendName: backend.name,
      numExperiments: circuits.length,
      managedJobs: managed,
    })
  }
}

/**
 * Submits one slice, waiting for a slot first and after every limit refusal; records any other
 * refusal as a failed slice.
 */
async function submitSlice(
  context: SubmitContext,
  index: number,
  range: ExperimentRange,
): Promise<ManagedJob> {
  const { backend, options, waiter, ownJobs } = context
  const event = context.base(index, range)
  const chunk = context.circuits.slice(range.startIndex, range.endIndex + 1)
  const runOptions: RunOptions = {
    ...context.runOptions,
    jobName: `${context.setName}_${index}_`,
    jobTags: [
      ...context.userTags,
      ...jobSetMemberTags({
        ...event,
        totalExperiments: context.circuits.length,
      }),
    ],
  }
  const slice = { index, ...range, experimentNames: Object.freeze(chunk.map((c) => c.name)) }
  for (;;) {
    await waiter.untilSlotFree(ownJobs, () => {
      options.onEvent?.({ type: 'waiting-for-slot', ...event })
    })
    const outcome = await backend.run(chunk, runOptions).then(
      (job) => ({ job }),
      (error: unknown) => ({ error }),
    )
    if ('job' in outcome) {
      // Outside the submission's error handling: a throwing listener is not a refused slice.
      ownJobs.push(outcome.job)
      options.onEvent?.({ type: 'submitted', ...event, job: outcome.job })
      options.onJobSubmitted?.(outcome.job, index)
      return Object.freeze({ kind: 'submitted', ...slice, job: outcome.job })
    }
    const { error } = outcome
    // An abort is the caller's decision, never a failed slice; its reason goes out unchanged.
    if (options.signal?.aborted === true) throw options.signal.reason
    if (!isJobLimitError(error)) {
      const message = error instanceof Error ? error.message : String(error)
      options.onEvent?.({ type: 'submit-failed', ...event, message, error })
      return Object.freeze({
        kind: 'submit-failed',
        ...slice,
        job: undefined,
        error: message,
        cause: error,
      })
    }
    options.onEvent?.({ type: 'waiting-for-slot', ...event, error })
    await waiter.afterLimitError(ownJobs, retryAfterMsOf(error))
  }
}
