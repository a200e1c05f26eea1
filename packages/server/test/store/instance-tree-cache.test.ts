import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createManualClock, type ManualClock } from '../../src/store/clock.js'
import type { Database } from '../../src/store/database-schema.js'
import { InstanceTreeCache } from '../../src/store/instance-tree-cache.js'
import { isJobStoreError } from '../../src/store/job-store-error.js'
import { migrateStore } from '../../src/store/migrations/migrate-store.js'
import { NodeSqliteDialect } from '../../src/store/sqlite/node-sqlite-dialect.js'

/** A migrated database that counts the statements reading the `instances` table. */
interface CountingDatabase {
  readonly db: Kysely<Database>
  readonly clock: ManualClock
  /** Statements that read `instances` so far. */
  readonly reads: () => number
  readonly close: () => Promise<void>
}

async function openCounting(filename: string): Promise<CountingDatabase> {
  let reads = 0
  const db = new Kysely<Database>({
    dialect: new NodeSqliteDialect({ filename, checkpointIntervalMs: 0 }),
    log: (event) => {
      if (/^select .* from "instances"/i.test(event.query.sql)) reads++
    },
  })
  await migrateStore(db)
  const node = (path: string, level: string, parent: string | null) => ({
    path,
    level,
    parent,
    created_at: 0,
    updated_at: 0,
  })
  await db
    .insertInto('instances')
    .values([
      { ...node('acme', 'hub', null), max_running_jobs: 4, result_ttl_days: 9 },
      { ...node('acme/research', 'group', 'acme'), max_pending_jobs: 7 },
      { ...node('acme/research/vqe', 'project', 'acme/research'), max_running_jobs: 2 },
      node('other', 'hub', null),
      node('other/lab', 'group', 'other'),
      node('other/lab/x', 'project', 'other/lab'),
    ])
    .execute()
  reads = 0
  return { db, clock: createManualClock(), reads: () => reads, close: () => db.destroy() }
}

// The resolution written out by hand for the tree above (project over group over hub).
const VQE = {
  instance: 'acme/research/vqe',
  max_running_jobs: 2,
  max_pending_jobs: 7,
  submit_rate_per_minute: null,
  max_execution_seconds: null,
  result_ttl_days: 9,
  record_ttl_days: null,
}

