import type { ServiceJobStatus } from '@qfabric/protocol'
import { sql, type RawBuilder } from 'kysely'

/**
 * A job status written into the SQL text as a literal (`'QUEUED'`), not bound as a parameter.
 *
 * The partial indexes of `jobs` (`status = 'QUEUED'` for the queue order, `status in
 * ('RUNNING', 'CANCELLING')` for leases) can serve a query only when its status matches theirs.
 * With a literal SQLite decides that once, when the statement is prepared. With a bound
 * parameter it peeks at the bound value and marks the statement to be prepared again whenever
 * that parameter is bound anew — that is, on every run: the claim query cost ~250 µs instead of
 * ~30 µs that way. Statuses are a closed set of constants, so nothing user-supplied reaches the
 * SQL text.
 *
 * @param status - a job status
 * @returns the status as an SQL literal
 * @example
 * ```ts
 * db.selectFrom('jobs').select('id').where('status', '=', statusLiteral('QUEUED'))
 * ```
 */
export function statusLiteral(status: ServiceJobStatus): RawBuilder<ServiceJobStatus> {
  return sql.lit(status)
}

/**
 * Several job statuses as SQL literals, for `in` (see {@link statusLiteral}).
 *
 * @param statuses - job statuses
 * @returns the literals, in order
 * @example
 * ```ts
 * db.selectFrom('jobs').select('id').where('status', 'in', statusLiterals(['RUNNING', 'CANCELLING']))
 * ```
 */
export function statusLiterals(
  statuses: readonly ServiceJobStatus[],
): RawBuilder<ServiceJobStatus>[] {
  return statuses.map(statusLiteral)
}
