import type { BackendQueue, JobQueueInfo } from '@qfabric/protocol'
import type { Clock } from '../store/clock.js'
import type { StoredJob } from '../store/job-store-types.js'
import type { JobStore } from '../store/job-store.js'
import { nextWindowStart } from './availability-windows.js'
import type { BackendCatalog } from './backend-catalog.js'

/** How estimates are made (the record's `estimate_basis`). */
export const ESTIMATE_BASIS = 'moving_average_last_50'

/** Run-duration samples per backend used for estimates. */
const SAMPLE_SIZE = 50
/** How long per-backend numbers are reused before the store is asked again. */
const CACHE_MS = 2000

interface BackendStats {
  readonly atMs: number
  readonly queued: number
  readonly running: number
  /** Mean run seconds of the last completed jobs, or null without history. */
  readonly meanRunSeconds: number | null
}

const seconds = (from: string | null, to: string | null): number | null =>
  from === null || to === null ? null : (Date.parse(to) - Date.parse(from)) / 1000

/**
 * Queue positions and estimates, computed on read (§8.13): positions from the store (global and
 * within the instance), durations from a moving average of the backend's last 50 completed jobs,
 * shifted to the next availability window when the backend is outside one. Backends run one job
 * at a time for this estimate when they are devices, two when simulators.
 */
export class QueueEstimator {
  readonly #store: JobStore
  readonly #catalog: BackendCatalog
  readonly #clock: Clock
  readonly #stats = new Map<string, Promise<BackendStats>>()

  /**
   * @param store - the job store
   * @param catalog - the backends (windows, kinds)
   * @param clock - the server's clock
   */
  constructor(store: JobStore, catalog: BackendCatalog, clock: Clock) {
    this.#store = store
    this.#catalog = catalog
    this.#clock = clock
  }

  /**
   * The `queue` object of a job's record: numbers for a queued job, explicit nulls and a message
   * otherwise.
   *
   * @param job - the stored job
   * @returns the queue info
   */
  async queueInfo(job: StoredJob): Promise<JobQueueInfo> {
    const now = this.#clock.now()
    const asOf = new Date(now).toISOString()
    const position = job.status === 'QUEUED' ? await this.#store.queuePosition(job.id) : undefined
    if (position === undefined) {
      return emptyQueue(
        asOf,
        job.status === 'QUEUED' ? 'position unknown' : `not queued (${job.status})`,
      )
    }
    const stats = await this.#backendStats(job.backend)
    const entry = this.#catalog.entries.find((e) => e.name === job.backend)
    const slots = entry?.kind === 'qpu' ? 1 : 2
    const windowStart = nextWindowStart(entry?.availabilityWindows ?? [], now) ?? now
    const mean = stats.meanRunSeconds
    const startMs =
      mean === null
        ? null
        : windowStart + (Math.ceil((position.position + 1) / slots) - 1) * mean * 1000
    return {
      position: position.position,
      position_in_instance: position.positionInInstance,
      ahead: { normal: position.aheadNormal, priority: position.aheadPriority },
      estimated_start_at: startMs === null ? null : new Date(startMs).toISOString(),
      estimated_end_at:
        startMs === null || mean === null ? null : new Date(startMs + mean * 1000).toISOString(),
      estimate_basis: mean === null ? null : ESTIMATE_BASIS,
      as_of: asOf,
      message: mean === null ? 'no completed jobs on this backend yet: no time estimate' : null,
    }
  }

  /**
   * A backend's queue: queued and running jobs and the expected wait of a new job.
   *
   * @param backend - the backend name
   * @returns the queue numbers
   */
  async backendQueue(backend: string): Promise<BackendQueue> {
    const stats = await this.#backendStats(backend)
    const entry = this.#catalog.entries.find((e) => e.name === backend)
    const slots = entry?.kind === 'qpu' ? 1 : 2
    const now = this.#clock.now()
    const windowWait =
      ((nextWindowStart(entry?.availabilityWindows ?? [], now) ?? now) - now) / 1000
    const mean = stats.meanRunSeconds
    return {
      length: stats.queued,
      running: stats.running,
      estimated_wait_seconds:
        mean === null ? null : windowWait + Math.ceil(stats.queued / slots) * mean,
    }
  }

  #backendStats(backend: string): Promise<BackendStats> {
    const now = this.#clock.now()
    const cached = this.#stats.get(backend)
    if (cached !== undefined) {
      return cached.then((s) => (now - s.atMs < CACHE_MS ? s : this.#refresh(backend, now)))
    }
    return this.#refresh(backend, now)
  }

  #refresh(backend: string, now: number): Promise<BackendStats> {
    const stats = this.#load(backend, now)
    this.#stats.set(backend, stats)
    stats.catch(() => this.#stats.delete(backend))
    return stats
  }

  async #load(backend: string, now: number): Promise<BackendStats> {
    const count = async (status: StoredJob['status'][]): Promise<number> => {
      const page = await this.#store.listJobs({
        filter: { backend: [backend], status, owner: 'any', limit: 1, include_total: true },
      })
      return page.total ?? page.items.length
    }
    const done = await this.#store.listJobs({
      filter: {
        backend: [backend],
        status: ['COMPLETED'],
        owner: 'any',
        sort: 'ended_at',
        order: 'desc',
        limit: SAMPLE_SIZE,
      },
    })
    const durations = done.items
      .map((j) => seconds(j.started_at, j.ended_at))
      .filter((d): d is number => d !== null && d >= 0)
    const meanRunSeconds =
      durations.length === 0 ? null : durations.reduce((a, b) => a + b, 0) / durations.length
    return {
      atMs: now,
      queued: await count(['QUEUED']),
      running: await count(['RUNNING', 'CANCELLING']),
      meanRunSeconds,
    }
  }
}

/**
 * The queue object of a job that is not queued: every number null, and why.
 *
 * @param asOf - when it was computed
 * @param message - why the numbers are null
 * @returns the queue info
 */
export function emptyQueue(asOf: string, message: string): JobQueueInfo {
  return {
    position: null,
    position_in_instance: null,
    ahead: { normal: null, priority: null },
    estimated_start_at: null,
    estimated_end_at: null,
    estimate_basis: null,
    as_of: asOf,
    message,
  }
}
