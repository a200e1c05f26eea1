/**
 * `npm run bench -- service [--jobs 2000] [--clients 20] [--stores sqlite,postgres] [--workers 2]
 * [--shots 100] [--poll-ms 25] [--warmup 300] [--modes worker-thread,in-process,worker-process]`
 *
 * The job service end to end: a listening `createServer` running jobs with `--workers` worker
 * loops, in each deployment of `--modes` — `worker-thread` (`workerThread`: the worker loops on
 * a thread of the server's process with its own store connection; what `qfabric serve` runs with
 * a SQLite `--data-dir`), `in-process` (`createServer`'s default and what `qfabric serve` runs on
 * PostgreSQL: the `WorkerExecutor` on the API's event loop) and
 * `worker-process` (the documented scale-out: an API-only server, `executor: 'none'`, plus a
 * separate `qfabric serve --role worker` process on the same database) — on each store — SQLite in a temporary data directory, PostgreSQL in
 * a fresh database (`qfabric_bench_<random>`, created with `psql` and dropped after; server from
 * `QFABRIC_BENCH_PG`, default `postgres://postgres@127.0.0.1:5432/postgres`). `--clients`
 * concurrent clients (keep-alive `node:http`) each submit a small job (a 2-qubit Bell circuit, `--shots` shots, on the
 * local `qasm_simulator`) and poll `GET /v1/jobs/{id}` every `--poll-ms` until it is final, then
 * take the next, until `--jobs` jobs ran. Prints, per store, the end-to-end throughput (jobs over
 * the time from the first submit to the last job seen final) and the p50/p99 latencies of submit
 * and of status, and whether the issue's goals hold: ≥ 200 jobs/s on SQLite, p99 status < 20 ms.
 * The clients run in a worker thread of the bench's process (the server has its main thread;
 * on a 2-core machine they still share the CPUs with it and the simulator threads). A warm-up
 * round (`--warmup`, default 300 jobs) runs first and is not counted: each deployment's server (and
 * its worker thread or process, whose JIT starts cold) reaches its steady state before the clock
 * starts — with 40 jobs, whichever deployment ran first measured ~5 ms more at p99. Also printed: how busy the
 * server's event loop was and its CPU time per job (main thread only: in `worker-thread` and
 * `worker-process` the job-running store work is elsewhere), and what the clients themselves
 * cost (CPU per job, event-loop delay), since they share the machine with the server.
 */
import { execFile, spawn } from 'node:child_process'
import { Agent, request as httpRequest } from 'node:http'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads'
import {
  createServer,
  runServe,
  WorkerExecutor,
  type QfabricServer,
  type ServerOptions,
} from '@qfabric/server'

type Store = 'sqlite' | 'postgres'

/** Where the worker loops run (see the file comment). */
type Mode = 'in-process' | 'worker-thread' | 'worker-process'
const MODES: readonly Mode[] = ['worker-thread', 'in-process', 'worker-process']

/** The flag that makes this file, run as a script, the `worker-process` mode's worker. */
const WORKER_PROCESS_FLAG = '--service-bench-worker'

interface ServiceBenchOptions {
  readonly jobs: number
  readonly clients: number
  readonly stores: readonly Store[]
  readonly modes: readonly Mode[]
  readonly workers: number
  readonly shots: number
  readonly pollMs: number
  readonly warmup: number
}

interface Measured {
  readonly store: Store
  readonly mode: Mode
  readonly jobs: number
  readonly failed: number
  readonly seconds: number
  readonly submitMs: number[]
  readonly statusMs: number[]
  /** Busy share of the server's (main thread's) event loop. */
  readonly eventLoopUtilization: number
  /** Server main-thread CPU time per job (simulations and clients run in other threads). */
  readonly mainCpuMsPerJob: number
  /** The client thread's CPU time per job, and its event loop's p99 delay (the load generator's own share). */
  readonly client: ClientLoad
}

/** What the load generator itself cost during the measured round. */
interface ClientLoad {
  readonly cpuMsPerJob: number
  readonly loopDelayP99Ms: number
}

/** The goals. */
const GOAL_JOBS_PER_SECOND = 200
const GOAL_STATUS_P99_MS = 20

const BELL_QASM =
  'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'
const FINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED'])
const INSTANCE = 'bench/service/load'
const PG_ADMIN_URL =
  process.env['QFABRIC_BENCH_PG'] ?? 'postgres://postgres@127.0.0.1:5432/postgres'

