/**
 * Scale-out (§8.13): one `--role api` process and three `--role worker` processes, all separate
 * OS processes on one fresh PostgreSQL database. 500 Bell jobs are submitted over HTTP; one
 * worker is SIGKILLed while it holds leases; the reaper of the surviving workers requeues its
 * jobs. Every job must end COMPLETED exactly once: the `job_events` log is the witness.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../http/test-server.js'
import { query } from '../store/postgres/test-database.js'
import { spawnServe, type ServeProcess } from './spawn-serve.js'

const JOBS = 500
const SHOTS = 16
const INSTANCE = 'acme/research/vqe'
const BELL_QASM =
  'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'
const FINAL = ['COMPLETED', 'FAILED', 'CANCELLED']

interface Reply {
  readonly status: number
  readonly json: unknown
  readonly retryAfter: number
}

async function call(url: string, token: string, init: { method: string; body?: unknown }) {
  const response = await fetch(url, {
    method: init.method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  const text = await response.text()
  return {
    status: response.status,
    json: text === '' ? undefined : (JSON.parse(text) as unknown),
    retryAfter: Number(response.headers.get('retry-after') ?? '0'),
  } satisfies Reply
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Creates the project (limits high enough for the burst) and member tokens to submit with. */
async function setUpMember(api: string, admin: string, tokens: number): Promise<string[]> {
  const created = await call(`${api}/v1/instances/${INSTANCE}`, admin, {
    method: 'POST',
    body: { max_pending_jobs: 10_000, max_running_jobs: 1000, submit_rate_per_minute: 100_000 },
  })
  expect(created.status).toBe(201)
  const user = await call(`${api}/v1/users`, admin, { method: 'POST', body: { login: 'alice' } })
  const userId = (user.json as { id: string }).id
  const member = await call(`${api}/v1/memberships`, admin, {
    method: 'POST',
    body: { user_id: userId, instance: INSTANCE, role: 'member' },
  })
  expect(member.status).toBeLessThan(300)
  const out: string[] = []
  // Request limits are per token (200 burst, 50/s): several tokens submit the burst faster.
  for (let i = 0; i < tokens; i++) {
    const token = await call(`${api}/v1/tokens`, admin, {
      method: 'POST',
      body: { name: `alice-${i}`, scopes: ['jobs:read', 'jobs:write'], user_id: userId },
    })
    expect(token.status).toBe(201)
    out.push((token.json as { token: string }).token)
  }
  return out
}

/** Submits one Bell job, waiting out 429s; returns its id. */
async function submit(api: string, token: string): Promise<string> {
  for (;;) {
    const reply = await call(`${api}/v1/jobs`, token, {
      method: 'POST',
      body: { backend: 'qasm_simulator', shots: SHOTS, input: { circuits: [{ qasm: BELL_QASM }] } },
    })
    if (reply.status === 201) return (reply.json as { id: string }).id
    if (reply.status !== 429)
      throw new Error(`submit: ${reply.status} ${JSON.stringify(reply.json)}`)
    await sleep(Math.max(100, reply.retryAfter * 1000))
  }
}

/** Submits `count` jobs, `parallel` requests at a time, round-robin over the tokens. */
async function submitAll(api: string, tokens: readonly string[], count: number): Promise<string[]> {
  const ids: string[] = []
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < count) {
      const n = next++
      ids[n] = await submit(api, tokens[n % tokens.length] ?? '')
    }
  }
  await Promise.all(Array.from({ length: 16 }, lane))
  return ids
}

async function countWhere(url: string, where: string, values: unknown[] = []): Promise<number> {
  const rows = await query(url, `select count(*)::int as n from jobs where ${where}`, values)
  return Number(rows[0]?.['n'])
}

