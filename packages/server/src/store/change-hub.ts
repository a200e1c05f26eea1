import type { JobChange } from './job-store.js'
import { WorkNotifier } from './work-notifier.js'

/**
 * Where committed changes are announced inside one process: workers waiting for work, and
 * watchers of job events (SSE streams, long-polls). SQLite stores deliver here after each
 * commit; PostgreSQL stores deliver what their `LISTEN` connection hears, so changes made by
 * other processes arrive too.
 */
export class ChangeHub {
  /** Wakes workers blocked in `waitForWork`. */
  readonly work = new WorkNotifier()
  readonly #watchers = new Set<(change: JobChange) => void>()
  readonly #accountWatchers = new Set<() => void>()

  /**
   * Announces committed changes.
   *
   * @param changes - jobs with new events, and whether new work arrived
   */
  deliver(changes: { readonly jobs: readonly JobChange[]; readonly hasWork: boolean }): void {
    if (changes.hasWork) this.work.notify()
    for (const change of changes.jobs) {
      for (const watcher of this.#watchers) {
        // Each watcher runs on its own: one that throws cannot starve the others or fail the
        // operation that committed (its error surfaces as an uncaught exception).
        queueMicrotask(() => {
          watcher(change)
        })
      }
    }
  }

  /** Announces that users, tokens or memberships changed (committed). */
  deliverAccounts(): void {
    // Synchronously: a cache emptied here is empty for the very next request.
    for (const watcher of this.#accountWatchers) watcher()
  }

  /**
   * Subscribes to account changes.
   *
   * @param watcher - called after each committed change of users, tokens or memberships
   * @returns unsubscribe
   */
  watchAccounts(watcher: () => void): () => void {
    const own = (): void => {
      watcher()
    }
    this.#accountWatchers.add(own)
    return () => {
      this.#accountWatchers.delete(own)
    }
  }

  /**
   * Subscribes to job changes.
   *
   * @param watcher - called once per change, after commit
   * @returns unsubscribe
   */
  watch(watcher: (change: JobChange) => void): () => void {
    const own = (change: JobChange): void => {
      watcher(change)
    }
    this.#watchers.add(own)
    return () => {
      this.#watchers.delete(own)
    }
  }
}
