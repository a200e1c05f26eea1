import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createManualClock } from '../../../src/store/clock.js'
import { isJobStoreError } from '../../../src/store/job-store-error.js'
import { PostgresJobStore } from '../../../src/store/postgres/postgres-job-store.js'
import { newJob, seed, SEED, simBackend } from '../suite/store-fixture.js'
import { useTestDatabase } from './test-database.js'

const DATABASE_URL = useTestDatabase()
const LEASE = 30_000

const SIM = simBackend()

/** A statement as `pg` was asked to run it: its text, and its name if prepared. */
interface Sent {
  readonly text: string
  readonly name: string | undefined
}

/**
 * The round trips to PostgreSQL per store operation: every `query` of a `pg` client is one
 * (`pg` waits for each statement's answer before it sends the next). The store's listener
 * connection sends nothing while an operation runs.
 */
describe('PostgreSQL round trips per operation', () => {
  let store: PostgresJobStore
  const query = vi.spyOn(pg.Client.prototype, 'query')

  beforeAll(async () => {
    store = await PostgresJobStore.open({
      connectionString: DATABASE_URL,
      schema: 'round_trips',
      clock: createManualClock(),
    })
    await seed(store)
    await store.upsertInstance(SEED.ops, { max_running_jobs: 5, max_pending_jobs: 100 })
    await store.upsertBackend(SIM)
    await store.upsertBackend({ ...SIM, name: 'limited' })
    // Loads the instance tree (cached from then on) and prepares the statements.
    await store.createJob(newJob({ backend: 'warm-up' }))
    await store.createJob(newJob({ backend: 'warm-up', instance: SEED.ops }))
  })
  afterAll(async () => {
    query.mockRestore()
    await store.close()
  })

  async function sent(operation: () => Promise<unknown>): Promise<Sent[]> {
    query.mockClear()
    await operation()
    return query.mock.calls.map(([first]: unknown[]) =>
      typeof first === 'string'
        ? { text: first, name: undefined }
        : {
            text: String((first as { text?: unknown }).text),
            name: (first as { name?: string }).name,
          },
    )
  }

  /** The statements in a failure message, one per line. */
  const show = (statements: readonly Sent[]): string =>
    statements.map((s) => s.text.replace(/\s+/g, ' ').slice(0, 100)).join('\n')

  it('submits in 4: begin, insert, events with notice, commit', async () => {
    const statements = await sent(() => store.createJob(newJob()))
    expect(statements, show(statements)).toHaveLength(4)
  })

  it('submits with an idempotency key in 6, with tags in 7', async () => {
    const keyed = await sent(() =>
      store.createJob(newJob(), { idempotencyKey: 'k-1', requestHash: 'h' }),
    )
    expect(keyed, show(keyed)).toHaveLength(6)
    const tagged = await sent(() =>
      store.createJob(newJob({ tags: ['a', 'b'] }), { idempotencyKey: 'k-2', requestHash: 'h' }),
    )
    expect(tagged, show(tagged)).toHaveLength(7)
  })

  it('submits to an instance with limits in 6 (instance lock and count)', async () => {
    // Not on `sim`: the unlimited claim below must not find this job first (equal times, then ids).
    const statements = await sent(() =>
      store.createJob(newJob({ instance: SEED.ops, backend: 'limited' })),
    )
    expect(statements, show(statements)).toHaveLength(6)
  })

  it('claims in 4: begin, pick-and-update, events with notice, commit', async () => {
    await store.createJob(newJob())
    let claimed: Awaited<ReturnType<typeof store.claimNext>>
    const statements = await sent(async () => {
      claimed = await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: LEASE })
    })
    expect(statements, show(statements)).toHaveLength(4)
    expect(claimed).toMatchObject({
      status: 'RUNNING',
      backend_snapshot: { version: '1.0', calibration_id: 'cal-1' },
    })
  })

  it('claims from an instance with a running limit in 5 (recount under the instance lock)', async () => {
    await store.createJob(newJob({ instance: SEED.ops, backend: 'limited' }))
    const statements = await sent(() =>
      store.claimNext({ workerId: 'w', backends: ['limited'], leaseMs: LEASE }),
    )
    expect(statements, show(statements)).toHaveLength(5)
  })

  it('finds nothing to claim in 3', async () => {
    const statements = await sent(() =>
      store.claimNext({ workerId: 'w', backends: ['none'], leaseMs: LEASE }),
    )
    expect(statements, show(statements)).toHaveLength(3)
  })

  it('renews a lease in 1, completes in 5, reads a job in 1', async () => {
    const { job } = await store.createJob(newJob({ backend: 'run' }))
    await store.claimNext({ workerId: 'w', backends: ['run'], leaseMs: LEASE })
    const renew = await sent(() => store.heartbeat(job.id, 'w', LEASE))
    expect(renew, show(renew)).toHaveLength(1)
    const complete = await sent(() => store.complete(job.id, 'w', { body: '{}' }))
    expect(complete, show(complete)).toHaveLength(5)
    const read = await sent(() => store.getJob(job.id))
    expect(read, show(read)).toHaveLength(1)
  })

  it('runs the hot statements as named prepared statements', async () => {
    const { job } = await store.createJob(newJob({ backend: 'named' }))
    const statements = [
      ...(await sent(() =>
        store.claimNext({ workerId: 'w', backends: ['named'], leaseMs: LEASE }),
      )),
      ...(await sent(() => store.heartbeat(job.id, 'w', LEASE))),
      ...(await sent(() => store.complete(job.id, 'w', { body: '{}' }))),
      ...(await sent(() => store.getJob(job.id))),
    ].filter((s) => !['begin', 'commit'].includes(s.text))
    expect(statements.length).toBeGreaterThan(0)
    expect(statements.filter((s) => s.name === undefined).map((s) => s.text)).toEqual([])
  })

  it('runs every statement unnamed with prepared statements off (for poolers)', async () => {
    const plain = await PostgresJobStore.open({
      connectionString: DATABASE_URL,
      schema: 'round_trips_plain',
      preparedStatements: false,
    })
    try {
      await seed(plain)
      const statements = await sent(async () => {
        await plain.createJob(newJob())
        await plain.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: LEASE })
      })
      expect(statements.length).toBeGreaterThan(0)
      expect(statements.filter((s) => s.name !== undefined)).toEqual([])
    } finally {
      await plain.close()
    }
  })

  it('still reports an unknown owner as not found (left to the foreign key)', async () => {
    await expect(store.createJob(newJob({ owner: 'user_ghost' }))).rejects.toSatisfy(
      (e: unknown) => isJobStoreError(e, 'store.not-found') && e.message === 'No user user_ghost.',
    )
  })
})
