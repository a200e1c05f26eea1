import type { ServiceJobStatus, StoredJobEvent } from '@qfabric/protocol'
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
import type { Membership, User } from '@qfabric/protocol'
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
import type { WaitForWorkOptions } from './work-notifier.js'

/** An event to append that is not a status change (those come from transitions). */
export type AppendableJobEvent =
  | { readonly type: 'job.progress'; readonly done: number; readonly total: number }
  | {
      readonly type: 'job.log'
      readonly level: 'debug' | 'info' | 'warning' | 'error'
      readonly message: string
    }
  | { readonly type: 'job.queue'; readonly queue: Readonly<Record<string, unknown>> }

/** Notice that a job has new events (published after the transaction committed). */
export interface JobChange {
  readonly jobId: string
  /** The job's latest event seq. */
  readonly seq: number
  /**
   * The job's status after the change, when the notice carries it (changes of this store do;
   * notices of older processes may not): watchers that only care about some statuses can skip
   * re-reading the job.
   */
  readonly status?: ServiceJobStatus | undefined
}

/**
 * Job records and their life cycle (§8.2–§8.6, §8.8). Every status change goes through the
 * state machine of `@qfabric/protocol` and writes its `job.status` event in the same
 * transaction.
 */
export interface JobCatalog {
  /**
   * Creates a `QUEUED` job, or returns the existing one for a known idempotency key with the
   * same request hash. Wakes waiting workers after commit.
   *
   * @throws {@link JobStoreError} `store.idempotency-key-reused` (same key, other request),
   *   `store.pending-limit` (the instance is at `max_pending_jobs`), `store.not-found` (instance
   *   or owner missing)
   */
  createJob(job: NewJob, options?: CreateJobOptions): Promise<CreateJobResult>
  /** A job by id (tombstones included), or `undefined`. */
  getJob(id: string): Promise<StoredJob | undefined>
  /** Several jobs by id, in the order asked; missing ids are skipped. */
  getJobs(ids: readonly string[]): Promise<StoredJob[]>
  /** The program input, or `undefined` (no job, or deleted). */
  getJobInput(id: string): Promise<StoredJobInput | undefined>
  /** The result body, or `undefined` (none yet, expired or deleted). */
  getJobResult(id: string): Promise<StoredJobResult | undefined>
  /** A keyset page of jobs (§8.6). */
  listJobs(options?: ListJobsOptions): Promise<ListJobsResult>
  /** Renames or retags a job (allowed in every status). @throws `store.not-found` */
  patchJob(id: string, patch: JobPatch): Promise<StoredJob>
  /**
   * Cancels: `QUEUED` → `CANCELLED` at once, `RUNNING` → `CANCELLING` (the worker finishes it);
   * `CANCELLING` and final jobs are left alone. Never an error for an existing job.
   *
   * @throws `store.not-found`
   */
  requestCancel(
    id: string,
    options?: { readonly reason?: StatusReasonInput },
  ): Promise<CancelJobResult>
  /**
   * Moves a job through the state machine (or changes its phase), writing the event.
   *
   * @throws `store.invalid-transition`, `store.lease-lost`, `store.not-found`
   */
  transition(id: string, request: TransitionRequest): Promise<StoredJob>
  /** Appends a progress, log or queue event. @throws `store.not-found` */
  appendEvent(id: string, event: AppendableJobEvent): Promise<StoredJobEvent>
  /** The job's events with `seq > after`, oldest first (default: all, at most `limit` 1000). */
  listEvents(
    id: string,
    options?: { readonly after?: number | undefined; readonly limit?: number | undefined },
  ): Promise<StoredJobEvent[]>
  /**
   * Deletes a final job's input and result, keeping a tombstone with status and timestamps.
   *
   * @throws `store.invalid-state` for unfinished jobs, `store.not-found`
   */
  deleteJob(id: string): Promise<StoredJob>
  /**
   * Calls `listener` after each committed change that wrote events (in this process, and in
   * others on PostgreSQL). For SSE and long-poll wake-ups; re-read the store to get the data.
   *
   * @returns unsubscribe
   */
  watchJobs(listener: (change: JobChange) => void): () => void
}

