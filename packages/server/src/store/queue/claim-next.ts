import { isPhaseOf } from '@qfabric/protocol'
import type { Transaction } from 'kysely'
import type { Database } from '../database-schema.js'
import { JOB_COLUMNS, resultStored, rowToJob, type JobRowLight } from '../jobs/job-row.js'
import { statusLiteral } from '../jobs/status-literal.js'
import type { StoredJob } from '../job-store-types.js'
import type { ClaimRequest } from '../queue-types.js'
import { PreparedQuery } from '../prepared-query.js'
import { inTransaction, type StoreContext } from '../store-context.js'
import { candidates, claimColumns, recordClaim, type ClaimInput } from './claim-query.js'
import { claimWithSkipLocked } from './claim-with-skip-locked.js'

/**
 * Claims the next job for a worker (§8.13): marks it `RUNNING` with a lease, records the
 * backend's version and calibration id, and writes the `job.status` event — one transaction.
 * SQLite: one `UPDATE … RETURNING` whose subquery picks the job, inside `BEGIN IMMEDIATE` (the
 * write lock makes it atomic). PostgreSQL: the same `UPDATE`, its pick locked with
 * `FOR UPDATE SKIP LOCKED` (concurrent claimers skip each other's rows), except for a job whose
 * instance has a running limit: that takes a lock on the instance row and a recount first, so
 * that parallel claims never exceed the limit (see `claimWithSkipLocked`).
 *
 * @param ctx - the store
 * @param request - worker id, backends, lease length
 * @returns the claimed job, or `undefined`
 * @throws RangeError for a phase that is not a `RUNNING` phase or a non-positive lease
 */
export async function claimNext(
  ctx: StoreContext,
  request: ClaimRequest,
): Promise<StoredJob | undefined> {
  const phase = request.phase ?? 'preparing'
  if (!isPhaseOf('RUNNING', phase)) throw new RangeError(`${phase} is not a RUNNING phase`)
  if (!(request.leaseMs > 0))
    throw new RangeError(`leaseMs must be positive, got ${request.leaseMs}`)
  if (request.backends.length === 0) return undefined
  const row = await inTransaction(ctx, (trx, changes) =>
    ctx.dialect.name === 'sqlite'
      ? claimWithUpdate(ctx, trx, { request, phase, changes })
      : claimWithSkipLocked(ctx, trx, { request, phase, changes }),
  )
  return row === undefined ? undefined : rowToJob(row)
}

/** The SQLite claim (one `UPDATE … RETURNING`), per number of backends: compiled once each. */
const CLAIMS = new Map<number, PreparedQuery<unknown[], JobRowLight>>()

function claimUpdate(backendCount: number): PreparedQuery<unknown[], JobRowLight> {
  let claim = CLAIMS.get(backendCount)
  if (claim !== undefined) return claim
  claim = new PreparedQuery((db, dialect, ...args: unknown[]) => {
    const [phase, workerId, leaseExpiresAt, now, ...backends] = args as [
      unknown,
      unknown,
      unknown,
      unknown,
      ...string[],
    ]
    const pick = candidates(db, backends, []).clearSelect().select('j.id')
    return db
      .updateTable('jobs')
      .set((eb) => claimColumns(eb, dialect, { phase, workerId, leaseExpiresAt, now }))
      .where('id', '=', pick)
      .where('status', '=', statusLiteral('QUEUED'))
      .returning(JOB_COLUMNS)
      .returning(resultStored)
  })
  CLAIMS.set(backendCount, claim)
  return claim
}

async function claimWithUpdate(
  ctx: StoreContext,
  trx: Transaction<Database>,
  { request, phase, changes }: ClaimInput,
): Promise<JobRowLight | undefined> {
  const now = ctx.clock.now()
  const { workerId, leaseMs, backends } = request
  const [updated] = await claimUpdate(backends.length).execute(ctx, trx, [
    phase,
    workerId,
    now + leaseMs,
    now,
    ...backends,
  ])
  if (updated === undefined) return undefined
  recordClaim(changes, updated, now)
  return updated
}
