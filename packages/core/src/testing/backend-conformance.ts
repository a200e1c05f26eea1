import { QuantumCircuit } from '../circuit/quantum-circuit.js'
import { ClassicalRegister, QuantumRegister } from '../circuit/register.js'
import { createAbortController } from '../providers/abort-signal.js'
import type { Backend } from '../providers/backend.js'
import type { Job } from '../providers/job.js'
import type { JobEvent } from '../providers/job-event.js'
import { isFinalJobStatus } from '../providers/job-status.js'
import { JobTimeoutError, OptionValidationError } from '../providers/provider-errors.js'
import { Result } from '../providers/result.js'
import { canTransitionJob } from '../providers/transition-job.js'
import type {
  ConformanceExpect,
  ConformanceSkip,
  ConformanceTestApi,
} from './conformance-test-api.js'

/** The tests of {@link describeBackendConformance}, by stable name (use them in `skip`). */
export const BACKEND_CONFORMANCE_TESTS = [
  'target sanity',
  'options validation',
  'run returns a job and a well-formed result',
  'counts sum to shots',
  'status transitions observed via events',
  'cancel semantics',
  'result JSON round trip',
  'timeouts do not cancel',
  'abort rejects with the reason',
] as const

/** A test of {@link describeBackendConformance}. */
export type BackendConformanceTest = (typeof BACKEND_CONFORMANCE_TESTS)[number]

/** What {@link describeBackendConformance} needs. */
export interface BackendConformanceOptions extends ConformanceTestApi {
  /** Makes the backend under test (called once per test). */
  readonly createBackend: () => Backend | Promise<Backend>
  /** Tests to skip, each group with its reason. */
  readonly skip?: readonly ConformanceSkip<BackendConformanceTest>[] | undefined
  /**
   * The circuits to run, which the backend must accept as they are (no transpilation here).
   * Default: one circuit measuring qubit 0, and (if the batch fits) a second one measuring
   * qubits 0 and 1 into two registers.
   */
  readonly circuits?: ((backend: Backend) => QuantumCircuit[]) | undefined
  /** Shots per run (default 64). */
  readonly shots?: number | undefined
  /** Per-test time limit in milliseconds (default 30 000). */
  readonly testTimeoutMs?: number | undefined
  /** The name of the `describe` block (default `backend conformance`). */
  readonly name?: string | undefined
}

type Check = (backend: Backend, context: CheckContext) => Promise<void> | void

interface CheckContext {
  readonly expect: ConformanceExpect
  readonly circuits: readonly QuantumCircuit[]
  readonly shots: number
}

/**
 * Declares the shared backend suite, which every backend in this repository runs — local
 * simulators, fake devices, remote backends — and third-party backends should too: target
 * sanity, options validation, run → job → result shape, counts summing to shots, status
 * transitions seen through events, cancel semantics, the result JSON round trip, timeouts that
 * do not cancel, aborts that reject with the signal's reason. Runs with real timers.
 *
 * @param options - the runner's `describe`/`it`/`expect`, the backend factory, skips
 * @example
 * ```ts
 * import { describe, expect, it } from 'vitest'
 * import { describeBackendConformance } from '@qfabric/core/testing'
 *
 * describeBackendConformance({
 *   describe, it, expect,
 *   createBackend: () => new MyBackend(),
 *   skip: [{ reason: 'jobs finish before they can be cancelled', tests: ['cancel semantics'] }],
 * })
 * ```
 */
export function describeBackendConformance(options: BackendConformanceOptions): void {
  const skipped = new Map<string, string>()
  for (const group of options.skip ?? []) for (const t of group.tests) skipped.set(t, group.reason)
  const timeout = options.testTimeoutMs ?? 30_000
  options.describe(options.name ?? 'backend conformance', () => {
    for (const name of BACKEND_CONFORMANCE_TESTS) {
      const body = async (): Promise<void> => {
        const backend = await options.createBackend()
        const circuits = (options.circuits ?? defaultCircuits)(backend)
        await CHECKS[name](backend, {
          expect: options.expect,
          circuits,
          shots: options.shots ?? 64,
        })
      }
      const reason = skipped.get(name)
      if (reason === undefined) options.it(name, body, timeout)
      else options.it.skip?.(`${name} (skipped: ${reason})`, body)
    }
  })
}

