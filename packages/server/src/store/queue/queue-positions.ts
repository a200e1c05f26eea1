import { sql } from 'kysely'
import type { InstanceJobCounts, QueuePosition } from '../queue-types.js'
import { PreparedQuery } from '../prepared-query.js'
import type { StoreContext } from '../store-context.js'
import { statusLiteral, statusLiterals } from '../jobs/status-literal.js'

// Status polls of queued jobs ask this: compiled once.
const QUEUE_KEY = new PreparedQuery((db, _dialect, jobId: string) =>
  db
    .selectFrom('jobs')
    .select(['status', 'backend', 'instance', 'priority', 'created_at', 'id'])
    .where('id', '=', jobId),
)

/** The queued jobs of the backend ahead of (priority, created_at, id): by priority, overall, in the instance. */
const AHEAD = new PreparedQuery(
  (
    db,
    _dialect,
    ...key: [priority: number, createdAt: number, id: string, instance: string, backend: string]
  ) => {
    const [p, c, id, instance, backend] = key
    const before = sql<boolean>`(priority = ${p} and (created_at < ${c} or (created_at = ${c} and id < ${id})))`
    const higher = sql<boolean>`priority > ${p}`
    return db
      .selectFrom('jobs')
      .select([
        sql<number>`coalesce(sum(case when ${higher} then 1 else 0 end), 0)`.as('priority'),
        sql<number>`coalesce(sum(case when ${before} then 1 else 0 end), 0)`.as('normal'),
        sql<number>`coalesce(sum(case when instance = ${instance} and (${higher} or ${before}) then 1 else 0 end), 0)`.as(
          'in_instance',
        ),
      ])
      .where('status', '=', statusLiteral('QUEUED'))
      .where('backend', '=', backend)
  },
)

/**
 * A queued job's place (§8.3 `queue`, §8.13 "computed on read"): the queued jobs of its
 * backend that come before it in priority-then-submission order, overall and within its
 * instance. Fair share may reorder instances at claim time, so this is the static order, not a
 * promise.
 *
 * @param ctx - the store
 * @param jobId - the job
 * @returns the position, or `undefined` when the job is not queued (or does not exist)
 */
export async function queuePosition(
  ctx: StoreContext,
  jobId: string,
): Promise<QueuePosition | undefined> {
  const [job] = await QUEUE_KEY.execute(ctx, ctx.db, [jobId])
  if (job?.status !== 'QUEUED') return undefined
  const [counts] = await AHEAD.execute(ctx, ctx.db, [
    job.priority,
    job.created_at,
    job.id,
    job.instance,
    job.backend,
  ])
  if (counts === undefined) throw new Error('an aggregate query returned no row')
  const aheadPriority = counts.priority
  const aheadNormal = counts.normal
  return {
    position: aheadPriority + aheadNormal,
    positionInInstance: counts.in_instance,
    aheadNormal,
    aheadPriority,
  }
}

/**
 * Queued and running (`RUNNING` + `CANCELLING`) jobs per instance.
 *
 * @param ctx - the store
 * @param instances - only these instances (each listed even with no jobs); default every
 *   instance that has unfinished jobs
 * @returns one entry per instance, sorted by instance
 */
export async function countJobs(
  ctx: StoreContext,
  instances?: readonly string[],
): Promise<InstanceJobCounts[]> {
  if (instances?.length === 0) return []
  let query = ctx.db
    .selectFrom('jobs')
    .select(['instance', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', statusLiterals(['QUEUED', 'RUNNING', 'CANCELLING']))
    .groupBy(['instance', 'status'])
  if (instances !== undefined) query = query.where('instance', 'in', instances)
  const rows = await query.execute()
  const byInstance = new Map<string, { queued: number; running: number }>()
  for (const name of instances ?? []) byInstance.set(name, { queued: 0, running: 0 })
  for (const row of rows) {
    const entry = byInstance.get(row.instance) ?? { queued: 0, running: 0 }
    if (row.status === 'QUEUED') entry.queued += row.n
    else entry.running += row.n
    byInstance.set(row.instance, entry)
  }
  return [...byInstance.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([instance, c]) => ({ instance, ...c }))
}
