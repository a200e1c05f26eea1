import { isPhaseOf } from '@qfabric/protocol'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../database-schema.js'
import { applyTransition, insertEvents, statusEvent } from '../jobs/apply-transition.js'
import { JOB_COLUMNS, resultStored, rowToJob, type JobRowLight } from '../jobs/job-row.js'
import type { StoredJob } from '../job-store-types.js'
import type { ClaimRequest } from '../queue-types.js'
import { PreparedQuery } from '../prepared-query.js'
import { inTransaction, type ChangeSet, type StoreContext } from '../store-context.js'
import { statusLiteral, statusLiterals } from '../jobs/status-literal.js'

const RUNNING_STATUSES = ['RUNNING', 'CANCELLING'] as const
/** Candidates skipped because their instance filled up meanwhile, before giving up (PostgreSQL). */
const MAX_LIMIT_RETRIES = 16

/**
 * The next job to run for some backends, in claim order: priority (higher first), then the
 * instance with the fewest running jobs (fair share across instances), then submission order.
 * Instances at their effective `max_running_jobs` are skipped.
 */
function candidates(
  db: Kysely<Database>,
  backends: readonly string[],
  excluded: readonly string[],
) {
  const running = sql<number>`coalesce(r.n, 0)`
  const limit = sql<
    number | null
  >`coalesce(p.max_running_jobs, g.max_running_jobs, h.max_running_jobs)`
  let query = db
    .with('running', (qc) =>
      qc
        .selectFrom('jobs')
        .select(['instance', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', statusLiterals(RUNNING_STATUSES))
        .groupBy('instance'),
    )
    .selectFrom('jobs as j')
    .innerJoin('instances as p', 'p.path', 'j.instance')
    .leftJoin('instances as g', 'g.path', 'p.parent')
    .leftJoin('instances as h', 'h.path', 'g.parent')
    .leftJoin('running as r', 'r.instance', 'j.instance')
    .where('j.status', '=', statusLiteral('QUEUED'))
    .where('j.backend', 'in', backends)
    .where((eb) => eb.or([eb(limit, 'is', null), eb(running, '<', limit)]))
  if (excluded.length > 0) query = query.where('j.instance', 'not in', excluded)
  return query
    .orderBy('j.priority', 'desc')
    .orderBy(running)
    .orderBy('j.created_at')
    .orderBy('j.id')
    .limit(1)
    .select(['j.id', 'j.instance', 'j.backend', limit.as('max_running')])
}

/**
 * Claims the next job for a worker (§8.13): marks it `RUNNING` with a lease, records the
 * backend's version and calibration id, and writes the `job.status` event — one transaction.
 * SQLite: one `UPDATE … RETURNING` whose subquery picks the job, inside `BEGIN IMMEDIATE` (the
 * write lock makes it atomic). PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED` (concurrent
 * claimers skip each other's rows), then, for an instance with a running limit, a lock on the
 * instance row and a recount, so that parallel claims never exceed the limit.
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

interface ClaimInput {
  readonly request: ClaimRequest
  readonly phase: string
  readonly changes: ChangeSet
}

/** The SQLite claim (one `UPDATE … RETURNING`), per number of backends: compiled once each. */
const CLAIMS = new Map<number, PreparedQuery<unknown[], JobRowLight>>()

function claimUpdate(backendCount: number): PreparedQuery<unknown[], JobRowLight> {
  let claim = CLAIMS.get(backendCount)
  if (claim !== undefined) return claim
  claim = new PreparedQuery((db, _dialect, ...args: unknown[]) => {
    const [phase, workerId, leaseExpiresAt, now, ...backends] = args as [
      string,
      string,
      number,
      number,
      ...string[],
    ]
    const pick = candidates(db, backends, []).clearSelect().select('j.id')
    return db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'RUNNING',
        phase,
        lease_owner: workerId,
        lease_expires_at: leaseExpiresAt,
        started_at: now,
        status_times_json: sql<string>`json_set(status_times_json, '$.RUNNING', ${now})`,
        backend_version: eb
          .selectFrom('backends')
          .select('backends.version')
          .whereRef('backends.name', '=', 'jobs.backend'),
        backend_calibration_id: eb
          .selectFrom('backends')
          .select('backends.calibration_id')
          .whereRef('backends.name', '=', 'jobs.backend'),
        rev: sql<number>`rev + 1`,
        updated_at: now,
        // The claim's `job.status` event, written next.
        event_seq: sql<number>`event_seq + 1`,
      }))
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
  const seq = await insertEvents(ctx, trx, {
    jobId: updated.id,
    afterSeq: updated.event_seq - 1,
    events: [statusEvent(updated, 'QUEUED')],
    now,
  })
  changes.jobs.push({ jobId: updated.id, seq, status: 'RUNNING' })
  return updated
}

async function claimWithSkipLocked(
  ctx: StoreContext,
  trx: Transaction<Database>,
  { request, phase, changes }: ClaimInput,
): Promise<JobRowLight | undefined> {
  const excluded: string[] = []
  for (let i = 0; i < MAX_LIMIT_RETRIES; i++) {
    const candidate = await candidates(trx, request.backends, excluded)
      .forUpdate('j')
      .skipLocked()
      .executeTakeFirst()
    if (candidate === undefined) return undefined
    if (candidate.max_running !== null) {
      // Parallel claimers may each have counted the same free slot: serialise per instance and
      // count again with what has committed since.
      await ctx.dialect.lockInstance(trx, candidate.instance)
      const { n } = await trx
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('instance', '=', candidate.instance)
        .where('status', 'in', statusLiterals(RUNNING_STATUSES))
        .executeTakeFirstOrThrow()
      if (n >= candidate.max_running) {
        excluded.push(candidate.instance)
        continue
      }
    }
    const row = await trx
      .selectFrom('jobs')
      .select(JOB_COLUMNS)
      .select(resultStored)
      .where('id', '=', candidate.id)
      .executeTakeFirstOrThrow()
    const backend = await trx
      .selectFrom('backends')
      .select(['version', 'calibration_id'])
      .where('name', '=', row.backend)
      .executeTakeFirst()
    const now = ctx.clock.now()
    const plan = {
      to: 'RUNNING' as const,
      phase,
      set: {
        lease_owner: request.workerId,
        lease_expires_at: now + request.leaseMs,
        backend_version: backend?.version ?? null,
        backend_calibration_id: backend?.calibration_id ?? null,
      },
    }
    return applyTransition(ctx, trx, { row, plan, changes })
  }
  return undefined
}
