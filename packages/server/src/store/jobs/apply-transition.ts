import {
  isFinalServiceJobStatus,
  JOB_REASON_CODES,
  isJobReasonCode,
  transitionServiceJobState,
  type ServiceJobStatus,
} from '@qfabric/protocol'
import type { Transaction, Updateable } from 'kysely'
import { isQfabricError } from '@qfabric/core'
import type { Database, JobsTable } from '../database-schema.js'
import { effectiveSettingsIn, type InstanceTreeContext } from '../instance-tree-cache.js'
import { JobStoreError } from '../job-store-error.js'
import type { StatusReasonInput } from '../job-store-types.js'
import { PreparedQuery } from '../prepared-query.js'
import type { ChangeSet, StoreContext } from '../store-context.js'
import { JOB_COLUMNS, resultStored, statusReasonOf, type JobRowLight } from './job-row.js'

const DAY_MS = 86_400_000

/** An event for the `job_events` table: its type and its type-specific fields. */
export interface EventToWrite {
  readonly type: string
  readonly data: object
}

/** One status move (or phase change) to apply to a locked job row. */
export interface TransitionPlan {
  readonly to: ServiceJobStatus
  /** Default: the new status's default phase. */
  readonly phase?: string | null | undefined
  readonly reason?: StatusReasonInput | undefined
  /** Further columns to set in the same update (lease, result, attempt…). */
  readonly set?: Updateable<JobsTable> | undefined
  /**
   * Events written just before the `job.status` event (e.g. `job.result_ready`), each made from
   * the updated row. (Makers rather than a function returning a list: their number is known
   * before the update, which records the job's last event seq in the same statement.)
   */
  readonly eventsBefore?: readonly ((updated: JobRowLight) => EventToWrite)[] | undefined
}

/**
 * Applies a move of the state machine to a job row the transaction has locked: checks it with
 * the protocol's `transitionServiceJobState`, updates status, phase, timestamps, lease, reason,
 * retention, `rev` and the last event seq in one `UPDATE`, and appends the `job.status` event
 * (after any `eventsBefore`, written when the transaction's work is done) — all in the caller's
 * transaction. A phase "change" to the same phase with nothing else to set is a no-op and
 * writes nothing.
 *
 * @param ctx - the store
 * @param trx - the open transaction holding the row lock
 * @param input - the locked row, the plan, and the change set to record into
 * @returns the updated row
 * @throws {@link JobStoreError} `store.invalid-transition` when §8.2 forbids the move
 * @throws TypeError when a `FAILED` move has no reason
 * @throws RangeError when the phase does not belong to the new status
 */
export async function applyTransition(
  ctx: StoreContext,
  trx: Transaction<Database>,
  input: { readonly row: JobRowLight; readonly plan: TransitionPlan; readonly changes: ChangeSet },
): Promise<JobRowLight> {
  const { row, plan, changes } = input
  const from = row.status as ServiceJobStatus
  const next = checkMove(row, plan)
  const statusChanged = next.status !== from
  if (!statusChanged && next.phase === row.phase && plan.set === undefined) return row

  const now = ctx.clock.now()
  const set = await columnsFor(ctx, trx, { row, plan, next, now })
  const makers = plan.eventsBefore ?? []
  const lastSeq = row.event_seq + makers.length + 1
  const values = { ...set, ...plan.set, rev: row.rev + 1, updated_at: now, event_seq: lastSeq }
  const updated = await updateLockedRow(ctx, trx, { row, values })
  if (updated === undefined) {
    // Rows are locked by the caller, so this means a bug, not a race to report to users.
    throw new Error(`job ${row.id} changed while locked`)
  }
  const events = [...makers.map((make) => make(updated)), statusEvent(updated, from)]
  recordEvents(changes, { jobId: row.id, afterSeq: row.event_seq, events, now })
  changes.jobs.push({ jobId: row.id, seq: lastSeq, status: next.status })
  if (next.status === 'QUEUED') changes.workFor.add(row.backend)
  return updated
}

/** The `UPDATE … RETURNING` of a transition, per set of columns (a handful of shapes). */
const UPDATES = new Map<string, PreparedQuery<unknown[], JobRowLight>>()

/** Sets columns of a locked row whose `rev` is still the one read; returns the updated row. */
async function updateLockedRow(
  ctx: StoreContext,
  trx: Transaction<Database>,
  input: { readonly row: JobRowLight; readonly values: Updateable<JobsTable> },
): Promise<JobRowLight | undefined> {
  const { row, values } = input
  // Kysely leaves out columns set to undefined; so does the prepared statement.
  const columns = (Object.keys(values) as (keyof JobsTable)[]).filter(
    (c) => values[c] !== undefined,
  )
  const plain = columns.map((c) => values[c])
  const shape = columns.join(',')
  let update = UPDATES.get(shape)
  if (update === undefined) {
    update = new PreparedQuery((db, _dialect, ...args: unknown[]) =>
      db
        .updateTable('jobs')
        .set(Object.fromEntries(columns.map((c, i) => [c, args[i]])) as Updateable<JobsTable>)
        .where('id', '=', args[columns.length] as string)
        .where('rev', '=', args[columns.length + 1] as number)
        .returning(JOB_COLUMNS)
        .returning(resultStored),
    )
    UPDATES.set(shape, update)
  }
  const [updated] = await update.execute({ dialect: ctx.dialect, shape }, trx, [
    ...plain,
    row.id,
    row.rev,
  ])
  return updated
}

