import { describe, expect, it } from 'vitest'
import { PostgresJobStore } from '../../../src/store/postgres/postgres-job-store.js'
import { eventually, newJob, seed } from '../suite/store-fixture.js'
import { query, useTestDatabase } from './test-database.js'

const DATABASE_URL = useTestDatabase()
const dbName = new URL(DATABASE_URL).pathname.slice(1)

describe('PostgresListener (through PostgresJobStore)', () => {
  it('keeps waking workers after its connection is killed', async () => {
    await using listening = await PostgresJobStore.open({
      connectionString: DATABASE_URL,
      schema: 'l1',
    })
    await using submitting = await PostgresJobStore.open({
      connectionString: DATABASE_URL,
      schema: 'l1',
    })
    await seed(submitting)
    const killed = await query(
      DATABASE_URL,
      `select pg_terminate_backend(pid) as ok from pg_stat_activity
       where datname = $1 and query ilike 'LISTEN%' and pid <> pg_backend_pid()`,
      [dbName],
    )
    expect(killed.length).toBe(2)
    // On reconnecting, the listener wakes its workers once (notifications may have been lost).
    await listening.waitForWork({ timeoutMs: 5000 })
    await new Promise((r) => setTimeout(r, 1500))
    // Drain the wake-ups of the reconnection, then expect a real one.
    await listening.waitForWork({ timeoutMs: 1 })
    const woken = listening.waitForWork({ timeoutMs: 10_000 }).then(() => Date.now())
    const before = Date.now()
    await submitting.createJob(newJob())
    expect((await woken) - before).toBeLessThan(5000)
    const job = await listening.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 1000 })
    expect(job?.status).toBe('RUNNING')
  })

  it('ignores notifications of other schemas', async () => {
    await using a = await PostgresJobStore.open({ connectionString: DATABASE_URL, schema: 'l2' })
    await using b = await PostgresJobStore.open({ connectionString: DATABASE_URL, schema: 'l3' })
    await seed(b)
    const seen: string[] = []
    const mine: string[] = []
    a.watchJobs((c) => seen.push(`${c.jobId}#${c.seq}`))
    b.watchJobs((c) => mine.push(`${c.jobId}#${c.seq}`))
    const { job } = await b.createJob(newJob())
    await b.requestCancel(job.id)
    await eventually(() => mine.length >= 2)
    // Give a stray notification more time to arrive than the right ones took.
    await new Promise((r) => setTimeout(r, 100))
    expect(mine).toEqual([`${job.id}#1`, `${job.id}#2`])
    expect(seen).toEqual([])
  })
})
