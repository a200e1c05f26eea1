import { createManualClock } from '../../../src/store/clock.js'
import type { JobStore } from '../../../src/store/job-store.js'
import { PostgresJobStore } from '../../../src/store/postgres/postgres-job-store.js'
import { describeJobStoreConformance, type JobStoreFixture } from '../job-store.suite.js'
import { query, useTestDatabase } from './test-database.js'

const DATABASE_URL = useTestDatabase()

// Migrating a schema takes a while, so tests reuse migrated schemas, emptied in between.
let schemas = 0
const freeSchemas: string[] = []
const TABLES = [
  'job_events',
  'job_tags',
  'idempotency_keys',
  'jobs',
  'memberships',
  'api_tokens',
  'backends',
  'instances',
  'users',
]
const used = new WeakMap<JobStoreFixture, { schema: string; peers: JobStore[] }>()

describeJobStoreConformance({
  name: 'postgres',
  create: async () => {
    const schema = freeSchemas.pop() ?? `store_${++schemas}`
    const clock = createManualClock()
    const open = (): Promise<PostgresJobStore> =>
      PostgresJobStore.open({ connectionString: DATABASE_URL, schema, clock, config: { max: 4 } })
    const store = await open()
    const peers: JobStore[] = []
    const fixture: JobStoreFixture = {
      store,
      clock,
      // Another pool, as another API node or worker machine would have.
      openPeer: async () => {
        const peer = await open()
        peers.push(peer)
        return peer
      },
    }
    used.set(fixture, { schema, peers })
    return fixture
  },
  destroy: async (fixture) => {
    const { schema, peers } = used.get(fixture) ?? { schema: undefined, peers: [] }
    await Promise.all([fixture.store, ...peers].map((s) => s.close()))
    if (schema === undefined) return
    await query(DATABASE_URL, `TRUNCATE ${TABLES.map((t) => `${schema}.${t}`).join(', ')} CASCADE`)
    freeSchemas.push(schema)
  },
})
