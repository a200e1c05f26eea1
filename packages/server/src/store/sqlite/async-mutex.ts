import { resolve } from 'node:path'

/**
 * A first-come, first-served async lock. `acquire` resolves with a release function.
 */
export class AsyncMutex {
  #tail: Promise<void> = Promise.resolve()
  /** Holders and waiters. */
  #users = 0

  /** Whether someone holds the lock or waits for it. */
  get busy(): boolean {
    return this.#users > 0
  }

  /**
   * Waits for the lock.
   *
   * @returns a function that releases it (call it exactly once)
   */
  acquire(): Promise<() => void> {
    this.#users++
    let release!: () => void
    const next = new Promise<void>((r) => {
      release = () => {
        this.#users--
        r()
      }
    })
    const previous = this.#tail
    this.#tail = previous.then(() => next)
    return previous.then(() => release)
  }
}

const fileMutexes = new Map<string, { mutex: AsyncMutex; users: number }>()

/**
 * The lock shared by every connection of this process to one database file.
 *
 * `node:sqlite` is synchronous: a connection waiting on SQLite's busy timeout blocks the whole
 * thread, so if another connection *of the same thread* holds the write lock across an `await`
 * (an open transaction), neither can proceed until the timeout fails. Connections of one process
 * therefore take turns through this lock; connections of other processes are still handled by
 * `BEGIN IMMEDIATE` and `busy_timeout`, which do not block us.
 *
 * @param filename - the database file (`:memory:` gets a private lock)
 * @returns the lock and a function to give it back when the connection closes
 */
export function shareFileMutex(filename: string): { mutex: AsyncMutex; unshare: () => void } {
  if (filename === ':memory:' || filename === '') {
    return { mutex: new AsyncMutex(), unshare: () => undefined }
  }
  const key = resolve(filename)
  let entry = fileMutexes.get(key)
  if (entry === undefined) {
    entry = { mutex: new AsyncMutex(), users: 0 }
    fileMutexes.set(key, entry)
  }
  entry.users += 1
  const shared = entry
  let done = false
  return {
    mutex: shared.mutex,
    unshare: () => {
      if (done) return
      done = true
      shared.users -= 1
      if (shared.users === 0 && fileMutexes.get(key) === shared) fileMutexes.delete(key)
    },
  }
}
