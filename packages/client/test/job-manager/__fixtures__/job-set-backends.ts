/**
 * Backends for the job-manager tests: a wrapper that imposes `maxCircuits`, a job limit and
 * submission failures on a real backend (circuits really run, on the sim package's engines), and
 * circuits whose outcome is known exactly.
 */
import { QuantumCircuit } from '@qfabric/core/circuit'
import {
  QfabricError,
  type AbortSignalLike,
  type Backend,
  type BackendJobLimit,
  type BackendWithJobLimit,
  type BackendWithJobListing,
  type Job,
  type JobFilter,
  type RunInput,
  type RunOptions,
} from '@qfabric/core/providers'
import { GenericBackend, type GenericBackendSimulator } from '@qfabric/core/testing'
import { createGenericBackendSimulator } from '@qfabric/sim'

/** The number of qubits of the test circuits: 16 distinct outcomes. */
export const TEST_QUBITS = 4

/**
 * Circuit `i` flips the qubits of the binary digits of `i` and measures all, so it always gives
 * the bitstring of `i` (little-endian: qubit 0 is the rightmost character). Named `c<i>`.
 *
 * @param count - how many circuits (at most 16)
 * @param options - `measure: false` leaves the measurements out (for statevectors)
 */
export function numberCircuits(
  count: number,
  options: { measure?: boolean } = {},
): QuantumCircuit[] {
  return Array.from({ length: count }, (_, i) => {
    const qc = new QuantumCircuit(TEST_QUBITS, TEST_QUBITS, { name: `c${i}` })
    for (let q = 0; q < TEST_QUBITS; q++) if ((i >> q) & 1) qc.x(q)
    const all = Array.from({ length: TEST_QUBITS }, (_, q) => q)
    if (options.measure !== false) qc.measure(all, all)
    return qc
  })
}

/** The one outcome of `numberCircuits(…)[i]`. */
export function bitstringOf(i: number): string {
  return i.toString(2).padStart(TEST_QUBITS, '0')
}

/** Holds jobs until opened (cancelling a held job still works). */
export class Gate {
  #isOpen = false
  readonly #waiters: (() => void)[] = []

  /** Lets every held job, and every later one, run. */
  open(): void {
    this.#isOpen = true
    for (const wake of this.#waiters.splice(0)) wake()
  }

  /** Resolves when open; rejects with the signal's reason when it aborts first. */
  wait(signal: AbortSignalLike): Promise<void> {
    if (this.#isOpen) return Promise.resolve()
    return new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => {
        reject(abortReason(signal))
      })
      this.#waiters.push(resolve)
    })
  }
}

function sleep(ms: number, signal: AbortSignalLike): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(abortReason(signal))
    })
  })
}

/**
 * A noiseless 4-qubit `GenericBackend` running on the sim package's engines; each job first
 * waits `delayMs` (so several jobs are unfinished at once) and for `gate`, if given.
 */
export function createTestDevice(options: { delayMs?: number; gate?: Gate } = {}): Backend {
  const engine = createGenericBackendSimulator({ isNoisy: false })
  const simulator: GenericBackendSimulator = async (request) => {
    if (options.delayMs !== undefined) await sleep(options.delayMs, request.signal)
    await options.gate?.wait(request.signal)
    return engine(request)
  }
  return new GenericBackend({ numQubits: TEST_QUBITS, seed: 7, simulator })
}

/** The refusal a server at its pending-job limit answers with (HTTP 429). */
export class TooManyJobsError extends QfabricError {
  readonly status = 429
  constructor() {
    super('pending_job_limit_exceeded', 'Too many pending jobs')
    this.name = 'TooManyJobsError'
  }
}

/** How a {@link WrappedBackend} deviates from the backend it wraps. */
export interface WrapperSettings {
  /** Circuits per job (default: the inner backend's). */
  readonly maxCircuits?: number | null
  /** Unfinished jobs allowed at once; a submission beyond it throws {@link TooManyJobsError}. */
  readonly jobLimit?: number
  /** An error for the `call`-th `run()` (0-based), which then throws it. */
  readonly failOnSubmit?: (call: number) => Error | undefined
}