function parseArgs(args: readonly string[]): ServiceBenchOptions {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const num = (flag: string, fallback: number): number => {
    const text = value(flag)
    const n = text === undefined ? fallback : Number(text)
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${flag} needs a positive integer`)
    return n
  }
  const stores = (value('--stores') ?? 'sqlite,postgres').split(',').map((s) => s.trim())
  for (const s of stores) {
    if (s !== 'sqlite' && s !== 'postgres') throw new RangeError(`--stores: unknown store ${s}`)
  }
  const modes = (value('--modes') ?? MODES.join(',')).split(',').map((s) => s.trim())
  for (const m of modes) {
    if (!(MODES as readonly string[]).includes(m))
      throw new RangeError(`--modes: unknown mode ${m}`)
  }
  return {
    jobs: num('--jobs', 2000),
    clients: num('--clients', 20),
    stores: stores as Store[],
    modes: modes as Mode[],
    workers: num('--workers', 2),
    shots: num('--shots', 100),
    pollMs: num('--poll-ms', 25),
    warmup: num('--warmup', 300),
  }
}

/** Runs one SQL statement with `psql` (the bench has no PostgreSQL client of its own). */
async function psql(url: string, statement: string): Promise<void> {
  await promisify(execFile)('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', statement])
}

/**
 * The clients' HTTP: `node:http` with keep-alive. The load generator shares the machine's two
 * cores with the server, so it must cost little: `fetch` (undici) spent about twice the CPU per
 * request, and its own event-loop delays showed up as server latency (the slowest 1% of status
 * requests spent ~20 ms after the server had sent the response, before the client saw it).
 */
const agent = new Agent({ keepAlive: true })

function call(
  base: string,
  token: string,
  request: { readonly method: string; readonly path: string; readonly body?: unknown },
): Promise<{ status: number; json: unknown }> {
  const body = request.body === undefined ? undefined : JSON.stringify(request.body)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${base}${request.path}`,
      {
        method: request.method,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          text += chunk
        })
        response.on('end', () => {
          try {
            resolve({
              status: response.statusCode ?? 0,
              json: text === '' ? undefined : (JSON.parse(text) as unknown),
            })
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)))
          }
        })
        response.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Creates the instance and a member of it; returns the member's token (jobs scopes). */
async function memberToken(server: QfabricServer): Promise<string> {
  const admin = await server.createAdminToken()
  const post = async (path: string, body: unknown): Promise<unknown> => {
    const r = await call(server.url, admin, { method: 'POST', path, body })
    if (r.status >= 300) throw new Error(`POST ${path}: ${r.status} ${JSON.stringify(r.json)}`)
    return r.json
  }
  await post(`/v1/instances/${INSTANCE}`, {})
  const user = (await post('/v1/users', { login: 'bench' })) as { id: string }
  await post('/v1/memberships', { user_id: user.id, instance: INSTANCE, role: 'member' })
  const token = await post('/v1/tokens', {
    name: 'bench',
    scopes: ['jobs:read', 'jobs:write', 'backends:read'],
    user_id: user.id,
  })
  return (token as { token: string }).token
}

/**
 * Starts a separate `qfabric serve --role worker` process (this file, run as a script) on the
 * database.
 *
 * @returns how to stop it (SIGTERM; resolves when it exited)
 */
async function startWorkerProcess(
  database: { readonly dataDir: string } | { readonly db: string },
  workers: number,
): Promise<() => Promise<void>> {
  const where = 'dataDir' in database ? ['--data-dir', database.dataDir] : ['--db', database.db]
  const child = spawn(
    process.execPath,
    [
      '--no-warnings',
      fileURLToPath(import.meta.url),
      WORKER_PROCESS_FLAG,
      ...where,
      '--concurrency',
      String(workers),
      '--log-level',
      'error',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const exited = once(child, 'exit')
  // Running once it printed its id (or failed to start).
  await new Promise<void>((resolve, reject) => {
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      if (out.includes('running')) resolve()
    })
    void exited.then(([code]) => {
      reject(new Error(`the worker process exited (code ${String(code)})`))
    })
  })
  return async () => {
    child.kill('SIGTERM')
    await exited
  }
}

