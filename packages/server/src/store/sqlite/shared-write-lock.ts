import { threadId } from 'node:worker_threads'

/** The lock's one cell: 0 when free, else the holder's `threadId + 1`. */
const FREE = 0

/**
 * A write lock shared by the threads of one process that open the same SQLite file — the
 * server's main thread and its worker thread — held from `BEGIN IMMEDIATE` to `COMMIT`.
 *
 * `node:sqlite` is synchronous: a connection that finds the file's write lock taken by another
 * thread's open transaction waits in SQLite's busy handler, which *sleeps the whole thread*
 * (1, 2, 5, 10… ms at a time) — on the main thread, every HTTP request waits behind that sleep.
 * Threads therefore take turns here first, and a waiting thread waits with `Atomics.waitAsync`,
 * which keeps its event loop running. Other processes on the file still meet `BEGIN IMMEDIATE`
 * and `busy_timeout`.
 *
 * The state lives in a `SharedArrayBuffer`, handed to the other thread in its `workerData`.
 *
 * @example
 * ```ts
 * const lock = new SharedWriteLock()            // main thread
 * new Worker(url, { workerData: { lock: lock.buffer } })
 * const same = new SharedWriteLock(workerData.lock) // worker thread
 * const release = await same.acquire(5000)
 * try { … } finally { release() }
 * ```
 */
export class SharedWriteLock {
  /** The shared state; pass it to another thread to share the lock. */
  readonly buffer: SharedArrayBuffer
  readonly #cell: Int32Array
  readonly #me = threadId + 1

  /** @param buffer - another thread's lock state (default: a new, free lock) */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.buffer = buffer
    this.#cell = new Int32Array(buffer, 0, 1)
  }

  /**
   * Waits for the lock, without blocking this thread's event loop.
   *
   * @param timeoutMs - how long to wait at most
   * @returns a function that releases the lock (once; later calls do nothing), or `undefined`
   *   when the lock stayed taken for `timeoutMs` — the caller goes on without it and SQLite's
   *   busy timeout decides
   */
  async acquire(timeoutMs: number): Promise<(() => void) | undefined> {
    const deadline = performance.now() + timeoutMs
    for (;;) {
      const holder = Atomics.compareExchange(this.#cell, 0, FREE, this.#me)
      if (holder === FREE) return this.#releaser()
      const left = deadline - performance.now()
      if (left <= 0) return undefined
      const wait = Atomics.waitAsync(this.#cell, 0, holder, left)
      if (wait.async) await wait.value
    }
  }

  /**
   * Frees the lock if a thread that is gone left it taken (a worker thread terminated inside a
   * transaction: SQLite rolled it back when the connection died).
   *
   * @param deadThreadId - the `threadId` of the thread that exited
   */
  releaseIfHeldBy(deadThreadId: number): void {
    if (Atomics.compareExchange(this.#cell, 0, deadThreadId + 1, FREE) === deadThreadId + 1) {
      Atomics.notify(this.#cell, 0)
    }
  }

  #releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      Atomics.store(this.#cell, 0, FREE)
      Atomics.notify(this.#cell, 0)
    }
  }
}
