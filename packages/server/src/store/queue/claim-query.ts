import { sql, type ExpressionBuilder, type QueryCreator } from 'kysely'
import type { Database } from '../database-schema.js'
import { recordEvents, statusEvent } from '../jobs/apply-transition.js'
import type { JobRowLight } from '../jobs/job-row.js'
import { statusLiteral, statusLiterals } from '../jobs/status-literal.js'
import type { ClaimRequest } from '../queue-types.js'
import type { ChangeSet, StoreDialect } from '../store-context.js'

/** The statuses that hold a running slot of an instance. */
export const RUNNING_STATUSES = ['RUNNING', 'CANCELLING'] as const

/** What a claim works with, whichever way the dialect claims. */
export interface ClaimInput {
  readonly request: ClaimRequest
  /** The `RUNNING` phase to start in (checked). */
  readonly phase: string
  readonly changes: ChangeSet
}

/**
 * The next job to run for some backends, in claim order: priority (higher first), then the
 * instance with the fewest running jobs (fair share across instances), then submission order.
 * Instances at their effective `max_running_jobs` are skipped.
 *
 * @param db - the database, or the query creator of a `with`
 * @param backends - the backends asked for
 * @param excluded - instances to pass over (found full by a recount)
 * @returns the select of `id`, `instance`, `backend` and `max_running` (null: no limit)
 */
export function candidates(
  db: QueryCreator<Database>,
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

/** The values a claim sets (stand-ins when compiled by a `PreparedQuery`). */
export interface ClaimValues {
  readonly phase: unknown
  readonly workerId: unknown
  readonly leaseExpiresAt: unknown
  readonly now: unknown
}

/**
 * The columns a claim sets on the job row, computed by the database from the row itself — the
 * backend's version and calibration id by subselects — so that a claim needs no read of the row
 * or the backend first: `RUNNING` with its phase, the lease, the start time, `rev` and the last
 * event seq (the claim's `job.status` event, recorded next).
 *
 * @param eb - the expression builder of the `UPDATE jobs`
 * @param dialect - the store's dialect (JSON functions differ)
 * @param values - phase, worker, lease expiry and time
 * @returns the `set` object
 */
export function claimColumns(
  eb: ExpressionBuilder<Database, 'jobs'>,
  dialect: StoreDialect,
  values: ClaimValues,
) {
  const { phase, workerId, leaseExpiresAt, now } = values
  return {
    status: 'RUNNING',
    phase: phase as string,
    lease_owner: workerId as string,
    lease_expires_at: leaseExpiresAt as number,
    started_at: now as number,
    status_times_json:
      dialect.name === 'sqlite'
        ? sql<string>`json_set(status_times_json, '$.RUNNING', ${now})`
        : sql<string>`jsonb_set(status_times_json::jsonb, '{RUNNING}', to_jsonb(${now}::bigint))::text`,
    backend_version: eb
      .selectFrom('backends')
      .select('backends.version')
      .whereRef('backends.name', '=', 'jobs.backend'),
    backend_calibration_id: eb
      .selectFrom('backends')
      .select('backends.calibration_id')
      .whereRef('backends.name', '=', 'jobs.backend'),
    rev: sql<number>`rev + 1`,
    updated_at: now as number,
    event_seq: sql<number>`event_seq + 1`,
  }
}

/**
 * Records the claim's `job.status` event (its seq was counted by {@link claimColumns}) and the
 * change to announce.
 *
 * @param changes - the transaction's change set
 * @param claimed - the row as the claim left it
 * @param now - the claim's time
 */
export function recordClaim(changes: ChangeSet, claimed: JobRowLight, now: number): void {
  const seq = recordEvents(changes, {
    jobId: claimed.id,
    afterSeq: claimed.event_seq - 1,
    events: [statusEvent(claimed, 'QUEUED')],
    now,
  })
  changes.jobs.push({ jobId: claimed.id, seq, status: 'RUNNING' })
}