/** Starts a server on the store in a mode; returns it and how to clean up after it. */
async function startServer(
  store: Store,
  mode: Mode,
  workers: number,
): Promise<{ server: QfabricServer; cleanup: () => Promise<void> }> {
  const common: ServerOptions = {
    logger: false,
    onFirstAdminToken: null,
    backends: { backends: [{ name: 'qasm_simulator', source: 'local:qasm_simulator' }] },
    ...(mode === 'in-process' ? { executor: new WorkerExecutor({ concurrency: workers }) } : {}),
    ...(mode === 'worker-thread' ? { workerThread: { concurrency: workers } } : {}),
    ...(mode === 'worker-process' ? { executor: 'none' as const } : {}),
    // The per-caller request and submit limits would otherwise throttle a single bench user.
    limits: {
      requestBurst: 1e9,
      requestsPerSecond: 1e9,
      submitRatePerMinute: 1e9,
      maxPendingJobs: 1e9,
    },
  }
  /** Starts the server, then (worker-process) the worker; stops both and cleans up on failure. */
  const open = async (
    database: { readonly dataDir: string } | { readonly db: string },
    drop: () => Promise<void>,
  ): Promise<{ server: QfabricServer; cleanup: () => Promise<void> }> => {
    let server: QfabricServer | undefined
    try {
      server = await createServer({ ...common, ...database })
      const stopWorker =
        mode === 'worker-process' ? await startWorkerProcess(database, workers) : undefined
      const running = server
      return {
        server,
        cleanup: async () => {
          await running.close()
          await stopWorker?.()
          await drop()
        },
      }
    } catch (error) {
      await server?.close()
      await drop()
      throw error
    }
  }
  if (store === 'sqlite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'qfabric-bench-'))
    return open({ dataDir }, () => rm(dataDir, { recursive: true, force: true }))
  }
  const name = `qfabric_bench_${randomBytes(8).toString('hex')}`
  const url = new URL(PG_ADMIN_URL)
  url.pathname = `/${name}`
  await psql(PG_ADMIN_URL, `CREATE DATABASE ${name}`)
  return open({ db: url.toString() }, () =>
    psql(PG_ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  )
}

/** One round of jobs: the latencies, failures and when the last job was seen final. */
interface Round {
  readonly submitMs: number[]
  readonly statusMs: number[]
  failed: number
  /** From the first submit to the last job seen final. */
  seconds: number
}

/** Runs `jobs` jobs through `clients` concurrent clients (each: submit, poll until final, repeat). */
async function runRound(
  send: (
    method: string,
    path: string,
    body?: unknown,
  ) => Promise<{ status: number; json: unknown }>,
  options: {
    readonly jobs: number
    readonly clients: number
    readonly shots: number
    readonly pollMs: number
  },
): Promise<Round> {
  const round: Round = { submitMs: [], statusMs: [], failed: 0, seconds: 0 }
  const start = performance.now()
  const body = {
    backend: 'qasm_simulator',
    shots: options.shots,
    input: { circuits: [{ qasm: BELL_QASM }] },
  }
  let next = 0
  const client = async (): Promise<void> => {
    while (next < options.jobs) {
      next++
      let t = performance.now()
      const created = await send('POST', '/v1/jobs', body)
      round.submitMs.push(performance.now() - t)
      if (created.status !== 201) throw new Error(`submit: ${JSON.stringify(created.json)}`)
      const { id } = created.json as { id: string }
      for (;;) {
        await sleep(options.pollMs)
        t = performance.now()
        const { status } = (await send('GET', `/v1/jobs/${id}`)).json as { status: string }
        const now = performance.now()
        round.statusMs.push(now - t)
        if (FINAL.has(status)) {
          if (status !== 'COMPLETED') round.failed++
          round.seconds = (now - start) / 1000
          break
        }
      }
    }
  }
  await Promise.all(Array.from({ length: options.clients }, client))
  return round
}

/** What a client thread gets: where to send, as whom, and the rounds to run. */
interface ClientThreadData {
  readonly role: 'service-bench-clients'
  readonly url: string
  readonly token: string
  readonly options: ServiceBenchOptions
}

/** The client thread: a warm-up round (reported as `warm`), then the measured round. */
async function clientThread(data: ClientThreadData, port: MessagePort): Promise<void> {
  const send = (method: string, path: string, body?: unknown) =>
    call(data.url, data.token, { method, path, body })
  await runRound(send, { ...data.options, jobs: data.options.warmup })
  port.postMessage({ type: 'warm' })
  const delay = monitorEventLoopDelay({ resolution: 1 })
  delay.enable()
  const cpu = process.threadCpuUsage()
  const round = await runRound(send, data.options)
  const used = process.threadCpuUsage(cpu)
  delay.disable()
  const client: ClientLoad = {
    cpuMsPerJob: (used.user + used.system) / 1000 / data.options.jobs,
    loopDelayP99Ms: delay.percentile(99) / 1e6,
  }
  port.postMessage({ type: 'done', round, client })
}

/**
 * Runs the clients in a worker thread (so that the server's event loop is the server's alone)
 * and measures the main thread while the measured round runs.
 */
async function load(
  server: QfabricServer,
  options: ServiceBenchOptions & { readonly store: Store; readonly mode: Mode },
): Promise<Measured> {
  const data: ClientThreadData = {
    role: 'service-bench-clients',
    url: server.url,
    token: await memberToken(server),
    options,
  }
  const worker = new Worker(new URL(import.meta.url), { workerData: data })
  let elu = performance.eventLoopUtilization()
  let cpu = process.threadCpuUsage()
  const { round, client } = await new Promise<{ round: Round; client: ClientLoad }>(
    (resolve, reject) => {
      worker.on('error', reject)
      // After `done` this is a no-op; before it, the clients died without an error event.
      worker.on('exit', (code) => {
        reject(new Error(`the client thread exited early (code ${code})`))
      })
      worker.on(
        'message',
        (message: { type: 'warm' } | { type: 'done'; round: Round; client: ClientLoad }) => {
          if (message.type === 'done') {
            resolve(message)
            return
          }
          elu = performance.eventLoopUtilization()
          cpu = process.threadCpuUsage()
        },
      )
    },
  )
  const cpuUsed = process.threadCpuUsage(cpu)
  const eventLoopUtilization = performance.eventLoopUtilization(elu).utilization
  await worker.terminate()
  return {
    store: options.store,
    mode: options.mode,
    jobs: options.jobs,
    failed: round.failed,
    seconds: round.seconds,
    submitMs: round.submitMs,
    statusMs: round.statusMs,
    eventLoopUtilization,
    mainCpuMsPerJob: (cpuUsed.user + cpuUsed.system) / 1000 / options.jobs,
    client,
  }
}

/** The `q` quantile of the values (nearest rank). */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN
}

