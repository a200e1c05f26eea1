/**
 * A plan executor that splits every pass across worker threads over a `SharedArrayBuffer`, one
 * barrier per pass. The calling thread only waits, so an `AbortSignal` is honoured at the
 * workers' next chunk. Workers are shared by all executors of the process, started lazily and
 * unreferenced while idle (they never keep the process alive).
 */
import type { Worker } from 'node:worker_threads'
import type { PassSpec } from '../plan/pass-spec.js'
import { allocateState, type ApplyOptions, type PlanExecutor } from '../plan/plan-executor.js'
import { wasmMemoryOf } from '../wasm/wasm-state.js'
import { createControl, requestCancel } from './barrier.js'
import { spawnWorker } from './spawn-worker.js'
import type { FromWorker, ToWorker } from './worker-protocol.js'

/** Plans remembered by the workers at once (least recently used are dropped). */
const PLAN_CACHE_SIZE = 64

interface PooledWorker {
  readonly worker: Worker
  readonly pending: Map<number, (reply: FromWorker) => void>
  /** Plan ids this worker has compiled. */
  readonly known: Set<number>
}

const pool: PooledWorker[] = []
const planIds = new Map<readonly PassSpec[], number>()
let nextPlanId = 1
let nextRunId = 1
let busy = 0

function workerAt(i: number): PooledWorker {
  while (pool.length <= i) {
    const worker = spawnWorker()
    const entry: PooledWorker = { worker, pending: new Map(), known: new Set() }
    worker.on('message', (reply: FromWorker) => {
      const resolve = entry.pending.get(reply.runId)
      entry.pending.delete(reply.runId)
      resolve?.(reply)
    })
    // A worker that died (an error outside a run, or an exit) leaves the pool, so that the next
    // run starts a fresh one instead of waiting for it; its pending runs fail.
    const retire = (message: string): void => {
      const at = pool.indexOf(entry)
      if (at >= 0) pool.splice(at, 1)
      for (const resolve of entry.pending.values()) resolve({ type: 'error', runId: -1, message })
      entry.pending.clear()
    }
    worker.on('error', (error: Error) => {
      retire(error.message)
    })
    worker.on('exit', (code: number) => {
      retire(`statevector worker exited with code ${code}`)
    })
    pool.push(entry)
  }
  return pool[i]!
}

function post(entry: PooledWorker, msg: ToWorker): void {
  entry.worker.postMessage(msg)
}

/** The id of `plan`, dropping the least recently used plan from the workers when full. */
function planId(plan: readonly PassSpec[]): number {
  const known = planIds.get(plan)
  if (known !== undefined) {
    planIds.delete(plan)
    planIds.set(plan, known)
    return known
  }
  const id = nextPlanId++
  planIds.set(plan, id)
  if (planIds.size > PLAN_CACHE_SIZE) {
    const [oldest, oldId] = planIds.entries().next().value!
    planIds.delete(oldest)
    for (const entry of pool) {
      if (entry.known.delete(oldId)) post(entry, { type: 'drop', id: oldId })
    }
  }
  return id
}

/**
 * An executor running plans on `threads` worker threads.
 *
 * @param threads - the number of workers sharing each pass (at least 1)
 * @returns the executor; its states live in shared memory
 * @throws RangeError when `threads` is not a positive integer
 */
export function createThreadExecutor(threads: number): PlanExecutor {
  if (!Number.isInteger(threads) || threads < 1)
    throw new RangeError(`threads must be a positive integer, got ${threads}`)
  return {
    threads,
    allocate: (numQubits) => allocateState(numQubits, true),
    apply: (state, plan, options) => applyOnWorkers(state, plan, { ...options, threads }),
  }
}

async function applyOnWorkers(
  state: Float64Array,
  plan: readonly PassSpec[],
  options: ApplyOptions & { readonly threads: number },
): Promise<void> {
  const { signal, threads } = options
  signal?.throwIfAborted()
  if (plan.length === 0) return
  if (!(state.buffer instanceof SharedArrayBuffer)) {
    throw new TypeError('a threaded executor needs a state in shared memory (use its allocate())')
  }
  const id = planId(plan)
  const control = createControl()
  const runId = nextRunId++
  const workers = workersKnowing({ plan, id, numQubits: options.numQubits }, threads)
  const replies = workers.map(
    (entry) =>
      new Promise<FromWorker>((resolve) =>
        entry.pending.set(runId, (reply) => {
          // Release the other workers from the barrier: the run is lost anyway.
          if (reply.type === 'error') requestCancel(control)
          resolve(reply)
        }),
      ),
  )
  const onAbort = (): void => {
    requestCancel(control)
  }
  signal?.addEventListener('abort', onAbort)
  if (busy++ === 0) for (const entry of pool) entry.worker.ref()
  try {
    workers.forEach((entry, index) => {
      post(entry, {
        type: 'run',
        runId,
        planId: id,
        buffer: state.buffer as SharedArrayBuffer,
        memory: wasmMemoryOf(state),
        byteOffset: state.byteOffset,
        length: state.length,
        control,
        index,
        count: threads,
      })
    })
    checkReplies(await Promise.all(replies), signal)
  } finally {
    signal?.removeEventListener('abort', onAbort)
    if (--busy === 0) for (const entry of pool) entry.worker.unref()
  }
}

/** The first `threads` workers, each sent `plan` if it does not know it yet. */
function workersKnowing(
  p: { plan: readonly PassSpec[]; id: number; numQubits: number },
  threads: number,
): PooledWorker[] {
  const workers = Array.from({ length: threads }, (_, i) => workerAt(i))
  for (const entry of workers) {
    if (entry.known.has(p.id)) continue
    post(entry, { type: 'plan', id: p.id, plan: p.plan, numQubits: p.numQubits })
    entry.known.add(p.id)
  }
  return workers
}

function checkReplies(results: readonly FromWorker[], signal: AbortSignal | undefined): void {
  const failed = results.find((r) => r.type === 'error')
  if (failed?.type === 'error') throw new Error(`statevector worker failed: ${failed.message}`)
  if (results.some((r) => r.type === 'cancelled')) {
    signal?.throwIfAborted()
    throw new Error('statevector workers stopped without a cancellation request')
  }
}

/**
 * Stops all pooled workers (they are restarted on demand). For tests and clean shutdowns.
 *
 * @returns when every worker has exited
 */
export async function terminateWorkers(): Promise<void> {
  const entries = pool.splice(0)
  planIds.clear()
  await Promise.all(entries.map((e) => e.worker.terminate()))
}
