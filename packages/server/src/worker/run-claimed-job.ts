import type { Job, ResultJson } from '@qfabric/core/providers'
import type { Logger } from 'pino'
import type { BackendCatalog } from '../app/backend-catalog.js'
import type { JobStore } from '../store/job-store.js'
import type { StoredJob } from '../store/job-store-types.js'
import { isJobStoreError } from '../store/job-store-error.js'
import { failureReason } from './failure-reason.js'
import type { JobChangeWatch } from './job-change-watch.js'
import { parseJobCircuits } from './parse-job-circuits.js'
import { WorkerError } from './worker-error.js'

/** What {@link runClaimedJob} needs from its worker. */
export interface RunClaimedJobContext {
  readonly store: JobStore
  readonly catalog: BackendCatalog
  readonly logger: Logger
  /** The lease owner (the worker that claimed the job). */
  readonly workerId: string
  readonly leaseMs: number
  /** How often to renew the lease (well within `leaseMs`). */
  readonly heartbeatMs: number
  readonly changes: JobChangeWatch
  /** Aborts when the worker dies: the simulation is killed and nothing is written to the store. */
  readonly kill: AbortSignal
}

/** How a run ended (for logs and tests). */
export type RunOutcome =
  'completed' | 'failed' | 'cancelled' | 'timed-out' | 'lease-lost' | 'killed'

/** Why a run stopped before its simulation ended. */
type StopReason = 'cancel' | 'timeout' | 'lease-lost' | 'kill'

const OUTCOME_OF_STOP: Readonly<Record<StopReason, RunOutcome>> = {
  cancel: 'cancelled',
  timeout: 'timed-out',
  'lease-lost': 'lease-lost',
  kill: 'killed',
}

/** The simulation of one job, started lazily so that a stop can reach it whenever it comes. */
class Simulation {
  #job: Job | undefined
  #stopped = false

