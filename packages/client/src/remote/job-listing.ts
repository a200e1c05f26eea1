import { PROTOCOL_LIMITS, PATHS, type JobListPage, type JobSummary } from '@qfabric/protocol'
import type { QueryParams, ServiceTransport } from '../http/service-transport.js'
import { jobListQueryOf, serviceStatusesOf, type RemoteJobFilter } from './remote-job-filter.js'
import type { RemoteJob } from './remote-job.js'

/** One page of a {@link JobListing}. */
export interface JobListingPage {
  /** The jobs of this page, in listing order. */
  readonly jobs: readonly RemoteJob[]
  /** Pass to `page()` for the next page; `null` on the last one. */
  readonly nextCursor: string | null
  /** Whether more pages follow. */
  readonly hasMore: boolean
}

/** What a {@link JobListing} needs. */
export interface JobListingInit {
  readonly transport: ServiceTransport
  readonly filter: RemoteJobFilter
  /** Makes a job object from a listed summary. */
  readonly toJob: (summary: JobSummary) => RemoteJob
}

/**
 * The jobs matching a filter, over the service's cursor pagination (`service-api.md` §8.6):
 * an async iterable that fetches pages lazily (stable while new jobs arrive, no duplicates or
 * gaps), plus `page(cursor?)` for one page at a time (e.g. a table with a "next" button).
 *
 * @example
 * ```ts
 * for await (const job of provider.jobs({ status: 'DONE', tags: ['exp-42'] })) console.log(job.id)
 * const first = await provider.jobs({ pageSize: 10 }).page()
 * const second = await provider.jobs({ pageSize: 10 }).page(first.nextCursor!)
 * ```
 */
export class JobListing implements AsyncIterable<RemoteJob> {
  readonly #init: JobListingInit

  /** @param init - transport, filter and job factory */
  constructor(init: JobListingInit) {
    this.#init = init
  }

  /**
   * One page.
   *
   * @param cursor - the `nextCursor` of the previous page (none: the first page)
   * @returns the page's jobs and the cursor of the next one
   * @throws ServiceRequestError `cursor_mismatch` when the cursor came from another filter
   */
  async page(cursor?: string): Promise<JobListingPage> {
    const { filter, transport, toJob } = this.#init
    const statuses = serviceStatusesOf(filter.status)
    if (statuses?.length === 0) return { jobs: [], nextCursor: null, hasMore: false }
    const query: QueryParams = {
      ...jobListQueryOf(filter, statuses),
      limit: this.#pageSize(),
      cursor,
    }
    const page = await transport.get<JobListPage>(PATHS.jobs, { query, signal: filter.signal })
    return {
      jobs: page.items.map(toJob),
      nextCursor: page.next_cursor,
      hasMore: page.has_more && page.next_cursor !== null,
    }
  }

  /**
   * Every matching job (up to the filter's `limit`), fetching pages as the loop advances.
   *
   * @returns an iterator over the jobs
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<RemoteJob, void> {
    const limit = this.#init.filter.limit ?? Infinity
    let count = 0
    let cursor: string | undefined
    while (count < limit) {
      const page = await this.page(cursor)
      for (const job of page.jobs) {
        if (count >= limit) return
        count++
        yield job
      }
      if (!page.hasMore || page.nextCursor === null) return
      cursor = page.nextCursor
    }
  }

  /**
   * Collects the matching jobs (mind the filter's `limit`: without one, every page is fetched).
   *
   * @returns the jobs
   */
  async toArray(): Promise<RemoteJob[]> {
    const out: RemoteJob[] = []
    for await (const job of this) out.push(job)
    return out
  }

  #pageSize(): number {
    const { limit, pageSize } = this.#init.filter
    const size =
      pageSize ??
      Math.min(limit ?? PROTOCOL_LIMITS.defaultPageLimit, PROTOCOL_LIMITS.defaultPageLimit)
    return Math.max(1, Math.min(size, PROTOCOL_LIMITS.maxPageLimit))
  }
}