/** One circuit measuring qubit 0; a second one on two registers when the backend allows. */
function defaultCircuits(backend: Backend): QuantumCircuit[] {
  const one = new QuantumCircuit(1, 1, { name: 'conformance-measure' })
  one.measure(0, 0)
  const out = [one]
  const canBatch = backend.maxCircuits === null || backend.maxCircuits >= 2
  if (canBatch && (backend.numQubits === null || backend.numQubits >= 2)) {
    const two = new QuantumCircuit(
      new QuantumRegister(2, 'q'),
      new ClassicalRegister(1, 'a'),
      new ClassicalRegister(1, 'b'),
      { name: 'conformance-two-registers' },
    )
    two.measure(0, 0).measure(1, 1)
    out.push(two)
  }
  return out
}

const CHECKS: Readonly<Record<BackendConformanceTest, Check>> = {
  'target sanity': checkTarget,
  'options validation': checkOptions,
  'run returns a job and a well-formed result': checkRun,
  'counts sum to shots': checkCounts,
  'status transitions observed via events': checkEvents,
  'cancel semantics': checkCancel,
  'result JSON round trip': checkJsonRoundTrip,
  'timeouts do not cancel': checkTimeout,
  'abort rejects with the reason': checkAbort,
}

function checkTarget(backend: Backend, { expect }: CheckContext): void {
  expect(typeof backend.name === 'string' && backend.name.length > 0).toBe(true)
  expect(backend.numQubits).toBe(backend.target.numQubits)
  expect([...backend.operationNames]).toEqual([...backend.target.operationNames])
  for (const name of backend.operationNames) expect(backend.target.has(name)).toBe(true)
  const n = backend.numQubits
  if (n !== null) {
    for (const [a, b] of backend.couplingMap?.getEdges() ?? []) {
      expect(a < n && b < n && a !== b).toBe(true)
    }
    if (n > 0) backend.qubitProperties(0)
  }
  const max = backend.maxCircuits
  expect(max === null || (Number.isInteger(max) && max > 0)).toBe(true)
}

async function checkOptions(backend: Backend, { expect, circuits }: CheckContext): Promise<void> {
  const before = backend.options.toJSON()
  const unknown = await backend.run(circuits, { 'conformance-unknown-option': 1 }).then(
    (job) => ({ job }),
    (error: unknown) => ({ error }),
  )
  if (backend.options.unknownOptions === 'reject') {
    expect('error' in unknown && unknown.error instanceof OptionValidationError).toBe(true)
  } else if ('job' in unknown) {
    await unknown.job.waitForFinalState()
  }
  const shots = backend.options.validator('shots')
  if (shots?.kind === 'range' && Number.isFinite(shots.max)) {
    const refused = await backend.run(circuits, { shots: shots.max + 1 }).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(OptionValidationError)
  }
  expect(backend.options.toJSON()).toEqual(before)
}

async function runAndWait(
  backend: Backend,
  ctx: CheckContext,
): Promise<{ job: Job; result: Result }> {
  const job = await backend.run(ctx.circuits, { shots: ctx.shots })
  return { job, result: await job.result() }
}

async function checkRun(backend: Backend, ctx: CheckContext): Promise<void> {
  const { expect, circuits } = ctx
  const before = backend.options.toJSON()
  const { job, result } = await runAndWait(backend, ctx)
  expect(typeof job.id).toBe('string')
  expect(job.backendName).toBe(backend.name)
  expect(await job.status()).toBe('DONE')
  expect(await job.done()).toBe(true)
  expect(await job.inFinalState()).toBe(true)
  expect(result.backendName).toBe(backend.name)
  expect(result.jobId).toBe(job.id)
  expect(result.success).toBe(true)
  expect(result.results.length).toBe(circuits.length)
  expect(result.results.map((r) => r.header?.name)).toEqual(circuits.map((c) => c.name))
  expect(backend.options.toJSON()).toEqual(before)
  const handle = job.toJSON()
  expect(handle.format).toBe('qfabric.job')
  expect(handle.id).toBe(job.id)
  expect(handle.backendName).toBe(backend.name)
}