/**
 * A backend that runs on another one but imposes its own `maxCircuits`, job limit and
 * submission failures, records every job, the largest number of unfinished jobs at any moment,
 * and lists its jobs by tag (`jobs()`), as a provider would.
 */
export class WrappedBackend implements BackendWithJobListing {
  /** The jobs accepted, in submission order. */
  readonly submitted: Job[] = []
  /** The most jobs unfinished at once (counted right after each submission). */
  maxUnfinished = 0
  /** How many times `run()` was called. */
  runCalls = 0
  /** How many submissions were refused for the job limit. */
  limitRefusals = 0
  readonly inner: Backend
  readonly settings: WrapperSettings

  constructor(inner: Backend, settings: WrapperSettings = {}) {
    this.inner = inner
    this.settings = settings
  }

  get name(): string {
    return this.inner.name
  }
  get description(): string | null {
    return this.inner.description
  }
  get backendVersion(): string | null {
    return this.inner.backendVersion
  }
  get onlineDate(): Date | null {
    return this.inner.onlineDate
  }
  get target(): Backend['target'] {
    return this.inner.target
  }
  get numQubits(): number | null {
    return this.inner.numQubits
  }
  get couplingMap(): Backend['couplingMap'] {
    return this.inner.couplingMap
  }
  get operationNames(): readonly string[] {
    return this.inner.operationNames
  }
  get dt(): number | null {
    return this.inner.dt
  }
  get instructionDurations(): Backend['instructionDurations'] {
    return this.inner.instructionDurations
  }
  get maxCircuits(): number | null {
    return this.settings.maxCircuits === undefined
      ? this.inner.maxCircuits
      : this.settings.maxCircuits
  }
  get options(): Backend['options'] {
    return this.inner.options
  }
  qubitProperties(qubit: number): ReturnType<Backend['qubitProperties']> {
    return this.inner.qubitProperties(qubit)
  }

  /** How many accepted jobs are not final yet. */
  async unfinishedCount(): Promise<number> {
    const isFinal = await Promise.all(this.submitted.map((job) => job.inFinalState()))
    return isFinal.filter((f) => !f).length
  }

  async run(circuits: RunInput, options?: RunOptions): Promise<Job> {
    const call = this.runCalls++
    const failure = this.settings.failOnSubmit?.(call)
    if (failure !== undefined) throw failure
    const list = Array.isArray(circuits) ? circuits : [circuits]
    const max = this.maxCircuits
    if (max !== null && list.length > max) throw new RangeError(`more than ${max} circuits`)
    const unfinished = await this.unfinishedCount()
    const { jobLimit } = this.settings
    if (jobLimit !== undefined && unfinished >= jobLimit) {
      this.limitRefusals++
      throw new TooManyJobsError()
    }
    const job = await this.inner.run(circuits, options)
    this.submitted.push(job)
    this.maxUnfinished = Math.max(this.maxUnfinished, unfinished + 1)
    return job
  }

  /** The accepted jobs carrying every tag of the filter, newest first. */
  // eslint-disable-next-line @typescript-eslint/require-await
  async *jobs(filter: JobFilter = {}): AsyncIterable<Job> {
    const tags = filter.tags ?? []
    for (const job of [...this.submitted].reverse()) {
      if (tags.every((t) => job.tags.includes(t))) yield job
    }
  }
}

/** A {@link WrappedBackend} that also reports its job limit (`remainingJobsCount()`). */
export class JobLimitedBackend extends WrappedBackend implements BackendWithJobLimit {
  /** How many times `remainingJobsCount()` answered 0. */
  fullAnswers = 0

  async jobLimit(): Promise<BackendJobLimit> {
    return { maximumJobs: this.settings.jobLimit ?? null, activeJobs: await this.unfinishedCount() }
  }

  async remainingJobsCount(): Promise<number | null> {
    const { maximumJobs, activeJobs } = await this.jobLimit()
    if (maximumJobs === null) return null
    const remaining = Math.max(0, maximumJobs - activeJobs)
    if (remaining === 0) this.fullAnswers++
    return remaining
  }
}

/** The signal's reason, unchanged (aborts are never wrapped); typed `Error` for `reject`. */
function abortReason(signal: AbortSignalLike): Error {
  return signal.reason as Error
}
