import type { StoredJobEvent } from '@qfabric/protocol'
import type { StoredJob, StoredJobInput, StoredJobResult } from '../job-store-types.js'
import { PreparedQuery } from '../prepared-query.js'
import type { StoreContext } from '../store-context.js'
import { rowToEvent, rowToJob, selectJobColumns } from './job-row.js'

const MAX_EVENTS = 1000

// Every status poll reads the job: compiled once.
const JOB_BY_ID = new PreparedQuery((db, _dialect, id: string) =>
  selectJobColumns(db.selectFrom('jobs')).where('id', '=', id),
)
const INPUT_BY_ID = new PreparedQuery((db, _dialect, id: string) =>
  db.selectFrom('jobs').select(['input_text', 'input_bytes', 'input_sha256']).where('id', '=', id),
)
const RESULT_BY_ID = new PreparedQuery((db, _dialect, id: string) =>
  db
    .selectFrom('jobs')
    .select([
      'result_body',
      'result_content_type',
      'result_format_version',
      'result_bytes',
      'result_sha256',
      'result_partial',
    ])
    .where('id', '=', id),
)
// Every event stream reads the log, again after each change it hears of.
const EVENTS_AFTER = new PreparedQuery(
  (db, _dialect, ...args: [id: string, after: number, limit: number]) =>
    db
      .selectFrom('job_events')
      // Named columns, not `*`: a prepared statement's result type must not change under it.
      .select(['job_id', 'seq', 'type', 'data_json', 'created_at'])
      .where('job_id', '=', args[0])
      .where('seq', '>', args[1])
      .orderBy('seq')
      .limit(args[2]),
)

/**
 * A job by id.
 *
 * @param ctx - the store
 * @param id - the job id
 * @returns the job, or `undefined`
 */
export async function getJob(ctx: StoreContext, id: string): Promise<StoredJob | undefined> {
  const [row] = await JOB_BY_ID.execute(ctx, ctx.db, [id])
  return row === undefined ? undefined : rowToJob(row)
}

/**
 * Several jobs by id, in the order asked (missing ones skipped, duplicates once).
 *
 * @param ctx - the store
 * @param ids - job ids
 * @returns the jobs found
 */
export async function getJobs(ctx: StoreContext, ids: readonly string[]): Promise<StoredJob[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const rows = await selectJobColumns(ctx.db.selectFrom('jobs')).where('id', 'in', unique).execute()
  const byId = new Map(rows.map((r) => [r.id, rowToJob(r)]))
  return unique.flatMap((id) => {
    const job = byId.get(id)
    return job === undefined ? [] : [job]
  })
}

/**
 * A job's input.
 *
 * @param ctx - the store
 * @param id - the job id
 * @returns the input, or `undefined` (no such job, or deleted)
 */
export async function getJobInput(
  ctx: StoreContext,
  id: string,
): Promise<StoredJobInput | undefined> {
  const [row] = await INPUT_BY_ID.execute(ctx, ctx.db, [id])
  if (row?.input_text === null || row === undefined) return undefined
  return { input: row.input_text, bytes: row.input_bytes, sha256: row.input_sha256 }
}

/**
 * A job's result body. Reads never consume it (§8.9).
 *
 * @param ctx - the store
 * @param id - the job id
 * @returns the result, or `undefined` (none stored, expired or deleted)
 */
export async function getJobResult(
  ctx: StoreContext,
  id: string,
): Promise<StoredJobResult | undefined> {
  const [row] = await RESULT_BY_ID.execute(ctx, ctx.db, [id])
  if (row === undefined || row.result_body === null) return undefined
  return {
    body: row.result_body,
    content_type: row.result_content_type ?? 'application/json',
    format_version: row.result_format_version,
    bytes: row.result_bytes ?? 0,
    sha256: row.result_sha256 ?? '',
    partial: row.result_partial === 1,
  }
}

/**
 * A job's events after a seq, oldest first (the SSE replay of §8.5).
 *
 * @param ctx - the store
 * @param id - the job id
 * @param options - `after` (exclusive seq, default 0) and `limit` (default and max 1000)
 * @returns the events
 */
export async function listEvents(
  ctx: StoreContext,
  id: string,
  options: { readonly after?: number | undefined; readonly limit?: number | undefined } = {},
): Promise<StoredJobEvent[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? MAX_EVENTS), 1), MAX_EVENTS)
  const rows = await EVENTS_AFTER.execute(ctx, ctx.db, [id, options.after ?? 0, limit])
  return rows.map(rowToEvent)
}
