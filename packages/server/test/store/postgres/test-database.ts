import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'

/** The server tests use (trust auth); override with `QFABRIC_TEST_PG`. */
export const ADMIN_URL = process.env['QFABRIC_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * Runs a statement on a fresh connection.
 *
 * @param url - the database
 * @param statement - SQL
 * @param values - parameters
 * @returns the rows
 */
export async function query(
  url: string,
  statement: string,
  values: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<Record<string, unknown>>(statement, values)).rows
  } finally {
    await client.end()
  }
}

/**
 * Gives the test file a database of its own (`qfabric_test_<random>`), created before its tests
 * and dropped after them, so that parallel runs never collide.
 *
 * @returns the URL of the database
 */
export function useTestDatabase(): string {
  const name = `qfabric_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  beforeAll(async () => {
    await query(ADMIN_URL, `CREATE DATABASE ${name}`)
  })
  afterAll(async () => {
    await dropDatabase(name)
  })
  return url.toString()
}

/**
 * Drops a test database once the file's own connections have gone. Clients that are still
 * closing would otherwise be killed by `WITH (FORCE)` and raise an unhandled 57P01 error in the
 * test process; FORCE stays as the last resort for connections a failed test leaked.
 *
 * @param name - the database
 */
export async function dropDatabase(name: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const rows = await query(
      ADMIN_URL,
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    )
    if (rows[0]?.['n'] === 0) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await query(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}
