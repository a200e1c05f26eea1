import { afterEach, beforeEach, describe } from 'vitest'
import { accountCases } from './suite/account.cases.js'
import { concurrencyCases } from './suite/concurrency.cases.js'
import { jobCatalogCases } from './suite/job-catalog.cases.js'
import { listingCases } from './suite/listing.cases.js'
import { queueCases } from './suite/queue.cases.js'
import { seed, type JobStoreFactory, type JobStoreFixture } from './suite/store-fixture.js'

export type { JobStoreFactory, JobStoreFixture } from './suite/store-fixture.js'

/**
 * The job-store conformance suite (STYLE §5.10, Hono's `runTest` style): every `JobStore`
 * implementation runs the same cases against a fresh, seeded database per test.
 *
 * @param factory - makes and disposes of stores
 * @example
 * ```ts
 * describeJobStoreConformance({ name: 'sqlite', create: …, destroy: … })
 * ```
 */
export function describeJobStoreConformance(factory: JobStoreFactory): void {
  describe(`JobStore conformance (${factory.name})`, () => {
    let fixture: JobStoreFixture | undefined
    beforeEach(async () => {
      fixture = await factory.create()
      await seed(fixture.store)
    })
    afterEach(async () => {
      if (fixture !== undefined) await factory.destroy(fixture)
      fixture = undefined
    })
    const get = (): JobStoreFixture => {
      if (fixture === undefined) throw new Error('no fixture')
      return fixture
    }
    jobCatalogCases(get)
    listingCases(get)
    queueCases(get)
    accountCases(get)
    concurrencyCases(get)
  })
}
