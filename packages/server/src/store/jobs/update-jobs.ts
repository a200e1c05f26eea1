import {
  isFinalServiceJobStatus,
  type ServiceJobStatus,
  type StoredJobEvent,
} from '@qfabric/protocol'
import type { AppendableJobEvent } from '../job-store.js'
import { JobStoreError } from '../job-store-error.js'
import type {
  CancelJobResult,
  JobPatch,
  StatusReasonInput,
  StoredJob,
  TransitionRequest,
} from '../job-store-types.js'
import { inTransaction, type StoreContext } from '../store-context.js'
import { applyTransition, type TransitionPlan } from './apply-transition.js'
import { JOB_COLUMNS, resultStored, rowToEvent, rowToJob } from './job-row.js'
import { lockJob } from './lock-job.js'

/**
 * Renames or retags a job; allowed in every status (§8.2: final jobs keep `name`/`tags`
 * mutable). Bumps `rev` but writes no event (not a status change).
 *
 * @param ctx - the store
 * @param id - the job id
 * @param patch - the new name and/or tags
 * @returns the job
 * @throws {@link JobStoreError} `store.not-found`
 */
export async function patchJob(ctx: StoreContext, id: string, patch: JobPatch): Promise<StoredJob> {
  return inTransaction(ctx, async (trx) => {
    const row = await lockJob(ctx, trx, id)
    if (patch.name === undefined && patch.tags === undefined) return rowToJob(row)
    const tags = patch.tags === undefined ? undefined : [...new Set(patch.tags)]
    const updated = await trx
      .updateTable('jobs')
      .set({
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(tags === undefined ? {} : { tags_json: JSON.stringify(tags) }),
        rev: row.rev + 1,
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', id)
      .returning(JOB_COLUMNS)
      .returning(resultStored)
      .executeTakeFirstOrThrow()
    if (tags !== undefined) {
      await trx.deleteFrom('job_tags').where('job_id', '=', id).execute()
      if (tags.length > 0) {
        await trx
          .insertInto('job_tags')
          .values(tags.map((tag) => ({ job_id: id, tag })))
          .execute()
      }
    }
    return rowToJob(updated)
  })
}

/**
 * Cancels a job (§8.2): `QUEUED` → `CANCELLED` at once; `RUNNING` → `CANCELLING`, phase
 * `cancel_requested` (the lease holder acknowledges); `CANCELLING` and final jobs unchanged.
 *
 * @param ctx - the store
 * @param id - the job id
 * @param reason - why (default `cancelled_by_user`)
 * @returns the job and what happened
 * @throws {@link JobStoreError} `store.not-found`
 */
export async function requestCancel(
  ctx: StoreContext,
  id: string,
  reason?: StatusReasonInput,
): Promise<CancelJobResult> {
  return inTransaction(ctx, async (trx, changes) => {
    const row = await lockJob(ctx, trx, id)
    const status = row.status as ServiceJobStatus
    if (isFinalServiceJobStatus(status)) {
      return { job: rowToJob(row), changed: false, alreadyFinal: true }
    }
    if (status === 'CANCELLING') return { job: rowToJob(row), changed: false, alreadyFinal: false }
    const to = status === 'QUEUED' ? 'CANCELLED' : 'CANCELLING'
    const plan: TransitionPlan =
      to === 'CANCELLED' ? { to, reason: reason ?? { code: 'cancelled_by_user' } } : { to }
    const updated = await applyTransition(ctx, trx, { row, plan, changes })
    return { job: rowToJob(updated), changed: true, alreadyFinal: false }
  })
}

/**
 * Moves a job through the state machine (§8.2) or changes its phase, with optional checks of
 * the current status and of the lease holder.
 *
 * @param ctx - the store
 * @param id - the job id
 * @param request - target status, phase, reason and checks
 * @returns the job
 * @throws {@link JobStoreError} `store.invalid-transition` (forbidden move, or `from` does not
 *   match), `store.lease-lost` (`workerId` does not hold the lease), `store.not-found`
 */
export async function transition(
  ctx: StoreContext,
  id: string,
  request: TransitionRequest,
): Promise<StoredJob> {
  return inTransaction(ctx, async (trx, changes) => {
    const row = await lockJob(ctx, trx, id)
    if (request.from !== undefined && row.status !== request.from) {
      throw new JobStoreError(
        'store.invalid-transition',
        `Job ${id} is ${row.status}, not ${request.from}.`,
      )
    }
    if (request.workerId !== undefined && row.lease_owner !== request.workerId) {
      throw new JobStoreError(
        'store.lease-lost',
        `Worker ${request.workerId} does not hold job ${id}.`,
      )
    }
    const plan = {
      to: request.to,
      phase: request.phase,
      reason: request.reason,
      // Leaving RUNNING for QUEUED by hand is a requeue: the lease goes, the attempt counts.
      ...(request.to === 'QUEUED' && row.status !== 'QUEUED'
        ? { set: { lease_owner: null, lease_expires_at: null, attempt: row.attempt + 1 } }
        : {}),
    }
    return rowToJob(await applyTransition(ctx, trx, { row, plan, changes }))
  })
}

/**
 * Appends a progress, log or queue event. Progress also updates the record's `progress`.
 *
 * @param ctx - the store
 * @param id - the job id
 * @param event - the event
 * @returns the stored event
 * @throws {@link JobStoreError} `store.not-found`, `store.invalid-state` for a final job (its
 *   terminal event must stay the last)
 */
export async function appendEvent(
  ctx: StoreContext,
  id: string,
  event: AppendableJobEvent,
): Promise<StoredJobEvent> {
  return inTransaction(ctx, async (trx, changes) => {
    const row = await lockJob(ctx, trx, id)
    if (isFinalServiceJobStatus(row.status as ServiceJobStatus)) {
      throw new JobStoreError('store.invalid-state', `Job ${id} has ended; no more events.`)
    }
    const now = ctx.clock.now()
    const seq = row.event_seq + 1
    const { type, ...data } = event
    await trx
      .updateTable('jobs')
      .set({
        event_seq: seq,
        updated_at: now,
        ...(event.type === 'job.progress'
          ? { progress_done: event.done, progress_total: event.total, rev: row.rev + 1 }
          : {}),
      })
      .where('id', '=', id)
      .execute()
    const stored = { job_id: id, seq, type, data_json: JSON.stringify(data), created_at: now }
    changes.events.push(stored)
    changes.jobs.push({ jobId: id, seq, status: row.status as ServiceJobStatus })
    return rowToEvent(stored)
  })
}

/**
 * Deletes a final job's input and result, keeping a tombstone (`deleted_at`) with status,
 * timestamps and events.
 *
 * @param ctx - the store
 * @param id - the job id
 * @returns the tombstone
 * @throws {@link JobStoreError} `store.invalid-state` for an unfinished job, `store.not-found`
 */
export async function deleteJob(ctx: StoreContext, id: string): Promise<StoredJob> {
  return inTransaction(ctx, async (trx) => {
    const row = await lockJob(ctx, trx, id)
    if (!isFinalServiceJobStatus(row.status as ServiceJobStatus)) {
      throw new JobStoreError(
        'store.invalid-state',
        `Job ${id} is ${row.status}; only final jobs can be deleted.`,
      )
    }
    if (row.deleted_at !== null) return rowToJob(row)
    const now = ctx.clock.now()
    const updated = await trx
      .updateTable('jobs')
      .set({
        input_text: null,
        result_body: null,
        deleted_at: now,
        updated_at: now,
        rev: row.rev + 1,
      })
      .where('id', '=', id)
      .returning(JOB_COLUMNS)
      .returning(resultStored)
      .executeTakeFirstOrThrow()
    return rowToJob(updated)
  })
}
