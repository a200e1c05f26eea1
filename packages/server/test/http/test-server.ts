/**
 * A server for in-process tests: in-memory SQLite (or PostgreSQL), test backends (an
 * all-to-all simulator and a device built from IBM's real `fake_manila` snapshot), a manual
 * executor, an admin token, and a project with a member.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { Backend } from '@qfabric/core/providers'
import {
  BackendConfiguration,
  BackendProperties,
  convertToTarget,
  Target,
  type BackendConfigurationJson,
  type BackendPropertiesJson,
} from '@qfabric/core/target'
import type { ResultJson } from '@qfabric/core/providers'
import type { HTTPMethods, InjectOptions, LightMyRequestResponse } from 'fastify'
import { BackendRegistry } from '../../src/app/backend-registry.js'
import { ManualExecutor } from '../../src/app/manual-executor.js'
import type { BackendsConfig } from '../../src/config/backends-config.js'
import { createServer, type QfabricServer, type ServerOptions } from '../../src/create-server.js'
import { dropDatabase } from '../store/postgres/test-database.js'

// The repository's shared test data (real IBM device snapshots), next to the checkout.
const DATA = fileURLToPath(
  new URL('../../../../../shared/data/qiskit-fake-backends/manila', import.meta.url),
)

function readJson<TValue>(path: string): TValue {
  return JSON.parse(readFileSync(path, 'utf8')) as TValue
}

/** The real `fake_manila` configuration and calibration snapshots. */
export const MANILA_CONF = readJson<BackendConfigurationJson>(`${DATA}/conf_manila.json`)
export const MANILA_PROPS = readJson<BackendPropertiesJson>(`${DATA}/props_manila.json`)

interface TestBackendInit {
  readonly name: string
  readonly target: Target
  readonly configuration?: BackendConfiguration
  readonly properties?: BackendProperties
}

/** A backend with just what the HTTP layer reads (it never runs: the executor is manual). */
export function testBackend(init: TestBackendInit): Backend {
  const backend = {
    name: init.name,
    description: `test backend ${init.name}`,
    backendVersion: '1.2.3',
    onlineDate: null,
    target: init.target,
    numQubits: init.target.numQubits,
    couplingMap: init.target.buildCouplingMap(),
    operationNames: init.target.operationNames,
    dt: null,
    maxCircuits: null,
    qubitProperties: () => null,
    run: () => Promise.reject(new Error('test backends do not run')),
    ...(init.configuration === undefined
      ? {}
      : { configuration: () => Promise.resolve(init.configuration) }),
    ...(init.properties === undefined
      ? {}
      : { properties: () => Promise.resolve(init.properties) }),
  }
  return backend as unknown as Backend
}

/** The backend registry of the tests: source `test` with `sim` and `manila`. */
export function testRegistry(): BackendRegistry {
  const simTarget = Target.fromConfiguration({
    basisGates: [
      'h',
      'x',
      'y',
      'z',
      's',
      'sdg',
      't',
      'rx',
      'ry',
      'rz',
      'cx',
      'cz',
      'swap',
      'reset',
      'measure',
    ],
    numQubits: 8,
  })
  const configuration = BackendConfiguration.fromJSON(MANILA_CONF)
  const properties = BackendProperties.fromJSON(MANILA_PROPS)
  const manilaTarget = convertToTarget(configuration, properties)
  const backends = new Map<string, Backend>([
    ['sim', testBackend({ name: 'sim', target: simTarget })],
    ['manila', testBackend({ name: 'manila', target: manilaTarget, configuration, properties })],
  ])
  return new BackendRegistry().register('test', {
    getBackend: (name) => {
      const backend = backends.get(name)
      return backend === undefined
        ? Promise.reject(new Error(`no ${name}`))
        : Promise.resolve(backend)
    },
  })
}

/**
 * The test backends: `sim` everywhere, `device` (manila) everywhere, `acme-only` only in acme,
 * `maint` in maintenance.
 */
export const TEST_BACKENDS: BackendsConfig = {
  backends: [
    { name: 'sim', source: 'test:sim', limits: { max_shots: 10_000, max_circuits: 5 } },
    { name: 'device', source: 'test:manila', kind: 'qpu' },
    { name: 'acme-only', source: 'test:sim', instances: ['acme'] },
    { name: 'maint', source: 'test:sim', status: 'maintenance', status_message: 'recalibrating' },
  ],
}

