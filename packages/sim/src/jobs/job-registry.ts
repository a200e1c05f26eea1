/**
 * The jobs a local backend has created, so that `retrieveJob(id)` (and `restoreJob` on a job
 * handle) finds them again in this process, and `jobs()`/`activeJobs()` list them. Keeps the
 * most recent jobs only.
 */
import {
  isFinalJobStatus,
  JobError,
  type Job,
  type JobFilter,
  type JobStatus,
} from '@qfabric/core/providers'
import type { BaseJob } from '@qfabric/core/providers'

/** How many jobs a registry remembers by default. */
export const DEFAULT_JOB_HISTORY = 1000

/** A bounded, insertion-ordered set of jobs. */
export class JobRegistry {
  readonly #jobs = new Map<string, BaseJob>()
  readonly #capacity: number

  /** @param capacity - how many jobs to remember (oldest forgotten first) */
  constructor(capacity: number = DEFAULT_JOB_HISTORY) {
    this.#capacity = capacity
  }

  /**
   * Remembers a job.
   *
   * @param job - a new job
   */
  add(job: BaseJob): void {
    this.#jobs.set(job.id, job)
    if (this.#jobs.size > this.#capacity) {
      const oldest = this.#jobs.keys().next().value
      if (oldest !== undefined) this.#jobs.delete(oldest)
    }
  }

  /**
   * The job with that id.
   *
   * @param id - a job id
   * @returns the job
   * @throws JobError `job.error` when this backend has no such job (in this process)
   */
  get(id: string): Job {
    const job = this.#jobs.get(id)
    if (job === undefined) throw new JobError('job.error', `No job with id ${id} on this backend.`)
    return job
  }

  /**
   * The jobs that are not final, newest first.
   *
   * @param limit - at most this many
   * @returns the jobs
   */
  active(limit?: number): Job[] {
    const out = [...this.#jobs.values()].reverse().filter((j) => !isFinalJobStatus(j.currentStatus))
    return limit === undefined ? out : out.slice(0, limit)
  }

  /**
   * The jobs matching a filter.
   *
   * @param filter - statuses, name, tags, creation window, limit, order
   * @returns the matching jobs
   */
  list(filter: JobFilter = {}): Job[] {
    const statuses: readonly JobStatus[] | undefined =
      filter.status === undefined || Array.isArray(filter.status)
        ? (filter.status as readonly JobStatus[] | undefined)
        : [filter.status as JobStatus]
    let jobs = [...this.#jobs.values()].filter((job) => {
      const created = job.creationDate?.getTime() ?? 0
      return (
        (statuses === undefined || statuses.includes(job.currentStatus)) &&
        (filter.name === undefined || (job.name ?? '').includes(filter.name)) &&
        (filter.tags ?? []).every((t) => job.tags.includes(t)) &&
        (filter.createdAfter === undefined || created >= filter.createdAfter.getTime()) &&
        (filter.createdBefore === undefined || created <= filter.createdBefore.getTime())
      )
    })
    if (filter.descending !== false) jobs = jobs.reverse()
    return filter.limit === undefined ? jobs : jobs.slice(0, filter.limit)
  }
}
