import type { JobStore } from '../store/job-store.js'
import type { JobEventHub } from './job-event-hub.js'

/** A listener of a backend's queue. */
export type BackendQueueListener = (backend: string) => void

/**
 * Tells the event streams of queued jobs when their backend's queue may have moved. Queue
 * positions change when *other* jobs leave the queue (claimed, cancelled) or jump it (higher
 * priority), and the hub's notices name only the job that changed: this watch reads the changed
 * jobs once — in one batch per turn of the event loop, whatever the number of streams — and wakes
 * the listeners of their backends. Like the hub it carries no data, only "look again": a wake-up
 * for a change that moved nothing costs a stream one queue query and sends nothing.
 *
 * One watch serves every stream of a server ({@link backendQueueWatchOf}); it listens to the hub
 * only while someone listens to it.
 */
export class BackendQueueWatch {
  readonly #store: Pick<JobStore, 'getJobs'>
  readonly #hub: JobEventHub
  readonly #byBackend = new Map<string, Set<BackendQueueListener>>()
  readonly #pending = new Set<string>()
  #stopHub: (() => void) | undefined
  #isFlushScheduled = false

  /**
   * @param store - where the changed jobs' backends are read
   * @param hub - the server's change notices
   */
  constructor(store: Pick<JobStore, 'getJobs'>, hub: JobEventHub) {
    this.#store = store
    this.#hub = hub
  }

  /**
   * Listens to one backend's queue.
   *
   * @param backend - the backend name
   * @param listener - called with the backend name after a job of it changed
   * @returns a function that stops listening
   */
  subscribe(backend: string, listener: BackendQueueListener): () => void {
    let set = this.#byBackend.get(backend)
    if (set === undefined) {
      set = new Set()
      this.#byBackend.set(backend, set)
    }
    set.add(listener)
    this.#stopHub ??= this.#hub.subscribe('*', (jobId) => {
      this.#changed(jobId)
    })
    return () => {
      set.delete(listener)
      if (set.size === 0 && this.#byBackend.get(backend) === set) this.#byBackend.delete(backend)
      if (this.#byBackend.size === 0) {
        this.#stopHub?.()
        this.#stopHub = undefined
      }
    }
  }

  /** How many listeners are registered (for tests and metrics). */
  get listenerCount(): number {
    let n = 0
    for (const set of this.#byBackend.values()) n += set.size
    return n
  }

  #changed(jobId: string): void {
    this.#pending.add(jobId)
    if (this.#isFlushScheduled) return
    this.#isFlushScheduled = true
    // Notices come in bursts (a claim, a finish and a result are separate commits): one read
    // for the burst, not one per notice and stream.
    setImmediate(() => {
      this.#isFlushScheduled = false
      void this.#flush()
    })
  }

  async #flush(): Promise<void> {
    const ids = [...this.#pending]
    this.#pending.clear()
    if (ids.length === 0 || this.#byBackend.size === 0) return
    let backends: Set<string>
    try {
      backends = new Set((await this.#store.getJobs(ids)).map((job) => job.backend))
    } catch {
      // The store is unavailable: the streams' periodic re-read catches up.
      return
    }
    for (const backend of backends) {
      for (const listener of [...(this.#byBackend.get(backend) ?? [])]) {
        try {
          listener(backend)
        } catch {
          // A listener's failure is its own stream's business.
        }
      }
    }
  }
}

// One watch per server, created on first use: the streams reach the server through its hub.
const watches = new WeakMap<JobEventHub, BackendQueueWatch>()

/**
 * The queue watch of a server (one per hub, created on first use).
 *
 * @param context - the server's store and hub
 * @returns the shared watch
 */
export function backendQueueWatchOf(context: {
  readonly store: Pick<JobStore, 'getJobs'>
  readonly hub: JobEventHub
}): BackendQueueWatch {
  let watch = watches.get(context.hub)
  if (watch === undefined) {
    watch = new BackendQueueWatch(context.store, context.hub)
    watches.set(context.hub, watch)
  }
  return watch
}

/**
 * One stream's subscription to a backend's queue, for as long as its job waits: a change that
 * arrives while the stream is busy (computing or writing) is remembered, so the next wait ends
 * at once instead of missing it until the next periodic re-read.
 */
export class QueueWakeup implements Disposable {
  readonly #stop: () => void
  #controller = new AbortController()

  /**
   * @param watch - the server's queue watch
   * @param backend - the backend whose queue to follow
   */
  constructor(watch: BackendQueueWatch, backend: string) {
    this.#stop = watch.subscribe(backend, () => {
      this.#controller.abort()
    })
  }

  /**
   * Starts a round (call it *before* computing the queue): forgets earlier changes.
   *
   * @returns a signal that aborts at the next change of the queue — already aborted, when
   *   waited on, if the queue changed during the round
   */
  arm(): AbortSignal {
    if (this.#controller.signal.aborted) this.#controller = new AbortController()
    return this.#controller.signal
  }

  /** Stops listening. */
  [Symbol.dispose](): void {
    this.#stop()
  }
}