/** The queue: claims with leases, heartbeats, finishing exactly once, the reaper (§8.13). */
export interface WorkQueue {
  /**
   * Claims the next job for a worker: the highest priority, then the instance with the fewest
   * running jobs (fair share), then the oldest job, skipping instances at `max_running_jobs`.
   *
   * @returns the job, now `RUNNING` and leased to the worker, or `undefined` when none is ready
   */
  claimNext(request: ClaimRequest): Promise<StoredJob | undefined>
  /**
   * Extends the lease of a job the worker holds.
   *
   * @throws `store.lease-lost` when the job is not (any more) this worker's
   */
  heartbeat(jobId: string, workerId: string, leaseMs: number): Promise<HeartbeatResult>
  /** Ends a job the worker holds: completed, failed, or cancel acknowledged. */
  finish(jobId: string, workerId: string, request: FinishRequest): Promise<FinishResult>
  /** `finish` with `completed`: the result is stored once, then the status. */
  complete(jobId: string, workerId: string, result: JobResultInput): Promise<FinishResult>
  /** `finish` with `failed`. */
  fail(jobId: string, workerId: string, reason: StatusReasonInput): Promise<FinishResult>
  /**
   * Requeues jobs whose lease expired (while attempts remain), fails the others with
   * `interrupted`, and completes pending cancels.
   *
   * @param now - the time to compare leases with (default: the clock)
   */
  reapExpiredLeases(now?: number): Promise<ReapResult>
  /**
   * Cancels queued jobs older than their `queue_ttl_seconds` (reason `expired`).
   *
   * @returns the ids cancelled
   */
  expireQueuedJobs(now?: number): Promise<string[]>
  /** A queued job's place in its backend's queue, or `undefined` when it is not queued. */
  queuePosition(jobId: string): Promise<QueuePosition | undefined>
  /** Queued and running jobs per instance (all instances with any, or the ones asked). */
  countJobs(instances?: readonly string[]): Promise<InstanceJobCounts[]>
  /**
   * Waits until work may be available (a job was enqueued, here or in another process on
   * PostgreSQL), `timeoutMs` passed, or `signal` aborted (rejects with its reason).
   */
  waitForWork(options?: WaitForWorkOptions): Promise<void>
}

/** Users, tokens, the instance tree, memberships and backend snapshots (§8.1, §8.11). */
export interface AccountStore {
  /** @throws `store.conflict` for a taken login or id */
  createUser(user: NewUser): Promise<User>
  getUser(id: string): Promise<User | undefined>
  getUserByLogin(login: string): Promise<User | undefined>
  listUsers(): Promise<User[]>
  /** @throws `store.not-found` */
  updateUser(id: string, patch: UserPatch): Promise<User>
  /** @throws `store.not-found` (user), `store.conflict` (id or hash taken) */
  createToken(token: NewToken): Promise<StoredToken>
  /** A token by id (revoked and expired ones too: the caller checks). */
  getToken(id: string): Promise<StoredToken | undefined>
  /** The token with this hash (`hashToken(presented)`), if any. */
  findTokenByHash(tokenHash: string): Promise<StoredToken | undefined>
  listTokens(userId: string): Promise<StoredToken[]>
  /** Revokes at once (idempotent). @returns whether a token was found */
  revokeToken(id: string, now?: number): Promise<boolean>
  /** Records a use (`last_used_at`). */
  touchToken(id: string, now?: number): Promise<void>
  /**
   * Creates or updates a node of the instance tree, creating missing ancestors. Only the
   * settings given change.
   */
  upsertInstance(path: string, settings?: Partial<InstanceSettingsValues>): Promise<StoredInstance>
  getInstance(path: string): Promise<StoredInstance | undefined>
  /** Nodes under a prefix (all when omitted), sorted by path. */
  listInstances(prefix?: string): Promise<StoredInstance[]>
  /** @throws `store.not-found` for an unknown instance */
  effectiveSettings(instance: string): Promise<EffectiveInstanceSettings>
  /** Adds a membership, or changes the role of an existing one (creates the instance node). */
  upsertMembership(membership: NewMembership): Promise<Membership>
  listMemberships(filter?: {
    readonly userId?: string | undefined
    readonly instance?: string | undefined
  }): Promise<Membership[]>
  /** @returns whether one was removed */
  deleteMembership(id: string): Promise<boolean>
  /**
   * Calls `listener` after users, tokens, memberships or instances changed (`updateUser`,
   * `revokeToken`, `upsertMembership`, `deleteMembership`, `upsertInstance`): at once for
   * changes made through this store, and on PostgreSQL also for changes made by other processes
   * (through `NOTIFY`). Caches of authenticated callers, and the store's cached instance tree,
   * empty themselves on it.
   *
   * @returns unsubscribe
   */
  watchAccounts(listener: () => void): () => void
  upsertBackend(backend: BackendSnapshot): Promise<StoredBackend>
  getBackend(name: string): Promise<StoredBackend | undefined>
  listBackends(): Promise<StoredBackend[]>
}

/**
 * The job service's persistent store: jobs and their events, the queue, accounts. Implemented
 * once over Kysely ({@link KyselyJobStore}) for SQLite (`SqliteJobStore`, one file, one
 * process) and PostgreSQL (`PostgresJobStore`, many API nodes and workers). Run the shared
 * conformance suite (`describeJobStoreConformance`) against any new implementation.
 */
export interface JobStore extends JobCatalog, WorkQueue, AccountStore, AsyncDisposable {
  /** Which database is behind it. */
  readonly dialect: 'sqlite' | 'postgres'
  /**
   * Retention sweep: drops result bodies past `result.expires_at`, deletes records past their
   * `expires_at`, forgets expired idempotency keys.
   */
  deleteExpired(now?: number): Promise<DeleteExpiredResult>
  /** Closes connections and listeners. */
  close(): Promise<void>
}
