/**
 * Runs the JS peer simulators on a circuit in a worker thread with a hard time limit.
 */
import { Worker } from 'node:worker_threads'
import type { PeerJob, PeerTiming } from './sim-peer-worker.js'

/** The peers the benchmark knows. */
export const PEERS = ['quantum-circuit', 'qsharp'] as const
/** A peer simulator. */
export type Peer = (typeof PEERS)[number]

/** A peer's outcome on one circuit. */
export type PeerOutcome =
  | ({ readonly kind: 'done' } & PeerTiming)
  | { readonly kind: 'timeout'; readonly limitSeconds: number }
  | { readonly kind: 'failed'; readonly message: string }

/**
 * Runs `peer` on an OpenQASM 2 program.
 *
 * @param job - the peer and the program
 * @param limitSeconds - terminate the peer after this long
 * @returns its timings, or why there are none
 */
export async function runPeer(job: PeerJob, limitSeconds: number): Promise<PeerOutcome> {
  // quantum-circuit's bundled parser prints circular-import warnings: keep the table readable.
  const worker = new Worker(new URL('./sim-peer-worker.js', import.meta.url), {
    workerData: job,
    execArgv: ['--no-warnings'],
  })
  return new Promise<PeerOutcome>((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate()
      resolve({ kind: 'timeout', limitSeconds })
    }, limitSeconds * 1000)
    worker.once('message', (timing: PeerTiming) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve({ kind: 'done', ...timing })
    })
    worker.once('error', (error: Error) => {
      clearTimeout(timer)
      resolve({ kind: 'failed', message: error.message })
    })
  })
}
