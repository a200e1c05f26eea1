import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createManualClock } from '../../../src/store/clock.js'
import { PostgresJobStore } from '../../../src/store/postgres/postgres-job-store.js'
import { newJob, seed, SEED } from '../suite/store-fixture.js'
import { useTestDatabase } from './test-database.js'

const DATABASE_URL = useTestDatabase()
const SCHEMA = 'claim_lock'

let store: PostgresJobStore
beforeAll(async () => {
  store = await PostgresJobStore.open({
    connectionString: DATABASE_URL,
    schema: SCHEMA,
    clock: createManualClock(),
  })
  await seed(store)
  await store.upsertInstance(SEED.ops, { max_running_jobs: 1 })
})
afterAll(async () => {
  await store.close()
})

/** Runs `work` while another connection holds the instance row locked, as a claimer would. */
async function whileInstanceLocked(instance: string, work: () => Promise<void>): Promise<void> {
  const other = new pg.Client({ connectionString: DATABASE_URL })
  await other.connect()
  try {
    await other.query('begin')
    await other.query(`select path from ${SCHEMA}.instances where path = $1 for update`, [instance])
    await work()
    await other.query('commit')
  } finally {
    await other.end()
  }
}

// The claim statement takes the instance lock for a job of a limited instance, and only then
// counts the running jobs; a claim that skipped the lock could exceed the limit.
it('claims a job of a limited instance only once it holds the instance lock', async () => {
  const { job } = await store.createJob(newJob({ instance: SEED.ops }))
  let claim: Promise<unknown> | undefined
  let settled = false
  await whileInstanceLocked(SEED.ops, async () => {
    claim = store
      .claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 30_000 })
      .finally(() => (settled = true))
    // Unlocked, the claim takes a few milliseconds.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(settled).toBe(false)
  })
  expect(await claim).toMatchObject({ id: job.id, status: 'RUNNING' })
})

it('claims a job of an instance without limits without the instance lock', async () => {
  const { job } = await store.createJob(newJob({ instance: SEED.vqe }))
  await whileInstanceLocked(SEED.vqe, async () => {
    const claimed = await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 30_000 })
    expect(claimed).toMatchObject({ id: job.id, status: 'RUNNING' })
  })
})
