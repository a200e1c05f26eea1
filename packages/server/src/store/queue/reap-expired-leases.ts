import { sql } from 'kysely'
import { applyTransition, type TransitionPlan } from '../jobs/apply-transition.js'
import { selectJobColumns, type JobRowLight } from '../jobs/job-row.js'
import type { ReapResult } from '../queue-types.js'
import { inTransaction, type StoreContext } from '../store-context.js'
import { statusLiteral, statusLiterals } from '../jobs/status-literal.js'

/** Jobs handled per transaction, so a long backlog does not hold locks for long. */
const BATCH = 100

/**
 * The reaper (§8.2, §8.13): for every job whose lease expired, a `CANCELLING` job becomes
 * `CANCELLED` (its worker is gone, the cancel stands), a `RUNNING` job with attempts left goes
 * back to `QUEUED` with `attempt + 1`, and one without becomes `FAILED` (reason
 * `interrupted`). On PostgreSQL several reapers can run at once: rows are taken with
 * `SKIP LOCKED`, and a worker's heartbeat racing the reaper either renews first (the row no
 * longer matches) or finds the lease gone.
 *
 * @param ctx - the store
 * @param now - the time to compare leases with (default: the clock)
 * @returns the ids requeued, failed and cancelled
 */
export async function reapExpiredLeases(ctx: StoreContext, now?: number): Promise<ReapResult> {
  const at = now ?? ctx.clock.now()
  const result = { requeued: [] as string[], failed: [] as string[], cancelled: [] as string[] }
  for (;;) {
    const count = await inTransaction(ctx, async (trx, changes) => {
      const query = selectJobColumns(trx.selectFrom('jobs'))
        .where('status', 'in', statusLiterals(['RUNNING', 'CANCELLING']))
        .where('lease_expires_at', '<', at)
        .orderBy('lease_expires_at')
        .limit(BATCH)
      const rows = await ctx.dialect.lockRows(query, { skipLocked: true }).execute()
      for (const row of rows) {
        const { plan, bucket } = reapPlan(row)
        await applyTransition(ctx, trx, { row, plan, changes })
        result[bucket].push(row.id)
      }
      return rows.length
    })
    if (count < BATCH) return result
  }
}

function reapPlan(row: JobRowLight): {
  readonly plan: TransitionPlan
  readonly bucket: keyof ReapResult
} {
  if (row.status === 'CANCELLING') {
    return { plan: { to: 'CANCELLED', reason: { code: 'cancelled_by_user' } }, bucket: 'cancelled' }
  }
  if (row.attempt < row.max_attempts) {
    const set = { lease_owner: null, lease_expires_at: null, attempt: row.attempt + 1 }
    return { plan: { to: 'QUEUED', phase: 'queued', set }, bucket: 'requeued' }
  }
  const message =
    `The worker ${row.lease_owner ?? '?'} stopped renewing its lease ` +
    `(attempt ${row.attempt} of ${row.max_attempts}).`
  return {
    plan: {
      to: 'FAILED',
      reason: { code: 'interrupted', message, details: { attempt: row.attempt } },
    },
    bucket: 'failed',
  }
}

/**
 * Cancels queued jobs that waited longer than their `queue_ttl_seconds` (reason `expired`),
 * so that they fail explicitly instead of lingering (§6).
 *
 * @param ctx - the store
 * @param now - the time (default: the clock)
 * @returns the ids cancelled
 */
export async function expireQueuedJobs(ctx: StoreContext, now?: number): Promise<string[]> {
  const at = now ?? ctx.clock.now()
  const ids: string[] = []
  for (;;) {
    const count = await inTransaction(ctx, async (trx, changes) => {
      const query = selectJobColumns(trx.selectFrom('jobs'))
        .where('status', '=', statusLiteral('QUEUED'))
        .where('queue_ttl_seconds', 'is not', null)
        .where(sql<number>`queued_at + queue_ttl_seconds * 1000`, '<=', at)
        .orderBy('queued_at')
        .limit(BATCH)
      const rows = await ctx.dialect.lockRows(query, { skipLocked: true }).execute()
      for (const row of rows) {
        const plan = { to: 'CANCELLED' as const, reason: { code: 'expired' } }
        await applyTransition(ctx, trx, { row, plan, changes })
        ids.push(row.id)
      }
      return rows.length
    })
    if (count < BATCH) return ids
  }
}