describe('InstanceTreeCache', () => {
  let dir: string
  let t: CountingDatabase
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qfabric-tree-'))
    t = await openCounting(join(dir, 'q.db'))
  })
  afterEach(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers settings, nodes and listings from one load within the TTL', async () => {
    const cache = new InstanceTreeCache({ ttlMs: 5000, clock: t.clock })
    for (let i = 0; i < 5; i++) {
      expect(await cache.effectiveSettings(t.db, 'acme/research/vqe')).toEqual(VQE)
      expect(await cache.get(t.db, 'acme/research')).toMatchObject({ max_pending_jobs: 7 })
      expect((await cache.list(t.db, 'acme')).map((n) => n.path)).toEqual([
        'acme',
        'acme/research',
        'acme/research/vqe',
      ])
    }
    expect((await cache.list(t.db)).length).toBe(6)
    expect(t.reads()).toBe(1)
    t.clock.advance(4999)
    await cache.effectiveSettings(t.db, 'acme/research/vqe')
    expect(t.reads()).toBe(1)
    t.clock.advance(1)
    await cache.effectiveSettings(t.db, 'acme/research/vqe')
    expect(t.reads()).toBe(2)
  })

  it('serves what it loaded until the TTL or a clear, then what the database says', async () => {
    const cache = new InstanceTreeCache({ ttlMs: 5000, clock: t.clock })
    await cache.effectiveSettings(t.db, 'acme/research/vqe')
    await sql`update instances set max_running_jobs = 3 where path = 'acme/research/vqe'`.execute(
      t.db,
    )
    expect((await cache.effectiveSettings(t.db, 'acme/research/vqe')).max_running_jobs).toBe(2)
    cache.clear()
    expect((await cache.effectiveSettings(t.db, 'acme/research/vqe')).max_running_jobs).toBe(3)
  })

  it('reads on every call with a TTL of 0', async () => {
    const cache = new InstanceTreeCache({ ttlMs: 0, clock: t.clock })
    expect(cache.isEnabled).toBe(false)
    for (let i = 0; i < 3; i++) {
      expect(await cache.effectiveSettings(t.db, 'acme/research/vqe')).toEqual(VQE)
    }
    await cache.get(t.db, 'acme')
    await cache.list(t.db)
    expect(t.reads()).toBe(5)
  })

  it('does not keep a load that was under way when the cache was cleared', async () => {
    const cache = new InstanceTreeCache({ ttlMs: 5000, clock: t.clock })
    const generation = cache.generation
    const loading = cache.effectiveSettings(t.db, 'acme/research/vqe')
    // The change that clears it may have committed after the load read the table.
    cache.clear()
    expect(cache.generation).not.toBe(generation)
    expect(await loading).toEqual(VQE)
    await cache.effectiveSettings(t.db, 'acme/research/vqe')
    expect(t.reads()).toBe(2)
    // Without a clear, the load is kept.
    await cache.effectiveSettings(t.db, 'acme/research/vqe')
    expect(t.reads()).toBe(2)
  })

  it('shares one load among concurrent callers', async () => {
    const cache = new InstanceTreeCache({ ttlMs: 5000, clock: t.clock })
    const all = await Promise.all([
      cache.effectiveSettings(t.db, 'acme/research/vqe'),
      cache.list(t.db),
      cache.get(t.db, 'other/lab/x'),
    ])
    expect(all[0]).toEqual(VQE)
    expect(t.reads()).toBe(1)
  })

  it('reloads on a miss: finds nodes created since, reports missing ones as before', async () => {
    const cache = new InstanceTreeCache({ ttlMs: 5000, clock: t.clock })
    await cache.list(t.db)
    await sql`insert into instances (path, level, parent, max_pending_jobs, created_at, updated_at)
      values ('acme/research/new', 'project', 'acme/research', 1, 0, 0)`.execute(t.db)
    expect(await cache.effectiveSettings(t.db, 'acme/research/new')).toEqual({
      ...VQE,
      instance: 'acme/research/new',
      max_running_jobs: 4,
      max_pending_jobs: 1,
    })
    expect(t.reads()).toBe(2)
    await expect(cache.effectiveSettings(t.db, 'acme/research/nope')).rejects.toSatisfy(
      (e: unknown) => isJobStoreError(e, 'store.not-found'),
    )
    expect(await cache.get(t.db, 'acme/research/nope')).toBeUndefined()
    expect(t.reads()).toBe(4)
    // The reload on the miss is kept: the new node is now a hit.
    await cache.get(t.db, 'acme/research/new')
    expect(t.reads()).toBe(4)
  })

  it('loads with a transaction rather than wait for a load on the database', async () => {
    // One connection (`:memory:`): a read outside the transaction waits for it to end.
    const memory = await openCounting(':memory:')
    try {
      const cache = new InstanceTreeCache({ ttlMs: 5000, clock: memory.clock })
      let outside: Promise<unknown> = Promise.resolve()
      const settings = await memory.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx)
        outside = cache.list(memory.db)
        return cache.effectiveSettings(trx, 'acme/research/vqe')
      })
      expect(settings).toEqual(VQE)
      await outside
    } finally {
      await memory.close()
    }
    // Waiting for the other load would never end: fail fast instead.
  }, 5000)

  it('hands out frozen values', async () => {
    const cache = new InstanceTreeCache({ ttlMs: 5000, clock: t.clock })
    expect(Object.isFrozen(await cache.effectiveSettings(t.db, 'acme'))).toBe(true)
    expect(Object.isFrozen(await cache.get(t.db, 'acme'))).toBe(true)
    const list = await cache.list(t.db)
    list.pop()
    expect((await cache.list(t.db)).length).toBe(6)
  })

  it('refuses a negative or NaN TTL', () => {
    expect(() => new InstanceTreeCache({ ttlMs: -1, clock: t.clock })).toThrow(RangeError)
    expect(() => new InstanceTreeCache({ ttlMs: Number.NaN, clock: t.clock })).toThrow(RangeError)
  })
})
