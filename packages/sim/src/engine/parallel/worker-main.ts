/**
 * The entry point of a statevector worker thread: compiles the plans it is sent, and applies
 * its share of every pass to the shared state, meeting the other workers at a barrier after
 * each pass and checking the cancellation flag between chunks.
 */
import { parentPort } from 'node:worker_threads'
import type { OpKernel } from '../kernels/op-kernel.js'
import { createPassKernel } from '../plan/pass-spec.js'
import { viewState } from '../wasm/wasm-state.js'
import { arriveAndWait, isCancelled } from './barrier.js'
import { collectGarbage } from './collect-garbage.js'
import type { FromWorker, ToWorker } from './worker-protocol.js'

/** Groups per chunk between cancellation checks. */
const CHUNK_GROUPS = 1 << 16
/**
 * After a run on a state of at least this many bytes, the worker collects garbage once idle, so
 * that its views do not keep the state's shared memory alive (see `collect-garbage.ts`).
 */
const RELEASE_BYTES = 2 ** 26

const plans = new Map<number, OpKernel[]>()
const port = parentPort
/** The collection scheduled after the last large run, until the next message arrives. */
let release: NodeJS.Immediate | undefined

if (port !== null) {
  port.on('message', (msg: ToWorker) => {
    if (release !== undefined) clearImmediate(release)
    release = undefined
    const reply = handle(msg)
    if (reply !== undefined) port.postMessage(reply)
    // Once the reply is out and no further run is queued: the state is the caller's alone now.
    if (msg.type === 'run' && msg.length * Float64Array.BYTES_PER_ELEMENT >= RELEASE_BYTES)
      release = setImmediate(collectGarbage)
  })
}

function handle(msg: ToWorker): FromWorker | undefined {
  switch (msg.type) {
    case 'plan':
      plans.set(
        msg.id,
        msg.plan.map((p) => createPassKernel(p, msg.numQubits)),
      )
      return undefined
    case 'drop':
      plans.delete(msg.id)
      return undefined
    case 'run':
      try {
        return run(msg)
      } catch (error) {
        // Release the others from the barrier: the run is lost anyway.
        Atomics.store(msg.control, 0, 1)
        Atomics.notify(msg.control, 2)
        return {
          type: 'error',
          runId: msg.runId,
          message: error instanceof Error ? error.message : String(error),
        }
      }
  }
}

function run(msg: Extract<ToWorker, { type: 'run' }>): FromWorker {
  const kernels = plans.get(msg.planId)
  if (kernels === undefined) throw new Error(`unknown plan ${msg.planId}`)
  const state =
    msg.memory === undefined
      ? new Float64Array(msg.buffer, msg.byteOffset, msg.length)
      : viewState(msg.memory, msg.length)
  const { control, index, count } = msg
  for (const kernel of kernels) {
    const lo = Math.floor((kernel.groups * index) / count)
    const hi = Math.floor((kernel.groups * (index + 1)) / count)
    for (let a = lo; a < hi; a += CHUNK_GROUPS) {
      if (isCancelled(control)) return { type: 'cancelled', runId: msg.runId }
      kernel.run(state, a, Math.min(hi, a + CHUNK_GROUPS))
    }
    if (!arriveAndWait(control, count)) return { type: 'cancelled', runId: msg.runId }
  }
  return { type: 'done', runId: msg.runId }
}