/** A response, parsed. */
export interface TestResponse {
  readonly status: number
  readonly headers: LightMyRequestResponse['headers']
  readonly body: string
  /** The body as JSON (`undefined` when empty). */
  readonly json: unknown
}

/** Request options of {@link TestServer.request}. */
export interface TestRequest {
  readonly token?: string | undefined
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
}

/** A started test server. */
export interface TestServer extends AsyncDisposable {
  readonly server: QfabricServer
  readonly executor: ManualExecutor
  readonly adminToken: string
  /** A member of `acme/research/vqe`. */
  readonly alice: { readonly id: string; readonly token: string }
  /** A member of `other/lab/main` only. */
  readonly bob: { readonly id: string; readonly token: string }
  request(method: HTTPMethods, url: string, options?: TestRequest): Promise<TestResponse>
  close(): Promise<void>
}

/** Bell circuit, OpenQASM 3. */
export const BELL_QASM3 =
  'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n'

/** A minimal Qiskit-shaped result for a job. */
export function bellResult(jobId: string): ResultJson {
  return {
    backend_name: 'sim',
    backend_version: '1.2.3',
    job_id: jobId,
    success: true,
    results: [{ shots: 100, success: true, data: { counts: { '0x0': 52, '0x3': 48 } } }],
  }
}

async function inject(
  server: QfabricServer,
  method: HTTPMethods,
  url: string,
  options: TestRequest = {},
): Promise<TestResponse> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`
  const request: InjectOptions = { method, url, headers }
  if (options.body !== undefined)
    request.payload = options.body as NonNullable<InjectOptions['payload']>
  const response: LightMyRequestResponse = await server.app.inject(request)
  const body = response.body
  let json: unknown
  try {
    json = body === '' ? undefined : (JSON.parse(body) as unknown)
  } catch {
    json = undefined
  }
  return { status: response.statusCode, headers: response.headers, body, json }
}

/**
 * Starts a test server with two projects and two users.
 *
 * @param options - extra server options
 * @returns the server and helpers
 */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const executor = new ManualExecutor()
  const server = await createServer({
    listen: false,
    logger: false,
    backends: TEST_BACKENDS,
    backendRegistry: testRegistry(),
    executor,
    onFirstAdminToken: null,
    ...options,
  })
  const adminToken = await server.createAdminToken()
  const call = (method: HTTPMethods, url: string, o?: TestRequest) => inject(server, method, url, o)
  const admin = { token: adminToken }
  const setUp = async (login: string, instance: string) => {
    const created = await call('POST', `/v1/instances/${instance}`, { ...admin, body: {} })
    if (created.status !== 201 && created.status !== 409) throw new Error(created.body)
    const user = await call('POST', '/v1/users', { ...admin, body: { login } })
    const id = (user.json as { id: string }).id
    await call('POST', '/v1/memberships', {
      ...admin,
      body: { user_id: id, instance, role: 'member' },
    })
    const token = await call('POST', '/v1/tokens', {
      ...admin,
      body: { name: login, scopes: ['jobs:read', 'jobs:write', 'backends:read'], user_id: id },
    })
    if (token.status !== 201) throw new Error(token.body)
    return { id, token: (token.json as { token: string }).token }
  }
  const alice = await setUp('alice', 'acme/research/vqe')
  const bob = await setUp('bob', 'other/lab/main')
  const close = () => server.close()
  return {
    server,
    executor,
    adminToken,
    alice,
    bob,
    request: call,
    close,
    [Symbol.asyncDispose]: close,
  }
}

/** Where the tests' PostgreSQL server is (trust auth); override with QFABRIC_TEST_PG. */
export const POSTGRES_ADMIN_URL =
  process.env['QFABRIC_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A throwaway PostgreSQL database for one test file. */
export interface TestDatabase {
  /** Its connection URL. */
  readonly url: string
  /** Drops it (closing every connection). */
  drop(): Promise<void>
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * Creates a fresh database `qfabric_http_<random>` so parallel runs never collide.
 *
 * @returns the database
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `qfabric_http_${randomUUID().replaceAll('-', '').slice(0, 16)}`
  await adminQuery(`CREATE DATABASE ${name}`)
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => dropDatabase(name),
  }
}