/**
 * The `job.status` event of a row that has just changed (the protocol's `JobStatusEvent`
 * fields besides `type`, `seq`, `job_id` and `time`).
 *
 * @param updated - the row after the change
 * @param previous - the status before (null on submission)
 * @returns the event to write
 */
export function statusEvent(updated: JobRowLight, previous: ServiceJobStatus | null): EventToWrite {
  return {
    type: 'job.status',
    data: {
      status: updated.status,
      previous_status: previous,
      phase: updated.phase,
      status_reason: statusReasonOf(
        updated.reason_code,
        updated.reason_message,
        updated.reason_details_json,
      ),
      attempt: updated.attempt,
      rev: updated.rev,
    },
  }
}

/**
 * Records events for a job with consecutive seqs after `afterSeq`, to be written at the end of
 * the transaction (`inTransaction`); the caller records the last seq on the job in the same
 * transaction, usually in the `UPDATE` it makes anyway. The caller holds the job's row lock, so
 * seqs never collide or leave gaps.
 *
 * @param changes - the transaction's change set
 * @param input - the job, its last seq before these events, the events and the time
 * @returns the seq of the last event recorded
 */
export function recordEvents(
  changes: ChangeSet,
  input: {
    readonly jobId: string
    readonly afterSeq: number
    readonly events: readonly EventToWrite[]
    readonly now: number
  },
): number {
  const { jobId, afterSeq, events, now } = input
  events.forEach((e, i) => {
    changes.events.push({
      job_id: jobId,
      seq: afterSeq + i + 1,
      type: e.type,
      data_json: JSON.stringify(e.data),
      created_at: now,
    })
  })
  return afterSeq + events.length
}

function checkMove(
  row: JobRowLight,
  plan: TransitionPlan,
): { readonly status: ServiceJobStatus; readonly phase: string | null } {
  try {
    return transitionServiceJobState(
      { status: row.status as ServiceJobStatus, phase: row.phase },
      { status: plan.to, phase: plan.phase },
    )
  } catch (error) {
    if (isQfabricError(error) && error.code === 'job.invalid-transition') {
      throw new JobStoreError(
        'store.invalid-transition',
        `Job ${row.id} cannot go from ${row.status} to ${plan.to}.`,
        { cause: error },
      )
    }
    throw error
  }
}

async function columnsFor(
  ctx: InstanceTreeContext,
  trx: Transaction<Database>,
  input: {
    readonly row: JobRowLight
    readonly plan: TransitionPlan
    readonly next: { readonly status: ServiceJobStatus; readonly phase: string | null }
    readonly now: number
  },
): Promise<Updateable<JobsTable>> {
  const { row, plan, next, now } = input
  const set: Updateable<JobsTable> = { status: next.status, phase: next.phase }
  if (next.status === row.status) return set
  const times = JSON.parse(row.status_times_json) as Record<string, number>
  times[next.status] = now
  set.status_times_json = JSON.stringify(times)
  if (next.status === 'QUEUED') set.queued_at = now
  if (next.status === 'RUNNING') set.started_at = now
  if (next.status === 'CANCELLING') set.cancel_requested_at = now
  const reason = reasonFor(row.id, next.status, plan.reason)
  if (reason !== undefined) {
    set.reason_code = reason.code
    set.reason_message = reason.message ?? null
    set.reason_details_json =
      reason.details === undefined || reason.details === null
        ? null
        : JSON.stringify(reason.details)
  }
  if (isFinalServiceJobStatus(next.status)) {
    const hasResult = plan.set?.result_body !== undefined && plan.set.result_body !== null
    Object.assign(set, await finalColumns(ctx, trx, { row, now, hasResult }))
  }
  return set
}

function reasonFor(
  jobId: string,
  status: ServiceJobStatus,
  reason: StatusReasonInput | undefined,
): StatusReasonInput | undefined {
  if (status === 'FAILED' && reason === undefined) {
    throw new TypeError(`job ${jobId}: a FAILED job needs a status reason`)
  }
  if (status === 'CANCELLED' && reason === undefined) return { code: 'cancelled_by_user' }
  if (reason === undefined) return undefined
  const message =
    reason.message ?? (isJobReasonCode(reason.code) ? JOB_REASON_CODES[reason.code].message : null)
  return { ...reason, message: message ?? reason.code }
}

async function finalColumns(
  ctx: InstanceTreeContext,
  trx: Transaction<Database>,
  input: { readonly row: JobRowLight; readonly now: number; readonly hasResult: boolean },
): Promise<Updateable<JobsTable>> {
  const { row, now, hasResult } = input
  // Cached settings: a retention changed by an admin applies within the cache's TTL.
  const settings = await effectiveSettingsIn(ctx, trx, row.instance)
  return {
    ended_at: now,
    lease_owner: null,
    lease_expires_at: null,
    usage_wall_seconds: row.started_at === null ? null : (now - row.started_at) / 1000,
    result_expires_at:
      !hasResult || settings.result_ttl_days === null
        ? null
        : now + settings.result_ttl_days * DAY_MS,
    expires_at: settings.record_ttl_days === null ? null : now + settings.record_ttl_days * DAY_MS,
  }
}
