/**
 * A real qfabric job service for client tests: `createServer` listening on 127.0.0.1 (port 0),
 * a SQLite file in a fresh temporary directory, `@qfabric/sim` backends run by a fast-polling
 * {@link WorkerExecutor}, and one instance with a member token provisioned through
 * {@link ServiceAdmin.provisionMember} — what a user of a self-hosted service has. Copy it freely.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createServer,
  WorkerExecutor,
  type QfabricServer,
  type ServerLimits,
} from '@qfabric/server'
import { ServiceAdmin } from '../../src/admin/service-admin.js'

/** The backends every fixture server has. */
export const FIXTURE_BACKENDS = {
  backends: [
    { name: 'qasm_simulator', source: 'local:qasm_simulator' },
    { name: 'statevector_simulator', source: 'local:statevector_simulator' },
    { name: 'fake_manila', source: 'fake:fake_manila', kind: 'qpu' },
    // No worker serves `parked`: its jobs stay QUEUED (queue positions, cancelling queued jobs).
    { name: 'parked', source: 'local:qasm_simulator' },
  ],
} as const

/** The backends the workers run (`parked` is left alone on purpose). */
export const WORKED_BACKENDS: readonly string[] = [
  'qasm_simulator',
  'statevector_simulator',
  'fake_manila',
]

/** The instance the member token can use. */
export const FIXTURE_INSTANCE = 'acme/research/vqe'

/** A running fixture service. */
export interface ServiceFixture extends AsyncDisposable {
  /** The base URL, `http://127.0.0.1:<port>`. */
  readonly url: string
  /** A token with every scope (the `admin` account). */
  readonly adminToken: string
  /** A member of {@link FIXTURE_INSTANCE}: `jobs:read`, `jobs:write`, `backends:read`. */
  readonly token: string
  /** {@link FIXTURE_INSTANCE}. */
  readonly instance: string
  /** The server handle (for its store or event hub). */
  readonly server: QfabricServer
  /** Stops the server and removes its data. */
  close(): Promise<void>
}

/** Options of {@link startServiceFixture}. */
export interface ServiceFixtureOptions {
  /** Server limits to override (e.g. a smaller `requestBurst`). */
  readonly limits?: Partial<ServerLimits>
}

/**
 * Starts a fixture service.
 *
 * @param options - limits to override
 * @returns the running service; `await using` it, or call `close()`
 */
export async function startServiceFixture(
  options: ServiceFixtureOptions = {},
): Promise<ServiceFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'qfabric-client-'))
  let server: QfabricServer | undefined
  try {
    server = await createServer({
      dataDir,
      logger: false,
      backends: {
        backends: FIXTURE_BACKENDS.backends.map((b) => ({ ...b })),
      },
      executor: new WorkerExecutor({
        concurrency: 2,
        pollMs: 50,
        reapIntervalMs: 200,
        drainMs: 100,
        backends: WORKED_BACKENDS,
      }),
      onFirstAdminToken: null,
      limits: {
        sseHeartbeatSeconds: 0.5,
        eventPollMs: 100,
        pollAfterSeconds: 0.1,
        ...options.limits,
      },
    })
    const adminToken = await server.createAdminToken()
    const admin = new ServiceAdmin({ url: server.url, token: adminToken })
    const member = await admin.provisionMember({ instance: FIXTURE_INSTANCE, login: 'alice' })
    const token = member.token.token
    const running = server
    const close = async (): Promise<void> => {
      await running.close()
      await rm(dataDir, { recursive: true, force: true })
    }
    return {
      url: server.url,
      adminToken,
      token,
      instance: FIXTURE_INSTANCE,
      server,
      close,
      [Symbol.asyncDispose]: close,
    }
  } catch (error) {
    await server?.close()
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
}
