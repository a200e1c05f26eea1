import type { Membership, StoredJobEvent, User } from '@qfabric/protocol'
import type { Kysely } from 'kysely'
import type {
  BackendSnapshot,
  EffectiveInstanceSettings,
  InstanceSettingsValues,
  NewMembership,
  NewToken,
  NewUser,
  StoredBackend,
  StoredInstance,
  StoredToken,
  UserPatch,
} from './account-types.js'
import { getBackend, listBackends, upsertBackend } from './accounts/backends.js'
import { upsertInstance } from './accounts/instances.js'
import { deleteMembership, listMemberships, upsertMembership } from './accounts/memberships.js'
import * as tokens from './accounts/tokens.js'
import * as users from './accounts/users.js'
import type { ChangeHub } from './change-hub.js'
import type { Clock } from './clock.js'
import type { Database } from './database-schema.js'
import {
  DEFAULT_INSTANCE_CACHE_TTL_MS,
  InstanceTreeCache,
  type InstanceTreeContext,
} from './instance-tree-cache.js'
import type { AppendableJobEvent, JobChange, JobStore } from './job-store.js'
import type {
  CancelJobResult,
  CreateJobOptions,
  CreateJobResult,
  JobPatch,
  ListJobsOptions,
  ListJobsResult,
  NewJob,
  StatusReasonInput,
  StoredJob,
  StoredJobInput,
  StoredJobResult,
  TransitionRequest,
} from './job-store-types.js'
import { createJob } from './jobs/create-job.js'
import { listJobs } from './jobs/list-jobs.js'
import * as read from './jobs/read-jobs.js'
import * as update from './jobs/update-jobs.js'
import { claimNext } from './queue/claim-next.js'
import { deleteExpired } from './queue/delete-expired.js'
import { finishJob, heartbeat } from './queue/finish-job.js'
import { countJobs, queuePosition } from './queue/queue-positions.js'
import { expireQueuedJobs, reapExpiredLeases } from './queue/reap-expired-leases.js'
import type {
  ClaimRequest,
  DeleteExpiredResult,
  FinishRequest,
  FinishResult,
  HeartbeatResult,
  InstanceJobCounts,
  JobResultInput,
  QueuePosition,
  ReapResult,
} from './queue-types.js'
import type { StoreDialect } from './store-context.js'
import type { WaitForWorkOptions } from './work-notifier.js'

/** What a {@link KyselyJobStore} is built from. */
export interface KyselyJobStoreInit {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly dialect: StoreDialect
  readonly hub: ChangeHub
  /** Releases what the dialect holds besides `db` (listener connections). */
  readonly onClose?: (() => Promise<void>) | undefined
  /**
   * How long the cached instance tree is used when no change is announced, ms (default
   * {@link DEFAULT_INSTANCE_CACHE_TTL_MS}); `0` reads the `instances` table on every call.
   */
  readonly instanceCacheTtlMs?: number | undefined
}

/**
 * The {@link JobStore}, written once over Kysely; `SqliteJobStore` and `PostgresJobStore` only
 * open the database and supply the {@link StoreDialect}. Each method delegates to a function of
 * the `jobs/`, `queue/` or `accounts/` folder, whose TSDoc (and the {@link JobStore} interface)
 * documents it; they are not repeated here.
 */
export class KyselyJobStore implements JobStore {
  /** The database and clock the operations run on, and the cached instance tree. */
  protected readonly ctx: InstanceTreeContext & { readonly instanceTree: InstanceTreeCache }
  readonly #hub: ChangeHub
  readonly #onClose: (() => Promise<void>) | undefined
  readonly #unwatchInstances: () => void
  #closed: Promise<void> | undefined

