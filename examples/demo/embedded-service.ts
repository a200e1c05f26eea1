/**
 * A qfabric job service inside this process, as the demo and the examples' tests run it:
 * `createServer` on 127.0.0.1 (a free port), SQLite in a fresh temporary directory, a
 * `WorkerExecutor` running the `@qfabric/sim` backends, and one instance with a member token
 * provisioned through the client's `ServiceAdmin.provisionMember` — what a self-hosted service gives a user.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ServiceAdmin } from '@qfabric/client'
import { createServer, WorkerExecutor, type QfabricServer } from '@qfabric/server'

/** The backends of the demo: the ideal simulator and a noisy fake of IBM's 5-qubit Manila. */
export const DEMO_BACKENDS = [
  { name: 'qasm_simulator', source: 'local:qasm_simulator' },
  { name: 'fake_manila', source: 'fake:fake_manila', kind: 'qpu' },
] as const

/** The instance (`hub/group/project`) the member token may use. */
export const DEMO_INSTANCE = 'demo/research/bell'

/** Options of {@link startEmbeddedService}. */
export interface EmbeddedServiceOptions {
  /** How many jobs the workers run at once (default 1: later jobs wait in the queue). */
  readonly concurrency?: number | undefined
}

/** A running embedded service. */
export interface EmbeddedService extends AsyncDisposable {
  /** The service's base URL, `http://127.0.0.1:<port>`. */
  readonly url: string
  /** A member token of {@link DEMO_INSTANCE} (`jobs:read`, `jobs:write`, `backends:read`). */
  readonly token: string
  /** {@link DEMO_INSTANCE}. */
  readonly instance: string
  /** The temporary directory holding the database (and whatever else the caller puts there). */
  readonly dataDir: string
  /** The server handle. */
  readonly server: QfabricServer
  /** Stops the server and removes {@link dataDir}. */
  close(): Promise<void>
}

/**
 * Starts the service and provisions a member.
 *
 * @param options - the worker concurrency
 * @returns the running service; `await using` it or call `close()`
 */
export async function startEmbeddedService(
  options: EmbeddedServiceOptions = {},
): Promise<EmbeddedService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'qfabric-demo-'))
  let server: QfabricServer | undefined
  try {
    server = await createServer({
      dataDir,
      host: '127.0.0.1',
      port: 0,
      logger: false,
      backends: { backends: DEMO_BACKENDS.map((b) => ({ ...b })) },
      // Fast polling and short SSE heartbeats: a demo should feel live, not efficient.
      executor: new WorkerExecutor({
        concurrency: options.concurrency ?? 1,
        pollMs: 50,
        reapIntervalMs: 500,
        drainMs: 100,
      }),
      limits: { sseHeartbeatSeconds: 0.5, eventPollMs: 100, pollAfterSeconds: 0.1 },
      onFirstAdminToken: null,
    })
    // The instance, a member `ada` and her token, as an operator would set them up.
    const admin = new ServiceAdmin({ url: server.url, token: await server.createAdminToken() })
    const member = await admin.provisionMember({
      instance: DEMO_INSTANCE,
      login: 'ada',
      tokenName: 'ada (demo)',
    })
    const token = member.token.token
    const running = server
    const close = async (): Promise<void> => {
      await running.close()
      await rm(dataDir, { recursive: true, force: true })
    }
    return {
      url: server.url,
      token,
      instance: DEMO_INSTANCE,
      dataDir,
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
