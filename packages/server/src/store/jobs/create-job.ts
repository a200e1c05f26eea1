import { createHash } from 'node:crypto'
import { createJobId } from '@qfabric/core/providers'
import { DEFAULT_JOB_PROGRAM, transitionServiceJobState } from '@qfabric/protocol'
import type { Insertable, Transaction } from 'kysely'
import { getInstance } from '../accounts/instances.js'
import type { Database, JobsTable } from '../database-schema.js'
import { effectiveSettingsIn, type InstanceTreeContext } from '../instance-tree-cache.js'
import { isJobStoreError, JobStoreError } from '../job-store-error.js'
import type { CreateJobOptions, CreateJobResult, NewJob } from '../job-store-types.js'
import { inTransaction, type ChangeSet, type StoreContext } from '../store-context.js'
import { recordEvents, statusEvent } from './apply-transition.js'
import { findReplay, insertIdempotencyKey } from './idempotency-keys.js'
import { PreparedQuery } from '../prepared-query.js'
import { JOB_COLUMNS, resultStored, rowToJob, type JobRowLight } from './job-row.js'
import { statusLiterals } from './status-literal.js'

const DEFAULT_MAX_ATTEMPTS = 3
/** The foreign key from a job to its owner (PostgreSQL's name for it). */
const OWNER_FOREIGN_KEY = 'jobs_owner_id_fkey'

/**
 * Creates a queued job (§8.2 "submit"), honouring idempotency keys (§8.8) and the instance's
 * `max_pending_jobs`; writes the first `job.status` event in the same transaction and wakes
 * workers after commit.
 *
 * @param ctx - the store
 * @param job - the validated submission
 * @param options - idempotency key and request hash
 * @returns the job, and whether it is an idempotent replay
 * @throws {@link JobStoreError} `store.idempotency-key-reused`, `store.pending-limit`,
 *   `store.not-found` (instance or owner), `store.conflict` (id taken)
 */
export async function createJob(
  ctx: InstanceTreeContext,
  job: NewJob,
  options: CreateJobOptions = {},
): Promise<CreateJobResult> {
  if (options.idempotencyKey !== undefined && options.requestHash === undefined) {
    throw new TypeError('an idempotency key needs the request hash')
  }
  try {
    return await inTransaction(ctx, (trx, changes) =>
      insertJob(ctx, trx, { job, options, changes }),
    )
  } catch (error) {
    if (ctx.dialect.violatedForeignKey?.(error) === OWNER_FOREIGN_KEY) {
      throw new JobStoreError('store.not-found', `No user ${job.owner}.`, { cause: error })
    }
    if (!ctx.dialect.isUniqueViolation(error)) throw await instanceGoneOr(ctx, job, error)
    // Two submissions with one key raced (PostgreSQL): the loser sees the winner's job now.
    if (options.idempotencyKey !== undefined) {
      const replay = await inTransaction(ctx, (trx) => findReplay(ctx, trx, { job, options }))
      if (replay !== undefined) return replay
    }
    throw new JobStoreError('store.conflict', `A job with id ${job.id ?? '?'} exists.`, {
      cause: error,
    })
  }
}

/**
 * What to report for a failed submission: `store.not-found` when the instance is gone — deleted
 * behind the store's back while its cached settings let the insert go ahead, which the foreign
 * key then refused — else the error itself.
 */
async function instanceGoneOr(
  ctx: InstanceTreeContext,
  job: NewJob,
  error: unknown,
): Promise<unknown> {
  if (ctx.instanceTree?.isEnabled !== true || isJobStoreError(error)) return error
  try {
    if ((await getInstance(ctx.db, job.instance)) !== undefined) return error
  } catch {
    return error // The database is failing: its first error says more.
  }
  ctx.instanceTree.clear()
  return new JobStoreError('store.not-found', `No instance ${job.instance}.`, { cause: error })
}

async function insertJob(
  ctx: InstanceTreeContext,
  trx: Transaction<Database>,
  input: { readonly job: NewJob; readonly options: CreateJobOptions; readonly changes: ChangeSet },
): Promise<CreateJobResult> {
  const { job, options, changes } = input
  const replay = await findReplay(ctx, trx, { job, options })
  if (replay !== undefined) return replay
  // Where the database names the key a row violates, the insert checks the owner.
  if (ctx.dialect.violatedForeignKey === undefined) await checkOwner(ctx, trx, job.owner)
  const phase = await initialPhase(ctx, trx, job)
  const now = ctx.clock.now()
  const row = newJobRow({ job, options, phase, now })
  const stored = await insertJobRow(ctx, trx, row)
  await insertTags(ctx, trx, { jobId: row.id, tags: job.tags ?? [] })
  await insertIdempotencyKey(ctx, trx, { job, options, jobId: row.id, now })
  const events = [statusEvent(stored, null)]
  const seq = recordEvents(changes, { jobId: row.id, afterSeq: 0, events, now })
  changes.jobs.push({ jobId: row.id, seq, status: 'QUEUED' })
  changes.workFor.add(job.backend)
  return { job: rowToJob(stored), replayed: false }
}

const OWNER = new PreparedQuery((db, _dialect, owner: string) =>
  db.selectFrom('users').select('id').where('id', '=', owner),
)

async function checkOwner(
  ctx: StoreContext,
  trx: Transaction<Database>,
  owner: string,
): Promise<void> {
  const [found] = await OWNER.execute(ctx, trx, [owner])
  if (found === undefined) throw new JobStoreError('store.not-found', `No user ${owner}.`)
}

