import { Worker } from 'node:worker_threads'

/**
 * The checkpointer thread: its own connection to the file, a `PASSIVE` checkpoint every
 * `intervalMs`, a last one when asked to stop. A passive checkpoint never waits for locks and
 * never blocks the writer, which keeps appending to the WAL meanwhile. CommonJS, because
 * `eval` workers are scripts.
 */
const CHECKPOINTER_SOURCE = `
'use strict'
const { parentPort, workerData } = require('node:worker_threads')
// The main thread has already seen the experimental-feature warning of node:sqlite.
process.removeAllListeners('warning')
const { DatabaseSync } = require('node:sqlite')
const db = new DatabaseSync(workerData.filename)
db.exec('PRAGMA synchronous = NORMAL')
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')
const run = () => {
  try {
    checkpoint.all()
  } catch {
    // Busy or closing: the next round catches up.
  }
}
const timer = setInterval(run, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  run()
  db.close()
  parentPort.close()
})
parentPort.postMessage('ready')
`

/**
 * Checkpoints a WAL-mode SQLite file from a worker thread, so that the connection on the event
 * loop can run with `wal_autocheckpoint = 0`.
 *
 * With SQLite's automatic checkpoints the commit that pushes the WAL past 1000 pages copies them
 * into the database file and syncs it, on the committing thread: with `node:sqlite` that is the
 * event loop, blocked for several milliseconds (up to ~30 ms measured) every few dozen jobs —
 * the tail of every request latency. Here the copying and syncing happen on another thread,
 * with another connection; the event loop only appends to the WAL. Durability is unchanged
 * (commits write the WAL exactly as before); only where checkpoints run moves.
 *
 * @example
 * ```ts
 * db.exec('PRAGMA wal_autocheckpoint = 0')
 * const checkpointer = await WalCheckpointer.start(filename, { intervalMs: 100, onFailure: () => db.exec('PRAGMA wal_autocheckpoint = 1000') })
 * await checkpointer.stop()
 * ```
 */
export class WalCheckpointer {
  readonly #worker: Worker
  readonly #exited: Promise<void>
  #stopping = false

  private constructor(worker: Worker, exited: Promise<void>) {
    this.#worker = worker
    this.#exited = exited
  }

  /**
   * Starts the thread and waits until its connection is open.
   *
   * @param filename - the database file (in WAL mode)
   * @param options - how often to checkpoint; what to do if the thread dies (not on `stop`)
   * @returns the running checkpointer
   * @throws the thread's error when it could not start or open the file
   */
  static async start(
    filename: string,
    options: { readonly intervalMs: number; readonly onFailure: () => void },
  ): Promise<WalCheckpointer> {
    const worker = new Worker(CHECKPOINTER_SOURCE, {
      eval: true,
      workerData: { filename, intervalMs: options.intervalMs },
    })
    const exited = new Promise<void>((resolve) => {
      worker.once('exit', () => {
        resolve()
      })
    })
    try {
      await new Promise<void>((resolve, reject) => {
        worker.once('message', () => {
          resolve()
        })
        worker.once('error', reject)
        void exited.then(() => {
          reject(new Error('the WAL checkpointer thread exited before it started'))
        })
      })
    } catch (error) {
      await worker.terminate()
      throw error
    }
    // Once running, the thread must not keep the process alive on its own.
    worker.unref()
    // Errors end the thread; its exit is what counts.
    worker.on('error', () => undefined)
    const checkpointer = new WalCheckpointer(worker, exited)
    void exited.then(() => {
      if (!checkpointer.#stopping) options.onFailure()
    })
    return checkpointer
  }

  /**
   * Runs a last checkpoint and ends the thread (its connection closed).
   *
   * @returns when the thread has exited
   */
  async stop(): Promise<void> {
    if (!this.#stopping) {
      this.#stopping = true
      // Keep the process alive until the last checkpoint is done and the connection closed.
      this.#worker.ref()
      this.#worker.postMessage('stop')
    }
    await this.#exited
  }
}
