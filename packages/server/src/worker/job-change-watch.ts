import type { JobCatalog, JobChange } from '../store/job-store.js'

/**
 * One `store.watchJobs` subscription shared by every job an executor runs, dispatching each
 * change to the listeners of that job. Running jobs learn of cancel requests from it at once
 * (in this process, and from other API nodes through PostgreSQL `NOTIFY`) instead of waiting
 * for the next heartbeat.
 */
export class JobChangeWatch {
  readonly #listeners = new Map<string, Set<(change: JobChange) => void>>()
  readonly #unwatch: () => void

  /** @param store - where changes come from */
  constructor(store: Pick<JobCatalog, 'watchJobs'>) {
    this.#unwatch = store.watchJobs((change) => {
      for (const listener of this.#listeners.get(change.jobId) ?? []) listener(change)
    })
  }

  /**
   * Calls `listener` after every committed change of one job.
   *
   * @param jobId - the job
   * @param listener - called with the change (re-read the job unless its `status` says enough)
   * @returns unsubscribe
   */
  watch(jobId: string, listener: (change: JobChange) => void): () => void {
    let set = this.#listeners.get(jobId)
    if (set === undefined) {
      set = new Set()
      this.#listeners.set(jobId, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.#listeners.delete(jobId)
    }
  }

  /** Ends the store subscription. */
  close(): void {
    this.#unwatch()
    this.#listeners.clear()
  }
}