// Per number of tags (a bounded handful).
const INSERT_TAGS = new PreparedQuery(
  (db, _dialect, ...args: [jobId: string, ...tags: string[]]) => {
    const [jobId, ...tags] = args
    return db.insertInto('job_tags').values(tags.map((tag) => ({ job_id: jobId, tag })))
  },
)

async function insertTags(
  ctx: StoreContext,
  trx: Transaction<Database>,
  input: { readonly jobId: string; readonly tags: readonly string[] },
): Promise<void> {
  const tags = [...new Set(input.tags)]
  if (tags.length === 0) return
  await INSERT_TAGS.execute({ dialect: ctx.dialect, shape: String(tags.length) }, trx, [
    input.jobId,
    ...tags,
  ])
}

/** The `INSERT … RETURNING` of a new job, per set of columns (one shape in practice). */
const INSERTS = new Map<string, PreparedQuery<unknown[], JobRowLight>>()

async function insertJobRow(
  ctx: StoreContext,
  trx: Transaction<Database>,
  row: Insertable<JobsTable>,
): Promise<JobRowLight> {
  // Kysely leaves out columns set to undefined; so does the prepared statement.
  const columns = (Object.keys(row) as (keyof JobsTable)[]).filter((c) => row[c] !== undefined)
  const shape = columns.join(',')
  let insert = INSERTS.get(shape)
  if (insert === undefined) {
    insert = new PreparedQuery((db, _dialect, ...args: unknown[]) =>
      db
        .insertInto('jobs')
        .values(Object.fromEntries(columns.map((c, i) => [c, args[i]])) as Insertable<JobsTable>)
        .returning(JOB_COLUMNS)
        .returning(resultStored),
    )
    INSERTS.set(shape, insert)
  }
  const [stored] = await insert.execute(
    { dialect: ctx.dialect, shape },
    trx,
    columns.map((c) => row[c]),
  )
  if (stored === undefined) throw new Error('INSERT … RETURNING returned no row')
  return stored
}

const PENDING_COUNTS = new PreparedQuery((db, _dialect, instance: string) =>
  db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('instance', '=', instance)
    .where('status', 'in', statusLiterals(['QUEUED', 'RUNNING', 'CANCELLING']))
    .groupBy('status'),
)

async function initialPhase(
  ctx: InstanceTreeContext,
  trx: Transaction<Database>,
  job: NewJob,
): Promise<string> {
  const settings = await effectiveSettingsIn(ctx, trx, job.instance)
  const { max_pending_jobs: maxPending, max_running_jobs: maxRunning } = settings
  if (maxPending !== null || maxRunning !== null) {
    // Serialises the instance's submitters and claimers, so that each counts what the others
    // committed (an instance without limits needs no count, nor the lock).
    await ctx.dialect.lockInstance(trx, job.instance)
    const counts = await PENDING_COUNTS.execute(ctx, trx, [job.instance])
    const count = (...statuses: string[]): number =>
      counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + c.n, 0)
    if (maxPending !== null && count('QUEUED', 'RUNNING', 'CANCELLING') >= maxPending) {
      throw new JobStoreError(
        'store.pending-limit',
        `${job.instance} has ${maxPending} of ${maxPending} pending jobs.`,
      )
    }
    if (
      job.phase === undefined &&
      maxRunning !== null &&
      count('RUNNING', 'CANCELLING') >= maxRunning
    ) {
      return 'waiting_for_slot'
    }
  }
  const phase = job.phase ?? 'queued'
  // Rejects a phase that is not a QUEUED phase (RangeError).
  transitionServiceJobState(null, { status: 'QUEUED', phase })
  return phase
}

function newJobRow(input: {
  readonly job: NewJob
  readonly options: CreateJobOptions
  readonly phase: string
  readonly now: number
}): Insertable<JobsTable> {
  const { job, options, phase, now } = input
  const [hub = '', group = ''] = job.instance.split('/')
  return {
    ...optionalColumns(job),
    id: job.id ?? `job_${createJobId(now)}`,
    instance: job.instance,
    instance_group: `${hub}/${group}`,
    instance_hub: hub,
    owner_id: job.owner,
    backend: job.backend,
    status: 'QUEUED',
    phase,
    shots: job.shots,
    num_circuits: job.num_circuits,
    input_text: job.input,
    input_bytes: Buffer.byteLength(job.input, 'utf8'),
    input_sha256: createHash('sha256').update(job.input, 'utf8').digest('hex'),
    max_execution_seconds: job.max_execution_seconds,
    idempotency_key: options.idempotencyKey ?? null,
    request_hash: options.requestHash ?? null,
    created_at: now,
    queued_at: now,
    updated_at: now,
    status_times_json: JSON.stringify({ QUEUED: now }),
    attempt: 1,
    result_partial: 0,
    progress_done: 0,
    progress_total: job.num_circuits,
    rev: 1,
    // The submission's `job.status` event, written right after the row.
    event_seq: 1,
  }
}

// The submission's optional fields with their defaults.
function optionalColumns(job: NewJob) {
  return {
    program: job.program ?? DEFAULT_JOB_PROGRAM,
    name: job.name ?? null,
    tags_json: JSON.stringify([...new Set(job.tags ?? [])]),
    metadata_json: JSON.stringify(job.metadata ?? {}),
    visibility: job.visibility ?? 'private',
    session_id: job.session_id ?? null,
    options_json: JSON.stringify(job.options ?? {}),
    queue_ttl_seconds: job.queue_ttl_seconds ?? null,
    priority: job.priority ?? 0,
    client_json:
      job.client === undefined || job.client === null ? null : JSON.stringify(job.client),
    max_attempts: job.max_attempts ?? DEFAULT_MAX_ATTEMPTS,
  }
}