  /**
   * @param init - database, clock, dialect, change hub, instance cache TTL
   * @throws RangeError for a negative instance cache TTL
   */
  constructor(init: KyselyJobStoreInit) {
    const instanceTree = new InstanceTreeCache({
      ttlMs: init.instanceCacheTtlMs ?? DEFAULT_INSTANCE_CACHE_TTL_MS,
      clock: init.clock,
    })
    this.ctx = { db: init.db, clock: init.clock, dialect: init.dialect, instanceTree }
    this.#hub = init.hub
    this.#onClose = init.onClose
    // Instance changes are announced as account changes (here synchronously after commit; from
    // other processes and linked threads as they arrive).
    this.#unwatchInstances = init.hub.watchAccounts(() => {
      instanceTree.clear()
    })
  }

  /** Which database is behind the store. */
  get dialect(): 'sqlite' | 'postgres' {
    return this.ctx.dialect.name
  }

  /** The Kysely instance (for tests and tools; the store's methods are the API). */
  get db(): Kysely<Database> {
    return this.ctx.db
  }

  createJob(job: NewJob, options?: CreateJobOptions): Promise<CreateJobResult> {
    return createJob(this.ctx, job, options)
  }
  getJob(id: string): Promise<StoredJob | undefined> {
    return read.getJob(this.ctx, id)
  }
  getJobs(ids: readonly string[]): Promise<StoredJob[]> {
    return read.getJobs(this.ctx, ids)
  }
  getJobInput(id: string): Promise<StoredJobInput | undefined> {
    return read.getJobInput(this.ctx, id)
  }
  getJobResult(id: string): Promise<StoredJobResult | undefined> {
    return read.getJobResult(this.ctx, id)
  }
  listJobs(options?: ListJobsOptions): Promise<ListJobsResult> {
    return listJobs(this.ctx, options)
  }
  patchJob(id: string, patch: JobPatch): Promise<StoredJob> {
    return update.patchJob(this.ctx, id, patch)
  }
  requestCancel(
    id: string,
    options: { readonly reason?: StatusReasonInput } = {},
  ): Promise<CancelJobResult> {
    return update.requestCancel(this.ctx, id, options.reason)
  }
  transition(id: string, request: TransitionRequest): Promise<StoredJob> {
    return update.transition(this.ctx, id, request)
  }
  appendEvent(id: string, event: AppendableJobEvent): Promise<StoredJobEvent> {
    return update.appendEvent(this.ctx, id, event)
  }
  listEvents(
    id: string,
    options?: { readonly after?: number | undefined; readonly limit?: number | undefined },
  ): Promise<StoredJobEvent[]> {
    return read.listEvents(this.ctx, id, options)
  }
  deleteJob(id: string): Promise<StoredJob> {
    return update.deleteJob(this.ctx, id)
  }
  watchJobs(listener: (change: JobChange) => void): () => void {
    return this.#hub.watch(listener)
  }
  watchAccounts(listener: () => void): () => void {
    return this.#hub.watchAccounts(listener)
  }

  claimNext(request: ClaimRequest): Promise<StoredJob | undefined> {
    return claimNext(this.ctx, request)
  }
  heartbeat(jobId: string, workerId: string, leaseMs: number): Promise<HeartbeatResult> {
    return heartbeat(this.ctx, { jobId, workerId, leaseMs })
  }
  finish(jobId: string, workerId: string, request: FinishRequest): Promise<FinishResult> {
    return finishJob(this.ctx, { jobId, workerId, request })
  }
  complete(jobId: string, workerId: string, result: JobResultInput): Promise<FinishResult> {
    return this.finish(jobId, workerId, { outcome: 'completed', result })
  }
  fail(jobId: string, workerId: string, reason: StatusReasonInput): Promise<FinishResult> {
    return this.finish(jobId, workerId, { outcome: 'failed', reason })
  }
  reapExpiredLeases(now?: number): Promise<ReapResult> {
    return reapExpiredLeases(this.ctx, now)
  }
  expireQueuedJobs(now?: number): Promise<string[]> {
    return expireQueuedJobs(this.ctx, now)
  }
  queuePosition(jobId: string): Promise<QueuePosition | undefined> {
    return queuePosition(this.ctx, jobId)
  }
  countJobs(instances?: readonly string[]): Promise<InstanceJobCounts[]> {
    return countJobs(this.ctx, instances)
  }
  waitForWork(options?: WaitForWorkOptions): Promise<void> {
    return this.#hub.work.wait(options)
  }
  deleteExpired(now?: number): Promise<DeleteExpiredResult> {
    return deleteExpired(this.ctx, now)
  }

  createUser(user: NewUser): Promise<User> {
    return users.createUser(this.ctx, user)
  }
  getUser(id: string): Promise<User | undefined> {
    return users.getUser(this.ctx, id)
  }
  getUserByLogin(login: string): Promise<User | undefined> {
    return users.getUserByLogin(this.ctx, login)
  }
  listUsers(): Promise<User[]> {
    return users.listUsers(this.ctx)
  }
  updateUser(id: string, patch: UserPatch): Promise<User> {
    return this.#accountsChange(users.updateUser(this.ctx, id, patch))
  }
  createToken(token: NewToken): Promise<StoredToken> {
    return tokens.createToken(this.ctx, token)
  }
  getToken(id: string): Promise<StoredToken | undefined> {
    return tokens.getToken(this.ctx, id)
  }
  findTokenByHash(tokenHash: string): Promise<StoredToken | undefined> {
    return tokens.findTokenByHash(this.ctx, tokenHash)
  }
  listTokens(userId: string): Promise<StoredToken[]> {
    return tokens.listTokens(this.ctx, userId)
  }
  revokeToken(id: string, now?: number): Promise<boolean> {
    return this.#accountsChange(tokens.revokeToken(this.ctx, id, now))
  }
  touchToken(id: string, now?: number): Promise<void> {
    return tokens.touchToken(this.ctx, id, now)
  }
  upsertInstance(
    path: string,
    settings?: Partial<InstanceSettingsValues>,
  ): Promise<StoredInstance> {
    return this.#accountsChange(upsertInstance(this.ctx, path, settings))
  }
  getInstance(path: string): Promise<StoredInstance | undefined> {
    return this.ctx.instanceTree.get(this.ctx.db, path)
  }
  listInstances(prefix?: string): Promise<StoredInstance[]> {
    return this.ctx.instanceTree.list(this.ctx.db, prefix)
  }
  effectiveSettings(instance: string): Promise<EffectiveInstanceSettings> {
    return this.ctx.instanceTree.effectiveSettings(this.ctx.db, instance)
  }
  upsertMembership(membership: NewMembership): Promise<Membership> {
    return this.#accountsChange(upsertMembership(this.ctx, membership))
  }
  listMemberships(filter?: {
    readonly userId?: string | undefined
    readonly instance?: string | undefined
  }): Promise<Membership[]> {
    return listMemberships(this.ctx, filter)
  }
  deleteMembership(id: string): Promise<boolean> {
    return this.#accountsChange(deleteMembership(this.ctx, id))
  }
  upsertBackend(backend: BackendSnapshot): Promise<StoredBackend> {
    return upsertBackend(this.ctx, backend)
  }
  getBackend(name: string): Promise<StoredBackend | undefined> {
    return getBackend(this.ctx, name)
  }
  listBackends(): Promise<StoredBackend[]> {
    return listBackends(this.ctx)
  }

  /**
   * Waits for a change of accounts or instances to commit, then announces it here (emptying
   * this store's instance cache and principal caches before the caller resumes) and to other
   * processes.
   */
  async #accountsChange<T>(change: Promise<T>): Promise<T> {
    const result = await change
    this.#hub.deliverAccounts()
    await this.ctx.dialect.announceAccounts(this.ctx.db)
    return result
  }

  /** Closes the database and listeners; later calls wait for the first. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      this.#unwatchInstances()
      await this.#onClose?.()
      await this.ctx.db.destroy()
    })()
    return this.#closed
  }

  /** `await using store = await SqliteJobStore.open(…)` closes it at scope end. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close()
  }
}
