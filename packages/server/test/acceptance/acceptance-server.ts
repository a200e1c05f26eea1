/**
 * Real servers for the acceptance checks (§8.15): listening on 127.0.0.1, `@qfabric/sim`
 * backends run by a {@link WorkerExecutor}, storage in a SQLite file or a fresh PostgreSQL
 * database that outlives each server (so restarts see the same jobs), and two members in two
 * instances talking plain `fetch`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { JobRecord, ServiceJobStatus } from '@qfabric/protocol'
import type { BackendsConfig } from '../../src/config/backends-config.js'
import type { ServerLimits } from '../../src/config/server-limits.js'
import { createServer, type QfabricServer } from '../../src/create-server.js'
import { WorkerExecutor, type WorkerExecutorOptions } from '../../src/worker/worker-executor.js'
import { createTestDatabase } from '../http/test-server.js'

/** The storage kinds every check runs on. */
export type StorageKind = 'sqlite' | 'postgres'

/**
 * The backends: the simulator and `fake_manila` (run by the workers), `parked` (a simulator no
 * worker serves, so its jobs stay QUEUED) and `other_only` (visible to the `other` hub only).
 */
export const ACCEPTANCE_BACKENDS: BackendsConfig = {
  backends: [
    { name: 'qasm_simulator', source: 'local:qasm_simulator' },
    { name: 'fake_manila', source: 'fake:fake_manila', kind: 'qpu' },
    { name: 'parked', source: 'local:qasm_simulator' },
    { name: 'other_only', source: 'local:qasm_simulator', instances: ['other'] },
  ],
}

/** The backends the workers run (`parked` is left alone on purpose). */
export const WORKED_BACKENDS: readonly string[] = ['qasm_simulator', 'fake_manila', 'other_only']

/** Bell circuit, OpenQASM 2. */
export const BELL_QASM =
  'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'

/** Where a server keeps its data; shared by the servers started on it. */
export interface Storage {
  readonly kind: StorageKind
  /** The server options that select it. */
  readonly options: { readonly dataDir: string } | { readonly db: string }
  /** The SQLite file, when `kind` is `sqlite`. */
  readonly sqliteFile?: string
  /** Removes the directory or drops the database. */
  dispose(): Promise<void>
}

/**
 * Opens fresh storage: a temporary directory for a SQLite file, or a new PostgreSQL database.
 *
 * @param kind - which database
 * @returns the storage
 */
export async function openStorage(kind: StorageKind): Promise<Storage> {
  if (kind === 'postgres') {
    const database = await createTestDatabase()
    return { kind, options: { db: database.url }, dispose: () => database.drop() }
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'qfabric-accept-'))
  return {
    kind,
    options: { dataDir },
    sqliteFile: join(dataDir, 'qfabric.db'),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  }
}

/** A parsed HTTP answer. */
export interface Reply {
  readonly status: number
  readonly headers: Headers
  /** The body as JSON (`undefined` when empty or not JSON). */
  readonly json: unknown
}

