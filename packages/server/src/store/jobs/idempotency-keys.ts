import type { Transaction } from 'kysely'
import type { Database } from '../database-schema.js'
import { JobStoreError } from '../job-store-error.js'
import type { CreateJobOptions, CreateJobResult, NewJob } from '../job-store-types.js'
import { PreparedQuery } from '../prepared-query.js'
import type { StoreContext } from '../store-context.js'
import { rowToJob, selectJobColumns } from './job-row.js'

const DEFAULT_IDEMPOTENCY_TTL_MS = 7 * 86_400_000

// Clients send a key with every submission: the lookup and the insert are compiled once.
const KEY = new PreparedQuery((db, _dialect, ...args: [owner: string, key: string]) =>
  db
    .selectFrom('idempotency_keys')
    // Named columns, not `*`: a prepared statement's result type must not change under it.
    .select(['owner_id', 'key', 'instance', 'request_hash', 'job_id', 'created_at', 'expires_at'])
    .where('owner_id', '=', args[0])
    .where('key', '=', args[1]),
)
const INSERT_KEY = new PreparedQuery(
  (
    db,
    _dialect,
    ...args: [
      owner: string,
      key: string,
      instance: string,
      hash: string,
      jobId: string,
      createdAt: number,
      expiresAt: number,
    ]
  ) =>
    db.insertInto('idempotency_keys').values({
      owner_id: args[0],
      key: args[1],
      instance: args[2],
      request_hash: args[3],
      job_id: args[4],
      created_at: args[5],
      expires_at: args[6],
    }),
)
const JOB_BY_ID = new PreparedQuery((db, _dialect, id: string) =>
  selectJobColumns(db.selectFrom('jobs')).where('id', '=', id),
)

/**
 * The job an idempotency key already created (§8.8), if the key is known and alive; an expired
 * key not yet swept is deleted, so the submission may use it afresh.
 *
 * @param ctx - the store
 * @param trx - the open transaction
 * @param input - the submission and its key and request hash
 * @returns the replay, or `undefined` (no key, unknown or expired)
 * @throws {@link JobStoreError} `store.idempotency-key-reused` for another request's key
 */
export async function findReplay(
  ctx: StoreContext,
  trx: Transaction<Database>,
  input: { readonly job: NewJob; readonly options: CreateJobOptions },
): Promise<CreateJobResult | undefined> {
  const { job, options } = input
  if (options.idempotencyKey === undefined) return undefined
  const [known] = await KEY.execute(ctx, trx, [job.owner, options.idempotencyKey])
  if (known === undefined) return undefined
  if (known.expires_at <= ctx.clock.now()) {
    // Forgotten (not yet swept): the key may be used afresh.
    await trx
      .deleteFrom('idempotency_keys')
      .where('owner_id', '=', job.owner)
      .where('key', '=', options.idempotencyKey)
      .execute()
    return undefined
  }
  if (known.request_hash !== options.requestHash) {
    throw new JobStoreError(
      'store.idempotency-key-reused',
      `Idempotency key ${options.idempotencyKey} was used with a different request.`,
    )
  }
  const [existing] = await JOB_BY_ID.execute(ctx, trx, [known.job_id])
  if (existing === undefined) throw new Error(`idempotency key of a missing job ${known.job_id}`)
  return { job: rowToJob(existing), replayed: true }
}

/**
 * Remembers a submission's idempotency key (if it has one) for the job it created.
 *
 * @param ctx - the store
 * @param trx - the open transaction
 * @param input - the submission, its key options, the new job's id and the time
 */
export async function insertIdempotencyKey(
  ctx: StoreContext,
  trx: Transaction<Database>,
  input: {
    readonly job: NewJob
    readonly options: CreateJobOptions
    readonly jobId: string
    readonly now: number
  },
): Promise<void> {
  const { job, options, jobId, now } = input
  if (options.idempotencyKey === undefined || options.requestHash === undefined) return
  await INSERT_KEY.execute(ctx, trx, [
    job.owner,
    options.idempotencyKey,
    job.instance,
    options.requestHash,
    jobId,
    now,
    now + (options.idempotencyTtlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS),
  ])
}
