import { FINAL_SERVICE_JOB_STATUSES, PENDING_SERVICE_JOB_STATUSES } from '@qfabric/protocol'
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Database } from '../database-schema.js'
import type { ListJobsOptions, ListJobsResult } from '../job-store-types.js'
import { fromIso, type StoreContext } from '../store-context.js'
import { rowToJob, selectJobColumns } from './job-row.js'
import { underPrefix, visibleTo } from './visibility-filter.js'

type Jobs = ExpressionBuilder<Database, 'jobs'>

/** Stands for "no end time yet" when sorting by `ended_at`: unfinished jobs sort as newest. */
const NOT_ENDED = 8_640_000_000_000_000

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 1000

/**
 * Lists jobs with the filters of §8.6 as one keyset query: `(sort value, id)` after the given
 * position, in the given order, `limit + 1` rows to know whether more follow. Sorting by
 * `ended_at` puts unfinished jobs first in descending order (their value is "not yet").
 *
 * @param ctx - the store
 * @param options - filters, keyset position and viewer
 * @returns the page, whether more follow, the last item's position and optionally the total
 * @throws TypeError when `owner: 'me'` is asked without a viewer
 */
export async function listJobs(
  ctx: StoreContext,
  options: ListJobsOptions = {},
): Promise<ListJobsResult> {
  const filter = options.filter ?? {}
  const sort = filter.sort ?? 'created_at'
  const order = filter.order ?? 'desc'
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT)
  const sortExpr =
    sort === 'created_at'
      ? sql<number>`created_at`
      : sql<number>`coalesce(ended_at, ${sql.lit(NOT_ENDED)})`
  const where = (eb: Jobs): Expression<SqlBool> => eb.and(conditions(ctx, eb, options))

  let query = selectJobColumns(ctx.db.selectFrom('jobs')).where(where)
  if (options.after !== undefined) {
    const value = options.after.value === null ? NOT_ENDED : fromIso(options.after.value)
    const id = options.after.id
    const cmp = order === 'desc' ? '<' : '>'
    query = query.where((eb) =>
      eb.or([eb(sortExpr, cmp, value), eb.and([eb(sortExpr, '=', value), eb('id', cmp, id)])]),
    )
  }
  const rows = await query
    .orderBy(sortExpr, order)
    .orderBy('id', order)
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit).map(rowToJob)
  const last = items.at(-1)
  const total =
    filter.include_total === true
      ? (
          await ctx.db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(where)
            .executeTakeFirstOrThrow()
        ).n
      : undefined
  return {
    items,
    hasMore: rows.length > limit,
    last:
      last === undefined
        ? null
        : { id: last.id, created_at: last.created_at, ended_at: last.ended_at },
    ...(total === undefined ? {} : { total }),
  }
}

function conditions(ctx: StoreContext, eb: Jobs, options: ListJobsOptions): Expression<SqlBool>[] {
  const filter = options.filter ?? {}
  const out: Expression<SqlBool>[] = []
  const nonEmpty = <TItem>(values: readonly TItem[] | undefined): values is readonly TItem[] =>
    values !== undefined && values.length > 0
  if (filter.instance !== undefined && filter.instance !== null) {
    out.push(underPrefix(eb, filter.instance))
  }
  out.push(...ownerConditions(eb, options))
  if (nonEmpty(filter.status)) out.push(eb('status', 'in', filter.status))
  if (filter.pending === true) out.push(eb('status', 'in', PENDING_SERVICE_JOB_STATUSES))
  if (filter.pending === false) out.push(eb('status', 'in', FINAL_SERVICE_JOB_STATUSES))
  if (nonEmpty(filter.backend)) out.push(eb('backend', 'in', filter.backend))
  if (nonEmpty(filter.program)) out.push(eb('program', 'in', filter.program))
  if (nonEmpty(filter.ids)) out.push(eb('id', 'in', filter.ids))
  if (nonEmpty(filter.tag)) out.push(tagCondition(eb, filter.tag, filter.tags_match ?? 'all'))
  const position = (needle: string): Expression<number> =>
    eb.fn<number>(ctx.dialect.positionFunction, ['name', eb.val(needle)])
  if (filter.name_prefix !== undefined && filter.name_prefix !== null) {
    out.push(eb(position(filter.name_prefix), '=', 1))
  }
  if (options.nameContains !== undefined) out.push(eb(position(options.nameContains), '>', 0))
  const bound = (column: 'created_at' | 'ended_at', op: '>=' | '<=', iso?: string | null): void => {
    if (iso !== undefined && iso !== null) out.push(eb(column, op, fromIso(iso)))
  }
  bound('created_at', '>=', filter.created_after)
  bound('created_at', '<=', filter.created_before)
  bound('ended_at', '>=', filter.ended_after)
  bound('ended_at', '<=', filter.ended_before)
  return out
}

function ownerConditions(eb: Jobs, options: ListJobsOptions): Expression<SqlBool>[] {
  const owner = options.filter?.owner
  const viewer = options.viewer
  const out: Expression<SqlBool>[] = []
  if (owner === 'me') {
    if (viewer === undefined) throw new TypeError("owner 'me' needs a viewer")
    out.push(eb('owner_id', '=', viewer.userId))
  } else if (owner !== undefined && owner !== 'any') {
    out.push(eb('owner_id', '=', owner))
  }
  if (viewer !== undefined) out.push(visibleTo(eb, viewer))
  return out
}

function tagCondition(
  eb: Jobs,
  tags: readonly string[],
  match: 'all' | 'any',
): Expression<SqlBool> {
  const hasTag = (values: readonly string[]): Expression<SqlBool> =>
    eb.exists(
      eb
        .selectFrom('job_tags')
        .select('job_tags.tag')
        .whereRef('job_tags.job_id', '=', 'jobs.id')
        .where('job_tags.tag', 'in', values),
    )
  if (match === 'any') return hasTag(tags)
  return eb.and([...new Set(tags)].map((tag) => hasTag([tag])))
}
