import type { PostgresClientConstructor, PostgresPool, PostgresPoolClient } from 'kysely'
import type pg from 'pg'
import { statementName } from '../statement-names.js'

/**
 * Wraps a `pg` pool for Kysely's `PostgresDialect` so that registered statement texts (see
 * `nameStatement`) run as named prepared statements: `pg` sends `Parse` for a name once per
 * connection, and PostgreSQL then reuses the parsed statement — and, once it finds a generic
 * plan as good as the custom ones, the plan — instead of parsing, analysing and planning the
 * text on every run. Other statements run exactly as before.
 *
 * @param pool - the pool
 * @returns the pool as Kysely's dialect takes it
 */
export function createNamedStatementPool(pool: pg.Pool): PostgresPool {
  // One wrapper per pooled client: Kysely keeps its connection object per client.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>()
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const known = wrappers.get(client)
    if (known !== undefined) return known
    const query = (text: string, values: unknown[]): Promise<pg.QueryResult> => {
      const name = statementName(text)
      return name === undefined ? client.query(text, values) : client.query({ name, text, values })
    }
    // Kysely cancels queries by backend pid; `pg` keeps it on the client, undeclared.
    const { processID } = client as { processID?: number }
    const wrapper: PostgresPoolClient = {
      ...(processID === undefined ? {} : { processID }),
      query: query as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => {
        client.release(destroy)
      },
    }
    wrappers.set(client, wrapper)
    return wrapper
  }
  const { Client } = pool as { Client?: PostgresClientConstructor }
  return {
    ...(Client === undefined ? {} : { Client }),
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
    options: pool.options,
  }
}
