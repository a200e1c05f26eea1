/**
 * A real qfabric job service for the CLI's remote commands (copied from the client's test
 * fixture): `createServer` on 127.0.0.1 (port 0), SQLite in a fresh temporary directory,
 * `@qfabric/sim` backends run by a fast-polling `WorkerExecutor`, one instance with a member
 * token provisioned through the client's `ServiceAdmin.provisionMember`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ServiceAdmin } from '@qfabric/client'
import { createServer, WorkerExecutor, type QfabricServer } from '@qfabric/server'

/** The instance the member token can use. */
export const FIXTURE_INSTANCE = 'acme/research/vqe'

/** A running fixture service. */
export interface ServiceFixture extends AsyncDisposable {
  /** The base URL, `http://127.0.0.1:<port>`. */
  readonly url: string
  /** A member of {@link FIXTURE_INSTANCE}: `jobs:read`, `jobs:write`, `backends:read`. */
  readonly token: string
  readonly instance: string
  /** Stops the server and removes its data. */
  close(): Promise<void>
}

/**
 * Starts a fixture service with `qasm_simulator`, `fake_manila` (a QPU) and `parked` (a
 * simulator no worker serves: its jobs stay queued).
 *
 * @returns the running service
 */
export async function startServiceFixture(): Promise<ServiceFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'qfabric-cli-service-'))
  let server: QfabricServer | undefined
  try {
    server = await createServer({
      dataDir,
      logger: false,
      backends: {
        backends: [
          { name: 'qasm_simulator', source: 'local:qasm_simulator' },
          { name: 'fake_manila', source: 'fake:fake_manila', kind: 'qpu' },
          { name: 'parked', source: 'local:qasm_simulator' },
        ],
      },
      executor: new WorkerExecutor({
        concurrency: 2,
        pollMs: 50,
        reapIntervalMs: 200,
        drainMs: 100,
        backends: ['qasm_simulator', 'fake_manila'],
      }),
      onFirstAdminToken: null,
      limits: { sseHeartbeatSeconds: 0.5, eventPollMs: 100 },
    })
    const admin = new ServiceAdmin({ url: server.url, token: await server.createAdminToken() })
    const member = await admin.provisionMember({ instance: FIXTURE_INSTANCE, login: 'alice' })
    const token = member.token.token
    const running = server
    const close = async (): Promise<void> => {
      await running.close()
      await rm(dataDir, { recursive: true, force: true })
    }
    return {
      url: server.url,
      token,
      instance: FIXTURE_INSTANCE,
      close,
      [Symbol.asyncDispose]: close,
    }
  } catch (error) {
    await server?.close()
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
}