  /** Keeps the backend's job; cancels it at once when the run was stopped meanwhile. */
  started(job: Job): void {
    this.#job = job
    if (this.#stopped) void job.cancel().catch(() => undefined)
  }

  /** Stops the backend's job (for local simulators: terminates its worker thread). */
  async stop(): Promise<void> {
    this.#stopped = true
    await this.#job?.cancel().catch(() => undefined)
  }
}

/**
 * Runs a job this worker has claimed, to the end: parses its circuits, runs them on its backend
 * (local simulators run in worker threads, off the event loop), renews the lease, and stores
 * exactly one outcome — the Qiskit result (`complete`), the backend's error (`fail`), a
 * cancel acknowledgement (`finish` cancelled) after a cancel request, or `max_execution_time`.
 * A lost lease or a kill writes nothing: the reaper hands the job to another worker.
 *
 * @param job - the claimed job (status `RUNNING`, leased to `context.workerId`)
 * @param context - store, backends, lease settings, change watch, kill signal
 * @returns how the run ended
 * @example
 * ```ts
 * const job = await store.claimNext({ workerId, backends, leaseMs })
 * if (job) await runClaimedJob(job, { store, catalog, logger, workerId, leaseMs, heartbeatMs, changes, kill })
 * ```
 */
export async function runClaimedJob(
  job: StoredJob,
  context: RunClaimedJobContext,
): Promise<RunOutcome> {
  const { store, workerId } = context
  const simulation = new Simulation()
  const stop = stopSignals(job, context)
  const started = Date.now()
  try {
    const settled = await Promise.race([
      simulate(job, context, simulation).then(
        (result) => ({ kind: 'done', result }) as const,
        (error: unknown) => ({ kind: 'error', error }) as const,
      ),
      stop.promise.then((reason) => ({ kind: 'stop', reason }) as const),
    ])
    if (settled.kind === 'stop') {
      await simulation.stop()
      return await finishStopped(job, context, settled.reason)
    }
    if (settled.kind === 'error') {
      context.logger.info({ err: settled.error, jobId: job.id }, 'job failed')
      await store.fail(job.id, workerId, failureReason(settled.error))
      return 'failed'
    }
    const body = JSON.stringify({ ...settled.result, job_id: job.id, backend_name: job.backend })
    const finished = await store.complete(job.id, workerId, {
      body,
      device_seconds: (Date.now() - started) / 1000,
    })
    if (!finished.applied) {
      context.logger.warn({ jobId: job.id, rejected: finished.rejected }, 'late completion')
    }
    return 'completed'
  } finally {
    stop.dispose()
    await stop.settled()
  }
}

/**
 * How long a job runs before its `executing` phase is written. A run that ends sooner goes from
 * `preparing` straight to its final status: the phase would be one more transaction, event and
 * notice per job — a third of a small job's store work — for a state nobody could observe.
 */
const EXECUTING_PHASE_AFTER_MS = 100

/** Loads the backend and the circuits, starts the backend's job, waits for its result. */
async function simulate(
  job: StoredJob,
  context: RunClaimedJobContext,
  simulation: Simulation,
): Promise<ResultJson> {
  const { store, catalog, workerId } = context
  const entry = catalog.entries.find((e) => e.name === job.backend)
  if (entry === undefined) {
    throw new WorkerError('worker.backend-unavailable', `no backend ${job.backend} here`)
  }
  const resolved = await catalog.resolve(entry)
  const input = await store.getJobInput(job.id)
  if (input === undefined) throw new WorkerError('worker.input-invalid', 'the job has no input')
  const circuits = parseJobCircuits(input.input)
  const backendJob = await resolved.backend.run(circuits, {
    ...job.options,
    shots: job.request.shots,
  })
  simulation.started(backendJob)
  let phaseWrite: Promise<unknown> | undefined
  const timer = setTimeout(() => {
    phaseWrite = store
      .transition(job.id, { to: 'RUNNING', from: 'RUNNING', phase: 'executing', workerId })
      .catch((error: unknown) => {
        // A cancel request (CANCELLING) or a lost lease makes this fail; the stop signals act.
        context.logger.debug({ err: error, jobId: job.id }, 'phase change skipped')
      })
  }, EXECUTING_PHASE_AFTER_MS)
  try {
    return (await backendJob.result()).toJSON()
  } finally {
    clearTimeout(timer)
    // The outcome is written after the phase, never before it.
    await phaseWrite
  }
}

/** Writes the outcome of a stopped run (nothing when the job is no longer ours). */
async function finishStopped(
  job: StoredJob,
  context: RunClaimedJobContext,
  reason: StopReason,
): Promise<RunOutcome> {
  const { store, workerId } = context
  if (reason === 'cancel') {
    await store.finish(job.id, workerId, { outcome: 'cancelled' })
  } else if (reason === 'timeout') {
    await store.fail(job.id, workerId, {
      code: 'max_execution_time',
      details: { max_execution_seconds: job.request.max_execution_seconds },
    })
  }
  return OUTCOME_OF_STOP[reason]
}

/** The reasons a run may stop early, as one promise, and how to detach them. */
interface StopSignals {
  readonly promise: Promise<StopReason>
  dispose(): void
  /** Waits for in-flight heartbeats and checks (so the store is not used after the run). */
  settled(): Promise<void>
}

/** Heartbeats, the change watch (cancel requests), the time limit and the kill signal. */
function stopSignals(job: StoredJob, context: RunClaimedJobContext): StopSignals {
  const { store, workerId, leaseMs, logger } = context
  let resolveStop!: (reason: StopReason) => void
  const promise = new Promise<StopReason>((resolve) => {
    resolveStop = resolve
  })
  const pending = new Set<Promise<unknown>>()
  const track = (work: Promise<unknown>): void => {
    pending.add(work)
    void work.finally(() => pending.delete(work))
  }
  const beat = async (): Promise<void> => {
    try {
      const answer = await store.heartbeat(job.id, workerId, leaseMs)
      if (answer.cancelRequested) resolveStop('cancel')
    } catch (error) {
      if (isJobStoreError(error, 'store.lease-lost')) resolveStop('lease-lost')
      else logger.warn({ err: error, jobId: job.id }, 'heartbeat failed')
    }
  }
  const check = async (): Promise<void> => {
    try {
      const current = await store.getJob(job.id)
      if (current?.status === 'CANCELLING') resolveStop('cancel')
    } catch (error) {
      logger.warn({ err: error, jobId: job.id }, 'cancel check failed')
    }
  }
  const onKill = (): void => {
    resolveStop('kill')
  }
  const heartbeat = setInterval(() => {
    track(beat())
  }, context.heartbeatMs)
  const deadline = setTimeout(() => {
    resolveStop('timeout')
  }, job.request.max_execution_seconds * 1000)
  const unwatch = context.changes.watch(job.id, (change) => {
    // Most changes are this run's own (claim, phase, outcome): only a cancel request matters.
    if (change.status === undefined || change.status === 'CANCELLING') track(check())
  })
  // A cancel that arrived between the claim and the watch is seen here.
  track(check())
  if (context.kill.aborted) onKill()
  else context.kill.addEventListener('abort', onKill, { once: true })
  return {
    promise,
    dispose: () => {
      clearInterval(heartbeat)
      clearTimeout(deadline)
      unwatch()
      context.kill.removeEventListener('abort', onKill)
    },
    settled: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending])
    },
  }
}