describe('qfabric serve: one api and three worker processes on PostgreSQL', () => {
  let database: TestDatabase
  let dir: string
  const processes: ServeProcess[] = []

  beforeAll(async () => {
    database = await createTestDatabase()
    dir = await mkdtemp(join(tmpdir(), 'qfabric-scale-out-'))
  })
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGTERM')
    await Promise.all(processes.map((p) => p.exited))
    await database.drop()
    await rm(dir, { recursive: true, force: true })
  })

  it('completes 500 jobs exactly once each although a worker is SIGKILLed', async () => {
    const backends = join(dir, 'backends.json')
    await writeFile(
      backends,
      JSON.stringify({ backends: [{ name: 'qasm_simulator', source: 'local:qasm_simulator' }] }),
    )
    const common = ['--db', database.url, '--backends', backends, '--log-level', 'warn']
    const api = spawnServe(['--role', 'api', '--port', '0', ...common])
    processes.push(api)
    const url = (await api.waitFor('stdout', /listening on (http:\S+)/))[1] ?? ''
    const admin = (await api.waitFor('stderr', /first admin token[^:]*: (qjs_\S+)/))[1] ?? ''
    const tokens = await setUpMember(url, admin, 4)

    // Short leases (heartbeats every ~330 ms) so the dead worker's jobs come back quickly.
    const workerArgs = ['--role', 'worker', '--concurrency', '2', '--lease-ms', '1000']
    const workers = [0, 1, 2].map(() =>
      spawnServe([...workerArgs, '--reap-interval-ms', '250', ...common]),
    )
    processes.push(...workers)
    const workerIds = await Promise.all(
      workers.map(async (w) => (await w.waitFor('stdout', /worker (\S+) running/))[1] ?? ''),
    )
    const ids = submitAll(url, tokens, JOBS)

    // Kill worker 0 while it holds leases (it always does while the queue is not empty).
    const victim = workers[0]
    const victimId = workerIds[0] ?? ''
    const deadline = Date.now() + 30_000
    while ((await countWhere(database.url, 'lease_owner like $1', [`${victimId}/%`])) === 0) {
      if (Date.now() > deadline) throw new Error('worker 0 never claimed a job')
      await sleep(20)
    }
    victim?.child.kill('SIGKILL')
    expect(await victim?.exited).toBe('SIGKILL')
    const orphaned = await countWhere(database.url, "lease_owner like $1 and status = 'RUNNING'", [
      `${victimId}/%`,
    ])

    const submitted = await ids
    expect(new Set(submitted).size).toBe(JOBS)
    const end = Date.now() + 60_000
    while ((await countWhere(database.url, 'status = any($1)', [FINAL])) < JOBS) {
      if (Date.now() > end) throw new Error('jobs did not all finish within 60 s')
      await sleep(250)
    }

    // Every submitted job exists and COMPLETED; nothing else is in the table.
    const rows = await query(database.url, 'select id, status, attempt from jobs')
    expect(rows).toHaveLength(JOBS)
    expect(new Set(rows.map((r) => r['id']))).toEqual(new Set(submitted))
    expect(rows.filter((r) => r['status'] !== 'COMPLETED')).toEqual([])
    // The killed worker's running jobs were requeued (a second attempt) and completed.
    expect(orphaned).toBeGreaterThan(0)
    const retried = rows.filter((r) => Number(r['attempt']) > 1).length
    expect(retried).toBeGreaterThanOrEqual(orphaned)

    // The event log: exactly one COMPLETED status event per job, and no FAILED one.
    const events = await query(
      database.url,
      "select job_id, data_json from job_events where type = 'job.status'",
    )
    const completions = new Map<string, number>()
    let failures = 0
    for (const event of events) {
      const status = (JSON.parse(String(event['data_json'])) as { status?: string }).status
      const job = String(event['job_id'])
      if (status === 'COMPLETED') completions.set(job, (completions.get(job) ?? 0) + 1)
      if (status === 'FAILED') failures++
    }
    expect(failures).toBe(0)
    expect(completions.size).toBe(JOBS)
    expect([...completions.values()].every((n) => n === 1)).toBe(true)

    // A result read back over HTTP is a Bell distribution: only 00 and 11, summing to the shots.
    const result = await call(`${url}/v1/jobs/${submitted[0] ?? ''}/result`, tokens[0] ?? '', {
      method: 'GET',
    })
    expect(result.status).toBe(200)
    const counts = (result.json as { results: { data: { counts: Record<string, number> } }[] })
      .results[0]?.data.counts
    expect(Object.keys(counts ?? {}).every((k) => k === '0x0' || k === '0x3')).toBe(true)
    expect(Object.values(counts ?? {}).reduce((a, b) => a + b, 0)).toBe(SHOTS)

    // The survivors and the API shut down cleanly on SIGTERM.
    for (const p of [api, ...workers.slice(1)]) p.child.kill('SIGTERM')
    expect(await Promise.all([api, ...workers.slice(1)].map((p) => p.exited))).toEqual([0, 0, 0])
  }, 120_000)
})
