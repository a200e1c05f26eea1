import { CompiledQuery, sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely'
import type { Database } from '../database-schema.js'
import { nameStatement } from '../statement-names.js'
import type { ChangeSet, StoreDialect } from '../store-context.js'
import { NOTIFY_CHANNEL, type ChangePayload } from './postgres-listener.js'

/** Stay well below PostgreSQL's 8000-byte NOTIFY payload limit. */
const MAX_PAYLOAD = 7000

function payloads(schema: string, changes: ChangeSet): string[] {
  const out: string[] = []
  const work = [...changes.workFor]
  let jobs: [string, number, string?][] = []
  const flush = (): void => {
    const body: ChangePayload = {
      s: schema,
      ...(work.length > 0 && out.length === 0 ? { w: work } : {}),
      ...(jobs.length > 0 ? { j: jobs } : {}),
    }
    out.push(JSON.stringify(body))
    jobs = []
  }
  for (const change of changes.jobs) {
    jobs.push(
      change.status === undefined
        ? [change.jobId, change.seq]
        : [change.jobId, change.seq, change.status],
    )
    if (JSON.stringify(jobs).length > MAX_PAYLOAD) flush()
  }
  if (jobs.length > 0 || out.length === 0) flush()
  return out
}

/**
 * Writes a transaction's events and sends its notices in one statement, whatever their number:
 * the rows and the payloads travel as arrays. (An `INSERT` in `with` runs even though the
 * select does not read it.)
 */
const STAGE = nameStatement(
  `with ev as (insert into job_events (job_id, seq, type, data_json, created_at)` +
    ` select * from unnest($1::text[], $2::int4[], $3::text[], $4::text[], $5::int8[]))` +
    ` select pg_notify($6, payload) from unnest($7::text[]) as payload`,
)

/**
 * Locks an instance row. NO KEY UPDATE: serialises claimers and submitters of the instance
 * without blocking the foreign-key checks of job inserts (which take KEY SHARE).
 */
const LOCK_INSTANCE = nameStatement('select path from instances where path = $1 for no key update')

async function stageWithEvents(
  trx: Transaction<Database>,
  input: { readonly changes: ChangeSet; readonly schema: string },
): Promise<void> {
  const { changes, schema } = input
  const events = changes.events
  await trx.executeQuery(
    CompiledQuery.raw(STAGE, [
      events.map((e) => e.job_id),
      events.map((e) => e.seq),
      events.map((e) => e.type),
      events.map((e) => e.data_json),
      events.map((e) => e.created_at),
      NOTIFY_CHANNEL,
      payloads(schema, changes),
    ]),
  )
}

/**
 * The {@link StoreDialect} of PostgreSQL: row locks (`FOR UPDATE`, `SKIP LOCKED`), instance
 * locks, and changes announced with `NOTIFY` inside the transaction — delivered exactly when it
 * commits, to every listener (this process's included), and dropped on rollback.
 *
 * @param schema - the store's schema (named in every notice, so stores of other schemas ignore it)
 * @returns the dialect
 */
export function postgresDialect(schema: string): StoreDialect {
  return {
    name: 'postgres',
    lockRows: <TQuery extends SelectQueryBuilder<Database, 'jobs', object>>(
      query: TQuery,
      options: { readonly skipLocked?: boolean } = {},
    ) => {
      const locked = query.forUpdate()
      return (options.skipLocked === true ? locked.skipLocked() : locked) as TQuery
    },
    lockInstance: async (trx: Transaction<Database>, instance: string) => {
      await trx.executeQuery(CompiledQuery.raw(LOCK_INSTANCE, [instance]))
    },
    stage: async (trx: Transaction<Database>, changes: ChangeSet) => {
      await stageWithEvents(trx, { changes: { ...changes, events: [] }, schema })
    },
    stageWithEvents: (trx: Transaction<Database>, changes: ChangeSet) =>
      stageWithEvents(trx, { changes, schema }),
    publish: () => undefined,
    announceAccounts: async (db: Kysely<Database>) => {
      const payload: ChangePayload = { s: schema, a: 1 }
      await sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(payload)})`.execute(db)
    },
    positionFunction: 'strpos',
    isUniqueViolation: (error) => (error as { code?: unknown } | null)?.code === '23505',
    violatedForeignKey: (error) => {
      const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown }
      return code === '23503' && typeof constraint === 'string' ? constraint : undefined
    },
  }
}
