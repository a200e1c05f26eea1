import { Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ManualClock } from '../../src/store/clock.js'
import { DEFAULT_INSTANCE_CACHE_TTL_MS } from '../../src/store/instance-tree-cache.js'
import { isJobStoreError } from '../../src/store/job-store-error.js'
import type { KyselyJobStore } from '../../src/store/kysely-job-store.js'
import { eventually, newJob, seed, SEED } from './suite/store-fixture.js'

/** A fresh database with a store on it, and a way to open another process's store on it. */
export interface CachingStores {
  readonly store: KyselyJobStore
  readonly clock: ManualClock
  /** A store of its own on the same database (its own connections and change hub). */
  readonly openOther: () => Promise<KyselyJobStore>
  /**
   * Waits until `store` has heard every notification sent so far (PostgreSQL stores also hear
   * their own changes a moment later, and empty their caches again).
   */
  readonly settle: () => Promise<void>
  /** Closes every store opened. */
  readonly close: () => Promise<void>
}

/** How {@link describeInstanceTreeCaching} gets stores. */
export interface CachingStoresFactory {
  /** Shown in test names. */
  readonly name: string
  /** Whether another process's account changes reach the store (PostgreSQL `NOTIFY`). */
  readonly hearsOtherProcesses: boolean
  /** An empty, migrated database (not seeded). */
  open(): Promise<CachingStores>
}

const DAY = 86_400_000
const isNotFound = (e: unknown): boolean => isJobStoreError(e, 'store.not-found')

/**
 * The store's cached instance tree against a real database: repeated reads cost no query, a
 * change through the store shows at once, another process's change after its notification or
 * the TTL, and missing instances stay `store.not-found`.
 *
 * @param factory - makes the stores
 */
