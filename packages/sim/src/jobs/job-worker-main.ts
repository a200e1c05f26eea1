/**
 * The entry point of a job worker thread: runs each request it is sent with `runExecution`,
 * posting progress (at most every 50 ms), warnings and the outcomes (typed arrays transferred,
 * not copied). A cancelled job's worker is terminated, so nothing here checks for cancellation.
 */
import { parentPort } from 'node:worker_threads'
import type { ExperimentOutcome } from '../backends/execution/execution-request.js'
import { runExecution } from '../backends/execution/run-execution.js'
import {
  serializeError,
  type JobWorkerMessage,
  type RunTaskMessage,
} from './job-worker-protocol.js'

/** Minimum time between two progress messages. */
const PROGRESS_INTERVAL_MS = 50

const port = parentPort

if (port !== null) {
  port.on('message', (msg: RunTaskMessage) => {
    void run(msg)
  })
}

async function run(msg: RunTaskMessage): Promise<void> {
  if (port === null) return
  const post = (reply: JobWorkerMessage, transfer: ArrayBuffer[] = []): void => {
    port.postMessage(reply, transfer)
  }
  const { taskId } = msg
  let last = 0
  try {
    const outcomes = await runExecution(msg.request, {
      onProgress: (done, total) => {
        const now = performance.now()
        if (done < total && now - last < PROGRESS_INTERVAL_MS) return
        last = now
        post({ type: 'progress', taskId, done, total })
      },
      onWarning: (message) => {
        post({ type: 'warning', taskId, message })
      },
    })
    post({ type: 'done', taskId, outcomes }, transferables(outcomes))
  } catch (error) {
    post({ type: 'error', taskId, error: serializeError(error) })
  }
}

/** The outcomes' own buffers (shared ones are shared anyway and cannot be transferred). */
function transferables(outcomes: readonly ExperimentOutcome[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>()
  for (const o of outcomes) {
    for (const array of [o.statevector, o.unitary, o.densityMatrix]) {
      if (array !== undefined && array.buffer instanceof ArrayBuffer) out.add(array.buffer)
    }
  }
  return [...out]
}
