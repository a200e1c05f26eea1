import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { isJobStoreError } from '../../../src/store/job-store-error.js'
import { migrateStore, STORE_MIGRATIONS } from '../../../src/store/migrations/migrate-store.js'
import { NodeSqliteDialect } from '../../../src/store/sqlite/node-sqlite-dialect.js'
import { useTestDatabase } from '../postgres/test-database.js'

const TABLES = [
  'api_tokens',
  'backends',
  'idempotency_keys',
  'instances',
  'job_events',
  'job_tags',
  'jobs',
  'memberships',
  'users',
]
const INDEXES = [
  'api_tokens_prefix_idx',
  'api_tokens_user_idx',
  'idempotency_keys_expires_idx',
  'instances_parent_idx',
  'job_tags_tag_idx',
  'jobs_created_idx',
  'jobs_expires_idx',
  'jobs_group_created_idx',
  'jobs_hub_created_idx',
  'jobs_instance_created_idx',
  'jobs_instance_ended_idx',
  'jobs_lease_idx',
  'jobs_owner_created_idx',
  'jobs_queue_idx',
  'jobs_result_expires_idx',
  'jobs_status_idx',
  'memberships_instance_idx',
]

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function sqliteDb(): Kysely<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'qfabric-migrate-'))
  dirs.push(dir)
  return new Kysely<unknown>({
    dialect: new NodeSqliteDialect({ filename: join(dir, 'db.sqlite') }),
  })
}

describe('migrateStore on SQLite', () => {
  it('creates every table and index once', async () => {
    const db = sqliteDb()
    const first = await migrateStore(db)
    expect(first.map((r) => [r.migrationName, r.status])).toEqual(
      Object.keys(STORE_MIGRATIONS).map((name) => [name, 'Success']),
    )
    expect(await migrateStore(db)).toEqual([])
    const objects = await sql<{ type: string; name: string; sql: string | null }>`
      select type, name, sql from sqlite_master where name not like 'sqlite_%' and name not like 'qfabric_migrations%'
    `.execute(db)
    const names = (type: string) =>
      objects.rows
        .filter((o) => o.type === type)
        .map((o) => o.name)
        .sort()
    expect(names('table')).toEqual(TABLES)
    expect(names('index')).toEqual(INDEXES)
    const queueIndex = objects.rows.find((o) => o.name === 'jobs_queue_idx')
    expect(queueIndex?.sql).toContain("where status = 'QUEUED'")
    await db.destroy()
  })

  it('indexes ended times and expiries only where they are set, and the sweeper still uses them', async () => {
    const db = sqliteDb()
    await migrateStore(db)
    const partial = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where name in ('jobs_instance_ended_idx', 'jobs_expires_idx', 'jobs_result_expires_idx') order by name
    `.execute(db)
    expect(
      partial.rows.map((r) => [r.name, /where "(\w+)" is not null$/.exec(r.sql)?.[1]]),
    ).toEqual([
      ['jobs_expires_idx', 'expires_at'],
      ['jobs_instance_ended_idx', 'ended_at'],
      ['jobs_result_expires_idx', 'result_expires_at'],
    ])
    const plan = async (where: string): Promise<string> =>
      (
        await sql<{
          detail: string
        }>`explain query plan select id from jobs where ${sql.raw(where)}`.execute(db)
      ).rows
        .map((r) => r.detail)
        .join('; ')
    expect(await plan('expires_at <= 5')).toMatch(/USING (COVERING )?INDEX jobs_expires_idx/)
    expect(await plan('result_expires_at <= 5')).toMatch(
      /USING (COVERING )?INDEX jobs_result_expires_idx/,
    )
    expect(await plan("instance = 'a/b/c' and ended_at >= 5")).toMatch(
      /USING (COVERING )?INDEX jobs_instance_ended_idx/,
    )
    await db.destroy()
  })

  it('fails as a whole, leaving nothing half-made', async () => {
    const db = sqliteDb()
    await sql`create table instances (path text primary key)`.execute(db)
    const error: unknown = await migrateStore(db).catch((e: unknown) => e)
    expect(isJobStoreError(error, 'store.migration-failed')).toBe(true)
    const tables = await sql<{
      name: string
    }>`select name from sqlite_master where type = 'table'`.execute(db)
    expect(tables.rows.map((t) => t.name)).not.toContain('users')
    await db.destroy()
  })
})

describe('migrateStore on PostgreSQL', () => {
  const url = useTestDatabase()

  function pgDb(schema: string): Kysely<unknown> {
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 2 })
    // An idle client's late error (e.g. the database being dropped) must not become uncaught.
    pool.on('error', () => undefined)
    return new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) })
  }

  it('lets concurrent starts migrate one schema once', async () => {
    const dbs = [pgDb('m1'), pgDb('m1'), pgDb('m1')]
    await sql`create schema m1`.execute(dbs[0]!)
    const results = await Promise.all(dbs.map((db) => migrateStore(db, { schema: 'm1' })))
    expect(results.map((r) => r.length).sort()).toEqual([
      0,
      0,
      Object.keys(STORE_MIGRATIONS).length,
    ])
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'm1' and table_name not like 'qfabric_migrations%'
      order by table_name
    `.execute(dbs[0]!)
    expect(tables.rows.map((t) => t.table_name)).toEqual(TABLES)
    const indexes = await sql<{ indexname: string }>`
      select indexname from pg_indexes where schemaname = 'm1' and indexname not like '%pkey' and indexname not like '%_key' order by indexname
    `.execute(dbs[0]!)
    expect(indexes.rows.map((i) => i.indexname)).toEqual(INDEXES)
    // Job ids compare bytewise whatever the database collation.
    const collation = await sql<{ collation_name: string | null }>`
      select collation_name from information_schema.columns where table_schema = 'm1' and table_name = 'jobs' and column_name = 'id'
    `.execute(dbs[0]!)
    expect(collation.rows[0]?.collation_name).toBe('C')
    await Promise.all(dbs.map((db) => db.destroy()))
  })
})
