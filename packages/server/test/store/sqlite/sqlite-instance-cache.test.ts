import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createManualClock } from '../../../src/store/clock.js'
import type { KyselyJobStore } from '../../../src/store/kysely-job-store.js'
import { SqliteJobStore } from '../../../src/store/sqlite/sqlite-job-store.js'
import { describeInstanceTreeCaching } from '../instance-tree-cache.suite.js'

describeInstanceTreeCaching({
  name: 'sqlite',
  // Another process on the file hears nothing: it relies on the TTL.
  hearsOtherProcesses: false,
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qfabric-cache-'))
    const filename = join(dir, 'qfabric.db')
    const clock = createManualClock()
    const stores: KyselyJobStore[] = [await SqliteJobStore.open({ filename, clock })]
    return {
      store: stores[0]!,
      clock,
      // Changes are delivered before the call that made them returns.
      settle: () => Promise.resolve(),
      openOther: async () => {
        const other = await SqliteJobStore.open({ filename, clock })
        stores.push(other)
        return other
      },
      close: async () => {
        await Promise.all(stores.map((s) => s.close()))
        rmSync(dir, { recursive: true, force: true })
      },
    }
  },
})
