import { createHash } from 'node:crypto'
import { isFinalServiceJobStatus, type ServiceJobStatus } from '@qfabric/protocol'
import type { Updateable } from 'kysely'
import type { JobsTable } from '../database-schema.js'
import { JobStoreError } from '../job-store-error.js'
import { applyTransition, type TransitionPlan } from '../jobs/apply-transition.js'
import { rowToJob, type JobRowLight } from '../jobs/job-row.js'
import { lockJob } from '../jobs/lock-job.js'
import type {
  FinishRequest,
  FinishResult,
  HeartbeatResult,
  JobResultInput,
} from '../queue-types.js'
import { PreparedQuery } from '../prepared-query.js'
import { inTransaction, toIso, type StoreContext } from '../store-context.js'
import { statusLiterals } from '../jobs/status-literal.js'

const HELD = ['RUNNING', 'CANCELLING'] as const

// Every running job renews its lease every few seconds: compiled once.
const RENEW_LEASE = new PreparedQuery(
  (db, _dialect, ...args: [expires: number, jobId: string, workerId: string]) =>
    db
      .updateTable('jobs')
      .set({ lease_expires_at: args[0] })
      .where('id', '=', args[1])
      .where('lease_owner', '=', args[2])
      .where('status', 'in', statusLiterals(HELD))
      .returning(['status']),
)

/**
 * Extends a lease. One conditional `UPDATE`: it only matches while the worker holds the job,
 * so a reaped or reassigned job cannot be renewed by its former worker.
 *
 * @param ctx - the store
 * @param input - job, worker and lease length
 * @returns the new expiry and whether a cancel was requested
 * @throws {@link JobStoreError} `store.lease-lost`
 */
export async function heartbeat(
  ctx: StoreContext,
  input: { readonly jobId: string; readonly workerId: string; readonly leaseMs: number },
): Promise<HeartbeatResult> {
  const { jobId, workerId, leaseMs } = input
  if (!(leaseMs > 0)) throw new RangeError(`leaseMs must be positive, got ${leaseMs}`)
  const expires = ctx.clock.now() + leaseMs
  const [row] = await RENEW_LEASE.execute(ctx, ctx.db, [expires, jobId, workerId])
  if (row === undefined) {
    throw new JobStoreError('store.lease-lost', `Worker ${workerId} no longer holds job ${jobId}.`)
  }
  return { leaseExpiresAt: toIso(expires), cancelRequested: row.status === 'CANCELLING' }
}

/**
 * Ends a job a worker holds, exactly once: completed (result stored, then status, in one
 * transaction), failed, or cancel acknowledged. A job that has already ended, or that another
 * worker now holds, is left alone and the call reports the no-op.
 *
 * @param ctx - the store
 * @param input - job, worker and outcome
 * @returns the job and whether this call ended it
 * @throws {@link JobStoreError} `store.not-found`; `store.invalid-transition` for an
 *   acknowledgement of a cancel nobody requested
 */
export async function finishJob(
  ctx: StoreContext,
  input: { readonly jobId: string; readonly workerId: string; readonly request: FinishRequest },
): Promise<FinishResult> {
  const { jobId, workerId, request } = input
  return inTransaction(ctx, async (trx, changes) => {
    const row = await lockJob(ctx, trx, jobId)
    if (isFinalServiceJobStatus(row.status as ServiceJobStatus)) {
      return { job: rowToJob(row), applied: false, rejected: 'already-final' as const }
    }
    // Requeued by the reaper, or claimed by another worker since.
    if (!(HELD as readonly string[]).includes(row.status) || row.lease_owner !== workerId) {
      return { job: rowToJob(row), applied: false, rejected: 'lease-lost' as const }
    }
    const updated = await applyTransition(ctx, trx, { row, plan: planFor(row, request), changes })
    return { job: rowToJob(updated), applied: true }
  })
}

function planFor(row: JobRowLight, request: FinishRequest): TransitionPlan {
  switch (request.outcome) {
    case 'completed':
      return withResult(row, { to: 'COMPLETED', result: request.result, partial: false })
    case 'failed':
      return { to: 'FAILED', reason: request.reason }
    case 'cancelled':
      if (row.status !== 'CANCELLING') {
        throw new JobStoreError(
          'store.invalid-transition',
          `Job ${row.id} is ${row.status}: only a requested cancel can be acknowledged.`,
        )
      }
      return request.partialResult === undefined
        ? { to: 'CANCELLED', reason: { code: 'cancelled_by_user' } }
        : withResult(row, { to: 'CANCELLED', result: request.partialResult, partial: true })
  }
}

function withResult(
  row: JobRowLight,
  input: {
    readonly to: ServiceJobStatus
    readonly result: JobResultInput
    readonly partial: boolean
  },
): TransitionPlan {
  const { to, result, partial } = input
  const bytes = Buffer.byteLength(result.body, 'utf8')
  const sha256 = createHash('sha256').update(result.body, 'utf8').digest('hex')
  const set: Updateable<JobsTable> = {
    result_body: result.body,
    result_bytes: bytes,
    result_sha256: sha256,
    result_content_type: result.content_type ?? 'application/json',
    result_format_version: result.format_version === undefined ? 1 : result.format_version,
    result_partial: partial ? 1 : 0,
    progress_done: result.progress_done ?? (partial ? row.progress_done : row.progress_total),
    usage_device_seconds: result.device_seconds ?? null,
  }
  return {
    to,
    set,
    ...(to === 'CANCELLED' ? { reason: { code: 'cancelled_by_user' } } : {}),
    // The result is announced before the status that makes it final (§8.5).
    eventsBefore: [
      (updated) => ({
        type: 'job.result_ready',
        data: {
          result: {
            available: true,
            bytes,
            sha256,
            content_type: updated.result_content_type,
            format_version: updated.result_format_version,
            expires_at: toIso(updated.result_expires_at),
            partial,
          },
        },
      }),
    ],
  }
}