function report(m: Measured, workers: number): void {
  const rate = m.jobs / m.seconds
  const p99Status = quantile(m.statusMs, 0.99)
  const ms = (x: number): string => `${x.toFixed(1).padStart(8)} ms`
  const where: Readonly<Record<Mode, string>> = {
    'in-process':
      'worker loops on the API event loop (createServer default; qfabric serve on PostgreSQL)',
    'worker-thread':
      'worker loops on a worker thread (qfabric serve default with a SQLite data directory)',
    'worker-process': 'API process + separate worker process',
  }
  console.log(`\n${m.store}, ${m.mode}: ${where[m.mode]} (${workers} workers)`)
  console.log(`  jobs                  ${m.jobs} (${m.failed} not COMPLETED)`)
  console.log(`  wall                  ${m.seconds.toFixed(2)} s`)
  console.log(`  throughput            ${rate.toFixed(1)} jobs/s`)
  console.log(
    `  submit p50 / p99  ${ms(quantile(m.submitMs, 0.5))} ${ms(quantile(m.submitMs, 0.99))}`,
  )
  console.log(`  status p50 / p99  ${ms(quantile(m.statusMs, 0.5))} ${ms(p99Status)}`)
  console.log(`  status requests       ${m.statusMs.length}`)
  console.log(`  main thread busy      ${(100 * m.eventLoopUtilization).toFixed(0)}%`)
  console.log(
    `  main CPU per job      ${m.mainCpuMsPerJob.toFixed(2)} ms (API process main thread)`,
  )
  console.log(
    `  clients               ${m.client.cpuMsPerJob.toFixed(2)} ms CPU per job, ` +
      `event-loop delay p99 ${m.client.loopDelayP99Ms.toFixed(1)} ms (the load generator)`,
  )
  if (m.store === 'sqlite') {
    const ok = rate >= GOAL_JOBS_PER_SECOND ? 'met' : 'NOT met'
    console.log(`  goal ≥ ${GOAL_JOBS_PER_SECOND} jobs/s        ${ok}`)
  }
  const ok = p99Status < GOAL_STATUS_P99_MS ? 'met' : 'NOT met'
  console.log(`  goal status p99 < ${GOAL_STATUS_P99_MS} ms ${ok}`)
}

/**
 * Runs the service benchmark on each store in turn and prints a table per store.
 *
 * @param args - `--jobs`, `--clients`, `--stores`, `--modes`, `--workers`, `--shots`,
 *   `--poll-ms`, `--warmup`
 * @returns when every store ran
 * @throws RangeError for a bad flag; the first error of a client or of a store's setup
 * @example
 * ```ts
 * await runServiceBench(['--jobs', '500', '--stores', 'sqlite', '--modes', 'in-process'])
 * ```
 */
export async function runServiceBench(args: string[]): Promise<void> {
  const options = parseArgs(args)
  console.log(
    `service: ${options.jobs} Bell jobs (${options.shots} shots), ${options.clients} clients, ` +
      `status poll every ${options.pollMs} ms, after ${options.warmup} warm-up jobs (not counted)`,
  )
  for (const store of options.stores) {
    for (const mode of options.modes) {
      const { server, cleanup } = await startServer(store, mode, options.workers)
      try {
        report(await load(server, { ...options, store, mode }), options.workers)
      } finally {
        await cleanup()
      }
    }
  }
}

if (
  !isMainThread &&
  parentPort !== null &&
  (workerData as Partial<ClientThreadData> | null)?.role === 'service-bench-clients'
) {
  await clientThread(workerData as ClientThreadData, parentPort)
}

if (isMainThread && process.argv[2] === WORKER_PROCESS_FLAG) {
  await runServe(['--role', 'worker', ...process.argv.slice(3)])
}
