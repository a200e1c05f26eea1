import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely, sql, type Generated } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { NodeSqliteDialect } from '../../../src/store/sqlite/node-sqlite-dialect.js'

interface Db {
  t: { id: Generated<number>; name: string; data: Uint8Array | null; flag: number }
}

const dirs: string[] = []
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qfabric-sqlite-'))
  dirs.push(dir)
  return join(dir, 'test.db')
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function open(filename: string): Promise<Kysely<Db>> {
  const db = new Kysely<Db>({ dialect: new NodeSqliteDialect({ filename }) })
  await sql`create table if not exists t (id integer primary key, name text not null, data blob, flag integer not null default 0)`.execute(
    db,
  )
  return db
}

describe('NodeSqliteDialect', () => {
  it('runs inserts with RETURNING, selects, updates and deletes through Kysely', async () => {
    const db = await open(':memory:')
    const inserted = await db
      .insertInto('t')
      .values([
        { name: 'a', flag: 1 },
        { name: 'b', flag: 0 },
      ])
      .returning(['id', 'name'])
      .execute()
    expect(inserted.map((r) => ({ ...r }))).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ])
    const updated = await db
      .updateTable('t')
      .set({ name: 'c' })
      .where('id', '=', 2)
      .executeTakeFirst()
    expect(updated.numUpdatedRows).toBe(1n)
    const rows = await db.selectFrom('t').select(['id', 'name']).orderBy('id').execute()
    expect(rows.map((r) => r.name)).toEqual(['a', 'c'])
    const deleted = await db.deleteFrom('t').where('flag', '=', 1).executeTakeFirst()
    expect(deleted.numDeletedRows).toBe(1n)
    await db.destroy()
  })

  it('binds booleans as integers and round-trips byte arrays', async () => {
    const db = await open(':memory:')
    const bytes = new Uint8Array([0, 1, 2, 255])
    await db
      .insertInto('t')
      .values({ name: 'x', data: bytes, flag: sql<number>`${true}` })
      .execute()
    const row = await db.selectFrom('t').selectAll().executeTakeFirstOrThrow()
    expect(row.flag).toBe(1)
    expect([...(row.data ?? [])]).toEqual([0, 1, 2, 255])
    await db.destroy()
  })

  it('rolls back a failed transaction and commits a good one', async () => {
    const db = await open(':memory:')
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ name: 'lost', flag: 0 }).execute()
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ name: 'kept', flag: 0 }).execute()
    })
    const names = (await db.selectFrom('t').select('name').execute()).map((r) => r.name)
    expect(names).toEqual(['kept'])
    await db.destroy()
  })

  it('sets WAL, foreign keys and the busy timeout on file databases', async () => {
    const db = await open(tempFile())
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)
    const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db)
    expect(mode.rows[0]?.journal_mode).toBe('wal')
    expect(fk.rows[0]?.foreign_keys).toBe(1)
    expect(busy.rows[0]?.timeout).toBe(5000)
    await db.destroy()
  })

  it('serialises transactions of several connections to one file in one process', async () => {
    const file = tempFile()
    const dbs = await Promise.all([open(file), open(file), open(file)])
    // Each transaction reads, yields to the event loop, then writes: without the shared lock
    // the synchronous busy wait of one connection would block the others until SQLITE_BUSY.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        dbs[i % 3]!.transaction().execute(async (trx) => {
          const count = await trx
            .selectFrom('t')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
          await new Promise((r) => setTimeout(r, 1))
          await trx
            .insertInto('t')
            .values({ name: `n${count.n}`, flag: 0 })
            .execute()
        }),
      ),
    )
    const names = (await dbs[0].selectFrom('t').select('name').orderBy('id').execute()).map(
      (r) => r.name,
    )
    // Serialised read-then-write transactions see each other's commits: n0, n1, …, n29.
    expect(names).toEqual(Array.from({ length: 30 }, (_, i) => `n${i}`))
    await Promise.all(dbs.map((db) => db.destroy()))
  })

  it('answers reads outside a transaction at once, from the last commit, while a write transaction is open', async () => {
    const db = await open(tempFile())
    await db.insertInto('t').values({ name: 'committed', flag: 0 }).execute()
    let finish!: () => void
    const held = new Promise<void>((r) => {
      finish = r
    })
    let inserted!: () => void
    const insertedOnce = new Promise<void>((r) => {
      inserted = r
    })
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ name: 'pending', flag: 0 }).execute()
      inserted()
      await held
    })
    await insertedOnce
    // The transaction owns the writer and waits: a read must neither wait for it nor see it.
    const during = await Promise.race([
      db.selectFrom('t').select('name').orderBy('id').execute(),
      new Promise<'waited'>((r) =>
        setTimeout(() => {
          r('waited')
        }, 500),
      ),
    ])
    expect(during === 'waited' ? during : during.map((r) => r.name)).toEqual(['committed'])
    // A write outside the transaction waits for it.
    let wrote = false
    const write = db
      .insertInto('t')
      .values({ name: 'after', flag: 0 })
      .execute()
      .then(() => {
        wrote = true
      })
    await new Promise((r) => setTimeout(r, 20))
    expect(wrote).toBe(false)
    finish()
    await transaction
    await write
    const names = (await db.selectFrom('t').select('name').orderBy('id').execute()).map(
      (r) => r.name,
    )
    expect(names).toEqual(['committed', 'pending', 'after'])
    await db.destroy()
  })

  it('streams select results', async () => {
    const db = await open(':memory:')
    await db
      .insertInto('t')
      .values([
        { name: 'a', flag: 0 },
        { name: 'b', flag: 0 },
      ])
      .execute()
    const seen: string[] = []
    for await (const row of db.selectFrom('t').select('name').orderBy('id').stream())
      seen.push(row.name)
    expect(seen).toEqual(['a', 'b'])
    await db.destroy()
  })
})
