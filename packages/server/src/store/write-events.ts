import type { Transaction } from 'kysely'
import type { Database, JobEventsTable } from './database-schema.js'
import { PreparedQuery } from './prepared-query.js'
import type { StoreContext } from './store-context.js'

/**
 * Rows per `INSERT`: a transaction usually writes one or two events, the reaper up to two per
 * job of its batch; chunks bound the number of statement shapes compiled.
 */
const CHUNK = 16

// One statement per number of rows (1 to CHUNK), compiled once each.
const INSERT_EVENTS = new PreparedQuery((db, _dialect, ...args: unknown[]) => {
  const rows = []
  for (let i = 0; i < args.length; i += 5) {
    rows.push({
      job_id: args[i] as string,
      seq: args[i + 1] as number,
      type: args[i + 2] as string,
      data_json: args[i + 3] as string,
      created_at: args[i + 4] as number,
    })
  }
  return db.insertInto('job_events').values(rows)
})

/**
 * Inserts a transaction's job events with plain multi-row `INSERT`s (for dialects without
 * `stageWithEvents`). The caller holds the jobs' row locks, so their seqs never collide.
 *
 * @param ctx - the store
 * @param trx - the open transaction
 * @param events - the rows, in order
 */
export async function writeEvents(
  ctx: StoreContext,
  trx: Transaction<Database>,
  events: readonly JobEventsTable[],
): Promise<void> {
  for (let start = 0; start < events.length; start += CHUNK) {
    const chunk = events.slice(start, start + CHUNK)
    const args = chunk.flatMap((e) => [e.job_id, e.seq, e.type, e.data_json, e.created_at])
    await INSERT_EVENTS.execute({ dialect: ctx.dialect, shape: String(chunk.length) }, trx, args)
  }
}