async function checkCounts(backend: Backend, ctx: CheckContext): Promise<void> {
  const { expect, circuits, shots } = ctx
  const { result } = await runAndWait(backend, ctx)
  circuits.forEach((circuit, i) => {
    const counts = result.getCounts(i)
    expect(counts.shots()).toBe(shots)
    const width = circuit.numClbits + Math.max(0, circuit.cregs.length - 1)
    for (const key of counts.keys()) {
      expect(key.length).toBe(width)
      expect(key).toMatch(/^[01 ]+$/)
    }
  })
  expect(result.getCounts(circuits[0]!.name).toObject()).toEqual(result.getCounts(0).toObject())
}

async function checkEvents(backend: Backend, ctx: CheckContext): Promise<void> {
  const { expect } = ctx
  const job = await backend.run(ctx.circuits, { shots: ctx.shots })
  const events: JobEvent[] = []
  for await (const event of job.events()) events.push(event)
  expect(events.length).toBeGreaterThan(0)
  events.forEach((e, i) => {
    expect(e.seq).toBe(i + 1)
    expect(e.jobId).toBe(job.id)
  })
  const statuses = events.flatMap((e) => (e.type === 'status' ? [e] : []))
  for (const e of statuses) {
    if (e.previous !== undefined) expect(canTransitionJob(e.previous, e.status)).toBe(true)
  }
  expect(statuses.at(-1)?.status).toBe('DONE')
  expect(events.at(-1)?.type).toBe('result')
  const replay: JobEvent[] = []
  for await (const event of job.events({ since: 1 })) replay.push(event)
  expect(replay.map((e) => e.seq)).toEqual(events.slice(1).map((e) => e.seq))
}

async function checkCancel(backend: Backend, ctx: CheckContext): Promise<void> {
  const { expect } = ctx
  const job = await backend.run(ctx.circuits, { shots: ctx.shots })
  const outcome = await job.cancel()
  expect(['cancelled', 'not-cancellable', 'requested']).toContain(outcome)
  const final = await job.waitForFinalState()
  if (outcome === 'cancelled') expect(final).toBe('CANCELLED')
  if (outcome === 'requested') expect(['CANCELLED', 'DONE']).toContain(final)
  if (outcome === 'not-cancellable') expect(final).not.toBe('CANCELLED')
  expect(await job.cancel()).toBe('not-cancellable')
}

async function checkJsonRoundTrip(backend: Backend, ctx: CheckContext): Promise<void> {
  const { expect } = ctx
  const { result } = await runAndWait(backend, ctx)
  const text = JSON.stringify(result)
  const again = Result.fromJSON(JSON.parse(text))
  expect(again.toJSON()).toEqual(result.toJSON())
  expect(JSON.stringify(again)).toBe(text)
  ctx.circuits.forEach((_, i) => {
    expect(again.getCounts(i).toObject()).toEqual(result.getCounts(i).toObject())
  })
}

async function checkTimeout(backend: Backend, ctx: CheckContext): Promise<void> {
  const { expect } = ctx
  const job = await backend.run(ctx.circuits, { shots: ctx.shots })
  const early = await job.result({ timeoutMs: 0 }).then(
    () => undefined,
    (error: unknown) => error,
  )
  if (early !== undefined) expect(early).toBeInstanceOf(JobTimeoutError)
  expect(await job.waitForFinalState()).toBe('DONE')
  expect((await job.result()).success).toBe(true)
}

async function checkAbort(backend: Backend, ctx: CheckContext): Promise<void> {
  const { expect } = ctx
  const job = await backend.run(ctx.circuits, { shots: ctx.shots })
  const reason = { conformance: 'abort reason' }
  const controller = createAbortController()
  controller.abort(reason)
  const rejected = await job.result({ signal: controller.signal }).then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(rejected).toBe(reason)
  const final = await job.waitForFinalState()
  expect(isFinalJobStatus(final)).toBe(true)
  expect(final).toBe('DONE')
}
