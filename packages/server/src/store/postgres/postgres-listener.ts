import { isServiceJobStatus } from '@qfabric/protocol'
import pg from 'pg'
import type { ChangeHub } from '../change-hub.js'
import type { JobChange } from '../job-store.js'

/** The channel every store of every process notifies and listens on. */
export const NOTIFY_CHANNEL = 'qfabric_jobs'

/** A notification's payload (JSON): schema, backends with new work, jobs with new events. */
export interface ChangePayload {
  /** The schema the change happened in (stores in other schemas ignore it). */
  readonly s: string
  /** Backends that got claimable jobs. */
  readonly w?: readonly string[]
  /** `[jobId, seq]` pairs, or `[jobId, seq, status]` (the status after the change). */
  readonly j?: readonly (readonly [string, number, string?])[]
  /** Present when users, tokens or memberships changed. */
  readonly a?: 1
}

const RECONNECT_MS = 1000

/**
 * The dedicated connection that `LISTEN`s for changes made by any process and hands them to
 * this process's {@link ChangeHub}. It reconnects after errors; a notification lost meanwhile
 * costs at most one `waitForWork` timeout.
 */
export class PostgresListener {
  readonly #config: pg.ClientConfig
  readonly #schema: string
  readonly #hub: ChangeHub
  #client: pg.Client | undefined
  #closed = false
  #timer: ReturnType<typeof setTimeout> | undefined

  /**
   * @param config - how to connect
   * @param scope - the schema to listen for and the hub to deliver to
   */
  constructor(
    config: pg.ClientConfig,
    scope: { readonly schema: string; readonly hub: ChangeHub },
  ) {
    this.#config = config
    this.#schema = scope.schema
    this.#hub = scope.hub
  }

  /** Connects and starts listening. */
  async start(): Promise<void> {
    const client = new pg.Client(this.#config)
    client.on('notification', (message) => {
      this.#receive(message.payload)
    })
    client.on('error', () => {
      this.#lost(client)
    })
    client.on('end', () => {
      this.#lost(client)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`)
    } catch (error) {
      silence(client)
      await client.end().catch(() => undefined)
      throw error
    }
    if (this.#closed) {
      await client.end().catch(() => undefined)
      return
    }
    this.#client = client
  }

  /** Stops listening and closes the connection. */
  async stop(): Promise<void> {
    this.#closed = true
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    const client = this.#client
    this.#client = undefined
    if (client !== undefined) silence(client)
    await client?.end().catch(() => undefined)
  }

  #receive(payload: string | undefined): void {
    if (payload === undefined) return
    let parsed: ChangePayload
    try {
      parsed = JSON.parse(payload) as ChangePayload
    } catch {
      return // not ours
    }
    if (parsed.s !== this.#schema) return
    if (parsed.a === 1) this.#hub.deliverAccounts()
    const jobs: JobChange[] = (parsed.j ?? []).map(([jobId, seq, status]) => ({
      jobId,
      seq,
      status: isServiceJobStatus(status) ? status : undefined,
    }))
    this.#hub.deliver({ jobs, hasWork: (parsed.w ?? []).length > 0 })
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return
    this.#client = undefined
    silence(client)
    client.end().catch(() => undefined)
    this.#reconnectLater()
  }

  #reconnectLater(): void {
    if (this.#closed || this.#timer !== undefined) return
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      if (this.#closed) return
      // Notifications may have been missed: wake workers so that they poll once, and forget
      // cached principals.
      this.#hub.deliver({ jobs: [], hasWork: true })
      this.#hub.deliverAccounts()
      this.start().catch(() => {
        this.#reconnectLater()
      })
    }, RECONNECT_MS)
  }
}

// Drops our handlers but keeps one for 'error': an unhandled 'error' event would crash the process.
function silence(client: pg.Client): void {
  client.removeAllListeners()
  client.on('error', () => undefined)
}
