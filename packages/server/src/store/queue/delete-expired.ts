import { sql } from 'kysely'
import type { DeleteExpiredResult } from '../queue-types.js'
import type { StoreContext } from '../store-context.js'

/**
 * The retention sweep (§8.9, §8.13 housekeeping): drops result bodies whose
 * `result.expires_at` passed (the record stays, so `GET …/result` can answer 410), deletes job
 * records past their `expires_at` (events, tags and idempotency keys go with them), and forgets
 * expired idempotency keys.
 *
 * @param ctx - the store
 * @param now - the time (default: the clock)
 * @returns how many of each were removed
 */
export async function deleteExpired(ctx: StoreContext, now?: number): Promise<DeleteExpiredResult> {
  const at = now ?? ctx.clock.now()
  const results = await ctx.db
    .updateTable('jobs')
    .set({ result_body: null, rev: sql<number>`rev + 1`, updated_at: at })
    .where('result_expires_at', '<=', at)
    .where('result_body', 'is not', null)
    .executeTakeFirst()
  const jobs = await ctx.db.deleteFrom('jobs').where('expires_at', '<=', at).executeTakeFirst()
  const keys = await ctx.db
    .deleteFrom('idempotency_keys')
    .where('expires_at', '<=', at)
    .executeTakeFirst()
  return {
    results: Number(results.numUpdatedRows),
    jobs: Number(jobs.numDeletedRows),
    idempotencyKeys: Number(keys.numDeletedRows),
  }
}