export function describeInstanceTreeCaching(factory: CachingStoresFactory): void {
  describe(`instance tree cache (${factory.name})`, () => {
    let t: CachingStores
    beforeEach(async () => {
      t = await factory.open()
      await seed(t.store)
      await t.settle()
    })
    afterEach(async () => {
      vi.restoreAllMocks()
      await t.close()
    })

    /** Counts the queries on `instances` built from now on (any store, any transaction). */
    const countInstanceReads = (): (() => number) => {
      // Transactions are Kysely instances too, so the prototype sees every query builder.
      const selectFrom = vi.spyOn(Kysely.prototype, 'selectFrom')
      return () => selectFrom.mock.calls.filter(([from]) => from === 'instances').length
    }

    it('submits, runs and completes jobs without reading the instances table', async () => {
      const { store, clock } = t
      await store.effectiveSettings(SEED.vqe)
      const reads = countInstanceReads()
      for (let i = 0; i < 3; i++) {
        expect(await store.effectiveSettings(SEED.vqe)).toMatchObject({
          max_pending_jobs: null,
          result_ttl_days: 30,
        })
        expect((await store.listInstances('acme/research')).map((n) => n.path)).toEqual([
          'acme/research',
          SEED.qaoa,
          SEED.vqe,
        ])
        expect((await store.getInstance(SEED.vqe))?.level).toBe('project')
        const { job } = await store.createJob(newJob())
        await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 60_000 })
        await store.complete(job.id, 'w', { body: '{}' })
        // The result TTL read at completion: the default 30 days.
        const done = await store.getJob(job.id)
        expect(Date.parse(done!.result.expires_at!)).toBe(clock.now() + 30 * DAY)
      }
      expect(reads()).toBe(0)
    })

    it('serves what it loaded until the TTL for a change it was not told of', async () => {
      const { store, clock } = t
      expect((await store.effectiveSettings(SEED.vqe)).max_pending_jobs).toBeNull()
      await sql`update instances set max_pending_jobs = 1 where path = ${SEED.vqe}`.execute(
        store.db,
      )
      clock.advance(DEFAULT_INSTANCE_CACHE_TTL_MS - 1)
      expect((await store.effectiveSettings(SEED.vqe)).max_pending_jobs).toBeNull()
      clock.advance(1)
      expect((await store.effectiveSettings(SEED.vqe)).max_pending_jobs).toBe(1)
    })

    it('applies a change made through the store at once, inside submissions too', async () => {
      const { store, clock } = t
      await store.effectiveSettings(SEED.vqe)
      await store.upsertInstance('acme', { max_pending_jobs: 1, result_ttl_days: 2 })
      expect(await store.effectiveSettings(SEED.vqe)).toMatchObject({
        max_pending_jobs: 1,
        result_ttl_days: 2,
      })
      const { job } = await store.createJob(newJob())
      await expect(store.createJob(newJob())).rejects.toSatisfy((e: unknown) =>
        isJobStoreError(e, 'store.pending-limit'),
      )
      await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 60_000 })
      await store.complete(job.id, 'w', { body: '{}' })
      const done = await store.getJob(job.id)
      expect(Date.parse(done!.result.expires_at!)).toBe(clock.now() + 2 * DAY)
      // The project's own setting overrides the hub's.
      await store.upsertInstance(SEED.vqe, { max_pending_jobs: 3 })
      await store.createJob(newJob())
      await store.createJob(newJob())
    })

    it('hears of another process’s change by notification or after the TTL', async () => {
      const { store, clock } = t
      const other = await t.openOther()
      await store.effectiveSettings(SEED.vqe)
      let told = 0
      const unwatch = store.watchAccounts(() => told++)
      await other.upsertInstance(SEED.vqe, { max_pending_jobs: 1 })
      if (factory.hearsOtherProcesses) {
        await eventually(() => told > 0)
      } else {
        expect((await store.effectiveSettings(SEED.vqe)).max_pending_jobs).toBeNull()
        expect(told).toBe(0)
        clock.advance(DEFAULT_INSTANCE_CACHE_TTL_MS)
      }
      unwatch()
      expect((await store.effectiveSettings(SEED.vqe)).max_pending_jobs).toBe(1)
      await store.createJob(newJob())
      await expect(store.createJob(newJob())).rejects.toSatisfy((e: unknown) =>
        isJobStoreError(e, 'store.pending-limit'),
      )
    })

    it('finds an instance another process has just created', async () => {
      const { store } = t
      const other = await t.openOther()
      await store.effectiveSettings(SEED.vqe)
      const fresh = 'acme/research/fresh'
      await other.upsertInstance(fresh, { max_pending_jobs: 1 })
      // No wait, no time: the cached tree misses it and the store reads again.
      expect((await store.getInstance(fresh))?.max_pending_jobs).toBe(1)
      expect((await store.effectiveSettings(fresh)).max_pending_jobs).toBe(1)
      expect((await store.listInstances('acme/research')).map((n) => n.path)).toContain(fresh)
      await store.createJob(newJob({ instance: fresh }))
      await expect(store.createJob(newJob({ instance: fresh }))).rejects.toSatisfy((e: unknown) =>
        isJobStoreError(e, 'store.pending-limit'),
      )
      const created = 'acme/research/created'
      await other.upsertInstance(created)
      // A submission inside its transaction finds it too.
      expect((await store.createJob(newJob({ instance: created }))).job.instance).toBe(created)
    })

    it('reports missing and deleted instances as store.not-found', async () => {
      const { store } = t
      const gone = 'acme/research/gone'
      await store.upsertInstance(gone)
      expect((await store.effectiveSettings(gone)).instance).toBe(gone)
      await expect(store.effectiveSettings('acme/research/nope')).rejects.toSatisfy(isNotFound)
      expect(await store.getInstance('acme/research/nope')).toBeUndefined()
      await expect(store.createJob(newJob({ instance: 'acme/research/nope' }))).rejects.toSatisfy(
        isNotFound,
      )
      // Deleted behind the store's back while its settings are cached: the foreign key refuses
      // the job, and the store reports why.
      await sql`delete from instances where path = ${gone}`.execute(store.db)
      await expect(store.createJob(newJob({ instance: gone }))).rejects.toSatisfy(isNotFound)
      // That failure dropped the cached tree: no need to wait for the TTL.
      await expect(store.effectiveSettings(gone)).rejects.toSatisfy(isNotFound)
      expect(await store.getInstance(gone)).toBeUndefined()
    })
  })
}
