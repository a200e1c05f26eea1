import type { Transaction } from 'kysely'
import type { Database } from '../database-schema.js'
import { JOB_COLUMNS, resultStored, type JobRowLight } from '../jobs/job-row.js'
import { statusLiterals } from '../jobs/status-literal.js'
import { PreparedQuery } from '../prepared-query.js'
import type { StoreContext } from '../store-context.js'
import {
  candidates,
  claimColumns,
  recordClaim,
  RUNNING_STATUSES,
  type ClaimInput,
} from './claim-query.js'

/** Candidates skipped because their instance filled up meanwhile, before giving up. */
const MAX_LIMIT_RETRIES = 16

/**
 * One statement that picks the next job (`FOR UPDATE SKIP LOCKED`) and, when its instance has
 * no running limit, claims it; when it has one, locks the instance row instead (`FOR NO KEY
 * UPDATE`, as `StoreDialect.lockInstance` does: it serialises the instance's claimers and
 * submitters without blocking the foreign-key checks of job inserts) for the recount of
 * {@link CLAIM_WITHIN_LIMIT}. Answers nothing when no job is claimable, else the pick and, if
 * claimed, the row. Per number of backends and of excluded instances: compiled once each.
 */
const PICKS = new Map<string, ReturnType<typeof pickAndClaim>>()

function pickAndClaim(backendCount: number, excludedCount: number) {
  return new PreparedQuery((db, dialect, ...args: unknown[]) => {
    const [phase, workerId, leaseExpiresAt, now, ...rest] = args
    const backends = rest.slice(0, backendCount) as string[]
    const excluded = rest.slice(backendCount, backendCount + excludedCount) as string[]
    return (
      db
        // Materialised: the claim and the lock read the one pick (and its row lock).
        .with(
          (cte) => cte('pick').materialized(),
          (qc) => candidates(qc, backends, excluded).forUpdate('j').skipLocked(),
        )
        .with('claimed', (qc) =>
          qc
            .updateTable('jobs')
            .set((eb) => claimColumns(eb, dialect, { phase, workerId, leaseExpiresAt, now }))
            .where('id', '=', (eb) =>
              eb.selectFrom('pick').select('pick.id').where('pick.max_running', 'is', null),
            )
            .returning(JOB_COLUMNS)
            .returning(resultStored),
        )
        .with('locked', (qc) =>
          qc
            .selectFrom('instances')
            .select('path')
            .where('path', '=', (eb) =>
              eb
                .selectFrom('pick')
                .select('pick.instance')
                .where('pick.max_running', 'is not', null),
            )
            .forNoKeyUpdate(),
        )
        .selectFrom('pick')
        .leftJoin('claimed', (join) => join.onTrue())
        // Joined so that the lock is taken (a select in `with` runs only when read).
        .leftJoin('locked', (join) => join.onTrue())
        .select([
          'pick.id as pick_id',
          'pick.instance as pick_instance',
          'pick.max_running as pick_max_running',
        ])
        .selectAll('claimed')
    )
  })
}

/**
 * Claims a picked job whose instance row this transaction has locked, if the instance is still
 * below its running limit. The count is part of the `UPDATE`, whose snapshot is taken after the
 * lock was granted: it sees every claim of the instance that committed before.
 */
const CLAIM_WITHIN_LIMIT = new PreparedQuery((db, dialect, ...args: unknown[]) => {
  const [phase, workerId, leaseExpiresAt, now, id, instance, maxRunning] = args
  return db
    .updateTable('jobs')
    .set((eb) => claimColumns(eb, dialect, { phase, workerId, leaseExpiresAt, now }))
    .where('id', '=', id as string)
    .where((eb) =>
      eb(
        eb
          .selectFrom('jobs as r')
          .select((r) => r.fn.countAll<number>().as('n'))
          .where('r.instance', '=', instance as string)
          .where('r.status', 'in', statusLiterals(RUNNING_STATUSES)),
        '<',
        maxRunning as number,
      ),
    )
    .returning(JOB_COLUMNS)
    .returning(resultStored)
})

/**
 * The PostgreSQL claim: one statement picks (`FOR UPDATE SKIP LOCKED`: concurrent claimers
 * skip each other's rows) and claims a job of an instance without running limit. A job of a
 * limited instance costs a second statement, the claim with a recount under the instance lock,
 * so that parallel claims never exceed the limit; an instance found full is passed over.
 *
 * @param ctx - the store
 * @param trx - the open transaction
 * @param input - the request, its phase, the change set to record into
 * @returns the claimed row, or `undefined`
 */
export async function claimWithSkipLocked(
  ctx: StoreContext,
  trx: Transaction<Database>,
  { request, phase, changes }: ClaimInput,
): Promise<JobRowLight | undefined> {
  const now = ctx.clock.now()
  const { workerId, leaseMs, backends } = request
  const values = [phase, workerId, now + leaseMs, now]
  const excluded: string[] = []
  for (let i = 0; i < MAX_LIMIT_RETRIES; i++) {
    const shape = `${String(backends.length)}:${String(excluded.length)}`
    let pick = PICKS.get(shape)
    if (pick === undefined) {
      pick = pickAndClaim(backends.length, excluded.length)
      PICKS.set(shape, pick)
    }
    const [picked] = await pick.execute(ctx, trx, [...values, ...backends, ...excluded])
    if (picked === undefined) return undefined
    let claimed: JobRowLight | undefined
    if (picked.pick_max_running === null) {
      if (picked.id === null) throw new Error(`job ${picked.pick_id} was picked but not claimed`)
      claimed = picked as JobRowLight
    } else {
      const { pick_id: id, pick_instance: instance, pick_max_running: maxRunning } = picked
      ;[claimed] = await CLAIM_WITHIN_LIMIT.execute(ctx, trx, [...values, id, instance, maxRunning])
      if (claimed === undefined) {
        excluded.push(instance)
        continue
      }
    }
    recordClaim(changes, claimed, now)
    return claimed
  }
  return undefined
}
