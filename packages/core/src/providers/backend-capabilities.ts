import type { BackendConfiguration } from '../target/backend-configuration.js'
import type { BackendProperties } from '../target/backend-properties.js'
import type { BackendStatus } from '../target/backend-status.js'
import type { Backend } from './backend.js'
import type { AbortableOptions, Job } from './job.js'
import type { JobStatus } from './job-status.js'

/** A backend that reports its availability and queue (`leastBusy` needs it). */
export interface BackendWithStatus extends Backend {
  /** One status snapshot (one query for a remote backend). */
  status(options?: AbortableOptions): Promise<BackendStatus>
}

/** A backend with calibration data. */
export interface BackendWithProperties extends Backend {
  /** The latest calibration, or `null` when there is none. */
  properties(
    options?: AbortableOptions & { readonly refresh?: boolean },
  ): Promise<BackendProperties | null>
}

/** A backend with a Qiskit-style configuration document (configuration filters need it). */
export interface BackendWithConfiguration extends Backend {
  /** The backend's configuration. */
  configuration(options?: AbortableOptions): Promise<BackendConfiguration>
}

/** Which jobs to list. */
export interface JobFilter extends AbortableOptions {
  /** Only jobs in these statuses. */
  readonly status?: JobStatus | readonly JobStatus[] | undefined
  /** Only jobs whose name contains this. */
  readonly name?: string | undefined
  /** Only jobs carrying every one of these tags. */
  readonly tags?: readonly string[] | undefined
  /** Only jobs created at or after this instant. */
  readonly createdAfter?: Date | undefined
  /** Only jobs created at or before this instant. */
  readonly createdBefore?: Date | undefined
  /** At most this many jobs (counted after filtering). */
  readonly limit?: number | undefined
  /** Newest first (default true). */
  readonly descending?: boolean | undefined
}

/** A backend that lists its jobs. */
export interface BackendWithJobListing extends Backend {
  /** The backend's jobs, page by page, newest first unless `descending: false`. */
  jobs(filter?: JobFilter): AsyncIterable<Job>
}

/** A backend that can find a job by id (and so restore a job handle). */
export interface BackendWithJobRetrieval extends Backend {
  /**
   * The job with that id; never downloads its result.
   *
   * @throws JobError `job.error` when the backend has no such job
   */
  retrieveJob(id: string, options?: AbortableOptions): Promise<Job>
}

/** How many jobs the caller may have running at once. */
export interface BackendJobLimit {
  /** The maximum, or `null` for no limit. */
  readonly maximumJobs: number | null
  /** How many are active now. */
  readonly activeJobs: number
}

/** A backend that enforces a limit on concurrent jobs. */
export interface BackendWithJobLimit extends Backend {
  /** The limit and the current count. */
  jobLimit(options?: AbortableOptions): Promise<BackendJobLimit>
  /** How many more jobs may be submitted now, or `null` for no limit. */
  remainingJobsCount(options?: AbortableOptions): Promise<number | null>
}

/** A backend that lists its unfinished jobs. */
export interface BackendWithActiveJobs extends Backend {
  /** Jobs not yet in a final status. */
  activeJobs(options?: AbortableOptions & { readonly limit?: number }): Promise<readonly Job[]>
}

function hasMethod(value: unknown, name: string): boolean {
  return typeof (value as Record<string, unknown> | null)?.[name] === 'function'
}

/**
 * Whether a backend reports its status.
 *
 * @param backend - any backend
 * @returns true when it has a `status()` method
 */
export function supportsStatus(backend: Backend): backend is BackendWithStatus {
  return hasMethod(backend, 'status')
}

/**
 * Whether a backend has calibration data.
 *
 * @param backend - any backend
 * @returns true when it has a `properties()` method
 */
export function supportsProperties(backend: Backend): backend is BackendWithProperties {
  return hasMethod(backend, 'properties')
}

/**
 * Whether a backend has a configuration document.
 *
 * @param backend - any backend
 * @returns true when it has a `configuration()` method
 */
export function supportsConfiguration(backend: Backend): backend is BackendWithConfiguration {
  return hasMethod(backend, 'configuration')
}

/**
 * Whether a backend lists its jobs.
 *
 * @param backend - any backend
 * @returns true when it has a `jobs()` method
 */
export function supportsJobListing(backend: Backend): backend is BackendWithJobListing {
  return hasMethod(backend, 'jobs')
}

/**
 * Whether a backend retrieves jobs by id.
 *
 * @param backend - any backend
 * @returns true when it has a `retrieveJob()` method
 */
export function supportsJobRetrieval(backend: Backend): backend is BackendWithJobRetrieval {
  return hasMethod(backend, 'retrieveJob')
}

/**
 * Whether a backend enforces a job limit.
 *
 * @param backend - any backend
 * @returns true when it has `jobLimit()` and `remainingJobsCount()`
 */
export function supportsJobLimit(backend: Backend): backend is BackendWithJobLimit {
  return hasMethod(backend, 'jobLimit') && hasMethod(backend, 'remainingJobsCount')
}

/**
 * Whether a backend lists its unfinished jobs.
 *
 * @param backend - any backend
 * @returns true when it has an `activeJobs()` method
 */
export function supportsActiveJobs(backend: Backend): backend is BackendWithActiveJobs {
  return hasMethod(backend, 'activeJobs')
}
