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
    await query(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  })
  return url.toString()
}
