import type { JobChange } from './job-store.js'
import { WorkNotifier } from './work-notifier.js'

/**
 * One end of a channel between two threads' stores of one database (a `MessagePort` of a
 * `MessageChannel`, whose other end the other thread links).
 */
export interface ChangePort {
  postMessage(message: ChangeMessage): void
  on(event: 'message', listener: (message: unknown) => void): unknown
  off(event: 'message', listener: (message: unknown) => void): unknown
}

/** What a linked hub forwards: one delivery of committed changes. */
export type ChangeMessage =
  | {
      readonly kind: 'qfabric-jobs'
      readonly jobs: readonly JobChange[]
      readonly hasWork: boolean
    }
  | { readonly kind: 'qfabric-accounts' }

function isChangeMessage(message: unknown): message is ChangeMessage {
  const kind = (message as { kind?: unknown } | null)?.kind
  return kind === 'qfabric-jobs' || kind === 'qfabric-accounts'
}

/** Watches a {@link ChangeHub} on behalf of a source of outside changes. */
export interface ChangeObserver {
  /** A worker started waiting or a job watcher subscribed. */
  listening(): void
  /** Changes were delivered on the hub: committed by its own store, or by a linked thread's. */
  delivered(changes: { readonly jobs: readonly JobChange[]; readonly hasWork: boolean }): void
}

/**
 * Where committed changes are announced inside one process: workers waiting for work, and
 * watchers of job events (SSE streams, long-polls). SQLite stores deliver here after each
 * commit, and what their poll of the file finds other processes committed (`deliverHere`);
 * PostgreSQL stores deliver what their `LISTEN` connection hears, so changes made by other
 * processes arrive too.
 */
export class ChangeHub {
  /** Wakes workers blocked in `waitForWork`. */
  readonly work = new WorkNotifier({
    onWait: () => {
      this.#listening()
    },
  })
  readonly #watchers = new Set<(change: JobChange) => void>()
  readonly #accountWatchers = new Set<() => void>()
  readonly #links = new Set<ChangePort>()
  readonly #observers = new Set<ChangeObserver>()

  /**
   * Announces committed changes, here and to the linked hubs of other threads.
   *
   * @param changes - jobs with new events, and whether new work arrived
   */
  deliver(changes: { readonly jobs: readonly JobChange[]; readonly hasWork: boolean }): void {
    if (this.#links.size > 0) {
      const message: ChangeMessage = {
        kind: 'qfabric-jobs',
        jobs: changes.jobs,
        hasWork: changes.hasWork,
      }
      for (const port of this.#links) port.postMessage(message)
    }
    this.#delivered(changes)
    this.#deliverHere(changes)
  }

  /**
   * Announces changes that this hub's own store learned of from outside (another process's
   * commits): to this hub's workers and watchers only — never forwarded to linked hubs, whose
   * stores hear the other process themselves — and not reported to observers.
   *
   * @param changes - jobs with new events, and whether new work arrived
   */
  deliverHere(changes: { readonly jobs: readonly JobChange[]; readonly hasWork: boolean }): void {
    this.#deliverHere(changes)
  }

  #deliverHere(changes: { readonly jobs: readonly JobChange[]; readonly hasWork: boolean }): void {
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
    for (const port of this.#links) port.postMessage({ kind: 'qfabric-accounts' })
    this.#deliverAccountsHere()
  }

  #deliverAccountsHere(): void {
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
    this.#listening()
    return () => {
      this.#watchers.delete(own)
    }
  }

  /** How many job watchers are subscribed (see {@link ChangeHub.watch}). */
  get watching(): number {
    return this.#watchers.size
  }

  /**
   * Lets a source of outside changes (the SQLite store's poll of other processes' commits) run
   * only while someone listens, and skip what this hub already announced.
   *
   * @param observer - told when someone starts listening and of each delivery
   * @returns stop observing
   */
  observe(observer: ChangeObserver): () => void {
    this.#observers.add(observer)
    return () => {
      this.#observers.delete(observer)
    }
  }

  #listening(): void {
    for (const observer of this.#observers) observer.listening()
  }

  #delivered(changes: { readonly jobs: readonly JobChange[]; readonly hasWork: boolean }): void {
    for (const observer of this.#observers) observer.delivered(changes)
  }

  /**
   * Links this hub with the hub of another thread's store of the same SQLite file (which links
   * the other end of the channel): each side's committed changes are delivered on both, as if
   * both stores were one — workers there wake for jobs submitted here, streams here wake for
   * jobs finished there, running jobs there hear of cancel requests made here. What arrives
   * from the port is delivered here only, never sent back.
   *
   * @param port - this side of the channel
   * @returns unlink (the port stays open; the caller closes it)
   */
  link(port: ChangePort): () => void {
    const receive = (message: unknown): void => {
      if (!isChangeMessage(message)) return
      if (message.kind === 'qfabric-accounts') {
        this.#deliverAccountsHere()
      } else {
        this.#delivered(message)
        this.#deliverHere(message)
      }
    }
    this.#links.add(port)
    port.on('message', receive)
    return () => {
      this.#links.delete(port)
      port.off('message', receive)
    }
  }
}
