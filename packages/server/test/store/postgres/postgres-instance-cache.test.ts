import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { createManualClock } from '../../../src/store/clock.js'
import type { KyselyJobStore } from '../../../src/store/kysely-job-store.js'
import { PostgresJobStore } from '../../../src/store/postgres/postgres-job-store.js'
import {
  NOTIFY_CHANNEL,
  type ChangePayload,
} from '../../../src/store/postgres/postgres-listener.js'
import { describeInstanceTreeCaching } from '../instance-tree-cache.suite.js'
import { useTestDatabase } from './test-database.js'

const DATABASE_URL = useTestDatabase()

describeInstanceTreeCaching({
  name: 'postgres',
  hearsOtherProcesses: true,
  open: async () => {
    // A schema per test in the file's database (dropped with it).
    const schema = `cache_${randomUUID().replaceAll('-', '').slice(0, 12)}`
    const clock = createManualClock()
    const open = (): Promise<PostgresJobStore> =>
      PostgresJobStore.open({ connectionString: DATABASE_URL, schema, clock, config: { max: 4 } })
    const store = await open()
    const stores: KyselyJobStore[] = [store]
    return {
      store,
      clock,
      // Notifications arrive in commit order: once a marker sent now is heard, so is the rest.
      settle: async () => {
        const marker = `settle_${randomUUID()}`
        const heard = new Promise<void>((resolve) => {
          const unwatch = store.watchJobs((change) => {
            if (change.jobId !== marker) return
            unwatch()
            resolve()
          })
        })
        const payload: ChangePayload = { s: schema, j: [[marker, 1]] }
        await sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(payload)})`.execute(store.db)
        await heard
      },
      // Another pool and listener, as another API node would have.
      openOther: async () => {
        const other = await open()
        stores.push(other)
        return other
      },
      close: async () => {
        await Promise.all(stores.map((s) => s.close()))
      },
    }
  },
})