/** Request options of {@link Client.call}. */
export interface CallOptions {
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** A stateless HTTP client: a base URL and a bearer token, nothing else. */
export interface Client {
  readonly token: string
  call(method: string, path: string, options?: CallOptions): Promise<Reply>
  /** Polls `GET /v1/jobs/{id}` until `done(job)` (throws after `timeoutMs`). */
  waitUntil(id: string, done: (job: JobRecord) => boolean, timeoutMs?: number): Promise<JobRecord>
  /** Polls until the job reaches one of `statuses`. */
  waitFor(id: string, statuses: readonly ServiceJobStatus[], timeoutMs?: number): Promise<JobRecord>
}

/**
 * A client of a server, as a fresh process would have one: a `fetch` with the token only.
 *
 * @param baseUrl - the server URL
 * @param token - a bearer token (empty for none)
 * @returns the client
 */
export function client(baseUrl: string, token: string): Client {
  const call = async (method: string, path: string, options: CallOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers }
    if (token !== '') headers['authorization'] = `Bearer ${token}`
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    })
    const text = await response.text()
    let json: unknown
    try {
      json = text === '' ? undefined : (JSON.parse(text) as unknown)
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, json }
  }
  const waitUntil = async (id: string, done: (job: JobRecord) => boolean, timeoutMs = 20_000) => {
    const end = Date.now() + timeoutMs
    for (;;) {
      const job = (await call('GET', `/v1/jobs/${id}`)).json as JobRecord
      if (done(job)) return job
      if (Date.now() > end) throw new Error(`job ${id} still ${job.status}/${String(job.phase)}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
  return {
    token,
    call,
    waitUntil,
    waitFor: (id, statuses, timeoutMs) =>
      waitUntil(id, (job) => statuses.includes(job.status), timeoutMs),
  }
}

/** The tokens of the two members; servers on one storage share them. */
export interface Members {
  /** Member of `acme/research/vqe`. */
  readonly alice: string
  /** Member of `other/lab/main`. */
  readonly bob: string
  /** An admin token. */
  readonly admin: string
}

/** A started acceptance server. */
export interface AcceptanceServer extends AsyncDisposable {
  readonly server: QfabricServer
  readonly executor: WorkerExecutor
  readonly members: Members
  readonly alice: Client
  readonly bob: Client
  readonly admin: Client
  close(): Promise<void>
}

async function createMembers(server: QfabricServer): Promise<Members> {
  const adminToken = await server.createAdminToken()
  const admin = client(server.url, adminToken)
  const setUp = async (login: string, instance: string): Promise<string> => {
    await admin.call('POST', `/v1/instances/${instance}`, { body: {} })
    const user = await admin.call('POST', '/v1/users', { body: { login } })
    const userId = (user.json as { id: string }).id
    await admin.call('POST', '/v1/memberships', {
      body: { user_id: userId, instance, role: 'member' },
    })
    const token = await admin.call('POST', '/v1/tokens', {
      body: { name: login, scopes: ['jobs:read', 'jobs:write', 'backends:read'], user_id: userId },
    })
    if (token.status !== 201) throw new Error(JSON.stringify(token.json))
    return (token.json as { token: string }).token
  }
  return {
    admin: adminToken,
    alice: await setUp('alice', 'acme/research/vqe'),
    bob: await setUp('bob', 'other/lab/main'),
  }
}

/** Options of {@link startAcceptanceServer}. */
export interface AcceptanceServerOptions {
  /** Worker options (default: two loops on {@link WORKED_BACKENDS}, fast polling and reaping). */
  readonly worker?: WorkerExecutorOptions
  readonly limits?: Partial<ServerLimits>
  /** The members of an earlier server on the same storage. */
  readonly members?: Members
}

/**
 * Starts a listening server on the storage, with workers.
 *
 * @param storage - where the data lives
 * @param options - worker options, limits, existing members
 * @returns the server and a client per member
 */
export async function startAcceptanceServer(
  storage: Storage,
  options: AcceptanceServerOptions = {},
): Promise<AcceptanceServer> {
  const executor = new WorkerExecutor({
    concurrency: 2,
    pollMs: 100,
    reapIntervalMs: 100,
    drainMs: 100,
    backends: WORKED_BACKENDS,
    ...options.worker,
  })
  const server = await createServer({
    ...storage.options,
    logger: false,
    backends: ACCEPTANCE_BACKENDS,
    executor,
    onFirstAdminToken: null,
    limits: { sseHeartbeatSeconds: 0.5, eventPollMs: 200, ...options.limits },
  })
  const members = options.members ?? (await createMembers(server))
  const close = () => server.close()
  return {
    server,
    executor,
    members,
    alice: client(server.url, members.alice),
    bob: client(server.url, members.bob),
    admin: client(server.url, members.admin),
    close,
    [Symbol.asyncDispose]: close,
  }
}

/**
 * A circuit that keeps a statevector simulator busy: `layers` of rotations on every qubit and a
 * CX chain (no stabilizer shortcut), then measurements.
 *
 * @param qubits - width
 * @param layers - depth
 * @returns OpenQASM 2 text
 */
export function busyQasm(qubits: number, layers: number): string {
  const lines = [
    'OPENQASM 2.0;',
    'include "qelib1.inc";',
    `qreg q[${qubits}];`,
    `creg c[${qubits}];`,
  ]
  for (let l = 0; l < layers; l++) {
    for (let q = 0; q < qubits; q++) lines.push(`rx(${0.1 + 0.01 * l}) q[${q}];`)
    for (let q = 0; q + 1 < qubits; q++) lines.push(`cx q[${q}],q[${q + 1}];`)
  }
  lines.push('measure q -> c;')
  return lines.join('\n') + '\n'
}

/**
 * A submission body.
 *
 * @param backend - backend name
 * @param qasm - one circuit or several
 * @param extra - more fields (shots, tags, …)
 * @returns the body of `POST /v1/jobs`
 */
export function jobBody(
  backend: string,
  qasm: string | readonly string[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const texts = typeof qasm === 'string' ? [qasm] : qasm
  return { backend, shots: 100, input: { circuits: texts.map((q) => ({ qasm: q })) }, ...extra }
}

/**
 * Submits a job and expects 201.
 *
 * @param who - the client
 * @param body - the submission
 * @param headers - extra headers
 * @returns the job record
 * @throws Error when the answer is not 201
 */
export async function submitJob(
  who: Client,
  body: Record<string, unknown>,
  headers: Readonly<Record<string, string>> = {},
): Promise<JobRecord> {
  const r = await who.call('POST', '/v1/jobs', { body, headers })
  if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.json)}`)
  return r.json as JobRecord
}
