import { BackendProperties } from '@qfabric/core/target'
import {
  BaseJob,
  JobError,
  Result,
  isFinalJobStatus,
  parseJobHandle,
  type AbortSignalLike,
  type AbortableOptions,
  type Backend,
  type CancelOutcome,
  type FinalJobStatus,
  type JobEvent,
  type JobEventsOptions,
  type JobHandle,
  type JobQueueInfo,
  type JobResultOptions,
  type JobStatus,
  type WaitForFinalStateOptions,
} from '@qfabric/core/providers'
import {
  PATHS,
  buildPath,
  createIdempotencyKey,
  toJobStatus,
  type CancelJobResponse,
  type JobRecord,
  type JobStatusReason,
  type JobSubmission,
  type JobSummary,
  type ServiceJobEvent,
  type ServiceJobStatus,
  type UpdateJobRequest,
} from '@qfabric/protocol'
import { ClientError, isServiceRequestError } from '../errors/client-errors.js'
import { linkSignal } from '../http/abort.js'
import type { ServiceTransport } from '../http/service-transport.js'
import { JobFollower, type FollowMode, type FollowOptions } from './job-follower.js'
import { changedTags, type JobTagsChange } from './job-tags-change.js'
import { nameExperiments } from './name-experiments.js'

/** A job record as last seen: a listing's summary, or the full record once fetched. */
export type RemoteJobRecord = JobSummary & Partial<JobRecord>

/** What a {@link RemoteJob} is made from. */
export interface RemoteJobInit {
  /** The transport of the service the job lives on. */
  readonly transport: ServiceTransport
  /** The record (or listing summary) the job was created or found with. */
  readonly record: RemoteJobRecord
  /** The backend object, when the job came through one. */
  readonly backend?: Backend | undefined
  /**
   * The names of the submitted circuits, in order, when known (the experiments of the result are
   * named after them; otherwise the names are read from the job's input).
   */
  readonly circuitNames?: readonly (string | undefined)[] | undefined
  /**
   * Whether the job was just submitted by this client: its event history is then replayed from
   * the start, so every status it went through is observed.
   */
  readonly isNew?: boolean | undefined
  /** How the job is followed while waiting. */
  readonly follow?: FollowOptions | undefined
  /** The run options it was submitted with (default: what the record says, the shots). */
  readonly options?: Readonly<Record<string, unknown>> | undefined
}

/** Queue details of a remote job (core's {@link JobQueueInfo} plus the service's fields). */
export interface RemoteJobQueueInfo extends JobQueueInfo {
  /** 0-based position among the instance's own queued jobs. */
  readonly positionInInstance?: number
  /** How the estimates were made (`moving_average_last_50`, …). */
  readonly estimateBasis?: string
  /** When the numbers were computed (ISO 8601 UTC). */
  readonly asOf?: string
  /** Why numbers are missing, if they are. */
  readonly message?: string
}

/** Something that finds jobs by id: a `QfabricService` or a `RemoteProvider`. */
export interface JobRetriever {
  retrieveJob(id: string, options?: AbortableOptions): Promise<RemoteJob>
}

const SERVICE_TO_STEP: Readonly<Record<ServiceJobStatus, JobStatus>> = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  CANCELLING: 'RUNNING',
  COMPLETED: 'DONE',
  FAILED: 'ERROR',
  CANCELLED: 'CANCELLED',
}

/**
 * A job on a qfabric job service: the whole core `Job` surface over HTTP. Its state is fetched
 * (`status()`, `refresh()`), and while anyone waits — `result()`, `waitForFinalState()`,
 * `events()` — it is followed live: server-sent events resumed with `Last-Event-ID`, falling back
 * to long-polling and then to polling with backoff and jitter (see {@link JobFollower}). One
 * follower is shared by every concurrent wait. Timeouts and aborts stop waiting; only `cancel()`
 * cancels. A job handle (`toJSON()`) restores it in another process with
 * {@link RemoteJob.fromJSON}.
 *
 * @example
 * ```ts
 * const job = await backend.run(circuit, { shots: 1000 })
 * for await (const event of job.events()) console.log(event.type, event)
 * const counts = (await job.result()).getCounts()
 * ```
 */
export class RemoteJob extends BaseJob {
  readonly #http: ServiceTransport
  readonly #follower: JobFollower
  #record: RemoteJobRecord
  #lastSeq: number | undefined
  #progress = ''
  #circuitNames: readonly (string | undefined)[] | undefined
  #watch: Watch | undefined
  #download: Promise<Result> | undefined

  /** @param init - transport, record, backend, follow options */
  constructor(init: RemoteJobInit) {
    const { record } = init
    super({
      id: record.id,
      backend: init.backend,
      backendName: record.backend,
      // INITIALIZING until the record is applied below, so that a failed job gets its message.
      status: 'INITIALIZING',
      creationDate: new Date(record.created_at),
      name: record.name ?? undefined,
      tags: record.tags,
      options:
        init.options ?? (record.request === undefined ? {} : { shots: record.request.shots }),
      timers: init.transport.timers,
    })
    this.#http = init.transport
    this.#record = record
    this.#lastSeq = init.isNew === true ? 0 : undefined
    this.#circuitNames = init.circuitNames
    this.#follower = new JobFollower(this.#followed(), init.transport, init.follow)
    this.#applyDetails(record)
  }

  /**
   * Restores a job from its handle (`job.toJSON()`), e.g. in another process.
   *
   * @param service - a `QfabricService` or `RemoteProvider` that can see the job
   * @param handle - the handle, or its JSON text
   * @param options - a signal
   * @returns the job, with its current record
   * @throws ClientError `client.invalid-handle` for something that is not a job handle;
   *   JobError `job.error` when the service has no such job
   */
  static async fromJSON(
    service: JobRetriever,
    handle: JobHandle | string,
    options: AbortableOptions = {},
  ): Promise<RemoteJob> {
    let parsed: JobHandle
    try {
      parsed = parseJobHandle(typeof handle === 'string' ? (JSON.parse(handle) as unknown) : handle)
    } catch (cause) {
      throw new ClientError('client.invalid-handle', 'not a qfabric job handle', { cause })
    }
    return service.retrieveJob(parsed.id, options)
  }

  /**
   * Fetches a job by id from a service.
   *
   * @param transport - the service's transport
   * @param id - the job's id
   * @param options - a signal, follow options
   * @returns the job with its current record (its result is fetched only when asked)
   * @throws JobError `job.error` when there is no such job (or it is not visible)
   */
  static async retrieve(
    transport: ServiceTransport,
    id: string,
    options: AbortableOptions & { readonly follow?: FollowOptions | undefined } = {},
  ): Promise<RemoteJob> {
    try {
      const record = await transport.get<JobRecord>(buildPath(PATHS.job, { id }), options)
      return new RemoteJob({ transport, record, follow: options.follow })
    } catch (error) {
      if (isServiceRequestError(error, 'not_found')) {
        throw new JobError('job.error', `No job ${id} (or not visible to this token).`, {
          cause: error,
        })
      }
      throw error
    }
  }

  /** The job record as last seen (a listing summary until the full record is fetched). */
  get record(): RemoteJobRecord {
    return this.#record
  }

  /** The instance (`hub/group/project`) the job belongs to. */
  get instance(): string {
    return this.#record.instance
  }

  /** The service's own status (`CANCELLING` is finer than core's `RUNNING`). */
  get serviceStatus(): ServiceJobStatus {
    return this.#record.status
  }

  /** The fine phase of a pending job (`waiting_for_slot`, `executing`, …), `null` once final. */
  get phase(): string | null {
    return this.#record.phase
  }

  /** How the job is being followed now (`sse` unless it had to fall back). */
  get followMode(): FollowMode {
    return this.#follower.mode
  }

  /**
   * Fetches the job record now and reports any change (status, queue, progress).
   *
   * @param options - a signal
   * @returns the fresh record
   * @throws ServiceRequestError `not_found` when the job is gone or not visible
   */
  async update(options: AbortableOptions = {}): Promise<JobRecord> {
    const record = await this.#http.get<JobRecord>(buildPath(PATHS.job, { id: this.id }), options)
    this.#applyRecord(record)
    return record
  }

  /** {@inheritDoc Job.waitForFinalState} */
  override waitForFinalState(options: WaitForFinalStateOptions = {}): Promise<FinalJobStatus> {
    return this.#whileFollowing(options.signal, (signal) =>
      super.waitForFinalState({ ...options, signal }),
    )
  }

  /** {@inheritDoc Job.result} */
  override result(options: JobResultOptions = {}): Promise<Result> {
    return this.#whileFollowing(options.signal, (signal) => super.result({ ...options, signal }))
  }

  /** {@inheritDoc Job.events} */
  override async *events(options: JobEventsOptions = {}): AsyncGenerator<JobEvent, void> {
    options.signal?.throwIfAborted()
    const linked = linkSignal(options.signal)
    const release = this.#follow((error) => {
      linked.abort(error)
    })
    try {
      yield* super.events({ ...options, signal: linked.signal })
    } finally {
      release()
      linked.dispose()
    }
  }

  /** {@inheritDoc Job.queueInfo} */
  override async queueInfo(options?: AbortableOptions): Promise<RemoteJobQueueInfo | undefined> {
    await this.status(options)
    const queue = this.#record.queue
    if (this.currentStatus !== 'QUEUED' || queue === undefined) return undefined
    const info: RemoteJobQueueInfo = {
      ...(queue.position === null ? {} : { position: queue.position }),
      ...(queue.position_in_instance === null
        ? {}
        : { positionInInstance: queue.position_in_instance }),
      ...(queue.estimated_start_at === null
        ? {}
        : { estimatedStartTime: queue.estimated_start_at }),
      ...(queue.estimated_end_at === null ? {} : { estimatedCompleteTime: queue.estimated_end_at }),
      ...(queue.estimate_basis === null ? {} : { estimateBasis: queue.estimate_basis }),
      ...(queue.as_of === null ? {} : { asOf: queue.as_of }),
      ...(queue.message === null ? {} : { message: queue.message }),
    }
    return Object.keys(info).length === 0 ? undefined : Object.freeze(info)
  }

  /** {@inheritDoc Job.timePerStep} (the service's timestamps, where it has them) */
  override timePerStep(): Readonly<Partial<Record<JobStatus, string>>> {
    const stamps = this.#record.timestamps
    // Without the service's stamps, the times this process saw are all there is.
    if (stamps === undefined) return super.timePerStep()
    // Only the service's clock: a retrieved job must not show when *this* process first saw it.
    const steps: Partial<Record<JobStatus, string>> = { INITIALIZING: this.#record.created_at }
    const ordered = (Object.entries(stamps) as [ServiceJobStatus, string | null | undefined][])
      .filter((entry): entry is [ServiceJobStatus, string] => typeof entry[1] === 'string')
      .sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]))
    for (const [status, at] of ordered) {
      // CANCELLING maps to RUNNING, which the RUNNING stamp already gives.
      if (status !== 'CANCELLING') steps[SERVICE_TO_STEP[status]] = at
    }
    return Object.freeze(steps)
  }

  /**
   * Renames the job on the service (Qiskit's `job.update_name`).
   *
   * @param name - the new name, or `null` to clear it
   * @param options - a signal
   * @returns the name the service now holds
   */
  async updateName(
    name: string | null,
    options: AbortableOptions = {},
  ): Promise<string | undefined> {
    await this.#update({ name }, options)
    return this.name
  }

  /**
   * Changes the job's tags on the service (Qiskit's `job.update_tags`; see {@link changedTags}).
   *
   * @param change - `replacementTags`, `additionalTags`, `removalTags` (at least one)
   * @param options - a signal
   * @returns the tags the service now holds
   */
  async updateTags(
    change: JobTagsChange,
    options: AbortableOptions = {},
  ): Promise<readonly string[]> {
    await this.#update({ tags: changedTags(this.tags, change) }, options)
    return this.tags
  }

  async #update(body: UpdateJobRequest, { signal }: AbortableOptions): Promise<void> {
    const path = buildPath(PATHS.job, { id: this.id })
    this.#applyRecord((await this.#http.request<JobRecord>('PATCH', path, { body, signal })).body)
  }

  /**
   * The backend's calibration as it was when the job ran (Qiskit's `job.properties()`).
   *
   * @param options - a signal
   * @returns the properties, or `null` when the job has no calibration on record
   */
  async properties(options: AbortableOptions = {}): Promise<BackendProperties | null> {
    const calibration = this.#record.backend_snapshot?.calibration_id
    if (calibration === undefined || calibration === null) return null
    const path = buildPath(PATHS.backendProperties, { name: this.backendName })
    try {
      const json = await this.#http.get(path, {
        query: { calibration_id: calibration },
        signal: options.signal,
      })
      return BackendProperties.fromJSON(json)
    } catch (error) {
      if (isServiceRequestError(error, 'not_found')) return null
      throw error
    }
  }

  // ---- BaseJob hooks --------------------------------------------------------------------

  /**
   * Fetches the record (one `GET /v1/jobs/{id}`) — not for a final job whose full record is
   * known: final records do not change (but for name and tags; `update()` refetches anyway).
   */
  protected override async refresh(signal?: AbortSignalLike): Promise<void> {
    if (isFinalJobStatus(this.currentStatus) && this.#record.request !== undefined) return
    await this.update({ signal })
  }

  /** Downloads the result, its experiments named after the submitted circuits. */
  protected override fetchResult(): Promise<Result> {
    // Concurrent waits share one download, which no single waiter's signal may stop (each wait
    // stops waiting on its own abort: BaseJob races the download with its signal).
    const download = (this.#download ??= this.#downloadResult())
    download.catch(() => {
      if (this.#download === download) this.#download = undefined
    })
    return download
  }

  async #downloadResult(): Promise<Result> {
    const path = buildPath(PATHS.jobResult, { id: this.id })
    const json = await this.#http.get<Record<string, unknown>>(path)
    const names = this.#circuitNames ?? (await this.#inputNames())
    return Result.fromJSON(nameExperiments(json, names))
  }

  /** `POST /v1/jobs/{id}/cancel`: `cancelled` for a queued job, `requested` for a running one. */
  protected override async requestCancel(signal?: AbortSignalLike): Promise<CancelOutcome> {
    const answer = await this.#http.post<CancelJobResponse>(
      buildPath(PATHS.jobCancel, { id: this.id }),
      undefined,
      { idempotencyKey: createIdempotencyKey(), signal },
    )
    this.#applyRecord(answer.job)
    if (answer.already_final) return 'not-cancellable'
    return answer.status === 'CANCELLED' ? 'cancelled' : 'requested'
  }

  // ---- following --------------------------------------------------------------------------

  /** Runs `work` with the follower running; a follower failure aborts it with that error. */
  async #whileFollowing<T>(
    signal: AbortSignalLike | undefined,
    work: (signal: AbortSignalLike) => Promise<T>,
  ): Promise<T> {
    // Nothing to follow for a wait that is over before it starts.
    if (signal?.aborted === true || isFinalJobStatus(this.currentStatus)) {
      return work(signal ?? new AbortController().signal)
    }
    const linked = linkSignal(signal)
    const release = this.#follow((error) => {
      linked.abort(error)
    })
    try {
      return await work(linked.signal)
    } finally {
      release()
      linked.dispose()
    }
  }

  /** Starts (or joins) the shared follower; returns the function that leaves it. */
  #follow(onError: (error: unknown) => void): () => void {
    if (isFinalJobStatus(this.currentStatus)) return () => undefined
    let watch = this.#watch
    if (watch === undefined) {
      const started: Watch = { controller: new AbortController(), users: 0, onError: new Set() }
      this.#watch = watch = started
      this.#follower.follow(started.controller.signal).then(
        () => {
          this.#endWatch(started)
        },
        (error: unknown) => {
          this.#endWatch(started)
          if (!started.controller.signal.aborted)
            for (const notify of started.onError) notify(error)
        },
      )
    }
    const joined = watch
    joined.users++
    joined.onError.add(onError)
    return () => {
      joined.onError.delete(onError)
      if (--joined.users === 0) {
        joined.controller.abort()
        this.#endWatch(joined)
      }
    }
  }

  #endWatch(watch: Watch): void {
    if (this.#watch === watch) this.#watch = undefined
  }

  #followed(): ConstructorParameters<typeof JobFollower>[0] {
    return {
      id: this.id,
      isFinal: () => isFinalJobStatus(this.currentStatus),
      rev: () => this.#record.rev,
      lastSeq: () => this.#lastSeq,
      pollAfterSeconds: () => this.#record.poll_after_seconds ?? undefined,
      estimatedStartAt: () => this.#record.queue?.estimated_start_at ?? undefined,
      applyEvent: this.#applyEvent.bind(this),
      applyRecord: this.#applyRecord.bind(this),
    }
  }

  // ---- applying what the service says -----------------------------------------------------

  #applyEvent(event: ServiceJobEvent, resumed: boolean): void {
    if (event.type === 'snapshot') {
      // A resumed stream replays every event after the resume point: the snapshot's state and rev
      // would skip them (or make them look stale), so only a fresh stream's snapshot sets those.
      const { status, phase, status_reason, rev } = this.#record
      if (resumed)
        this.#record = { ...this.#record, ...event.job, status, phase, status_reason, rev }
      else this.#applyRecord(event.job)
      this.#lastSeq = Math.max(this.#lastSeq ?? 0, event.seq)
      return
    }
    this.#lastSeq = event.seq
    switch (event.type) {
      case 'job.status':
        // A replayed event older than the record already held (SSE replays from the start).
        if (event.rev < this.#record.rev) break
        this.#record = {
          ...this.#record,
          status: event.status,
          phase: event.phase,
          status_reason: event.status_reason,
          attempt: event.attempt,
          rev: Math.max(this.#record.rev, event.rev),
        }
        this.#applyStatus(event.status, event.status_reason)
        break
      case 'job.queue':
        this.#record = { ...this.#record, queue: event.queue }
        if (this.currentStatus === 'QUEUED') this.#applyStatus('QUEUED', null)
        break
      case 'job.progress':
        this.#applyProgress(event.done, event.total)
        break
      case 'job.log':
        this.log(event.level, event.message)
        break
      case 'job.result_ready':
        this.#record = { ...this.#record, result: event.result }
        break
    }
  }

  #applyRecord(record: RemoteJobRecord): void {
    if (record.rev < this.#record.rev) return
    this.#record = { ...this.#record, ...record }
    this.setLabels(this.#record.name ?? undefined, this.#record.tags)
    this.#applyDetails(record)
  }

  #applyDetails(record: RemoteJobRecord): void {
    this.#applyStatus(record.status, record.status_reason)
    this.#applyProgress(record.progress.done, record.progress.total)
  }

  #applyStatus(status: ServiceJobStatus, reason: JobStatusReason | null): void {
    if (isFinalJobStatus(this.currentStatus)) return
    const target = toJobStatus(status)
    if (target === 'DONE') this.setStatus('DONE')
    else if (target === 'ERROR') {
      this.fail(reason?.message ?? 'Unknown error.', { remoteCode: reason?.code })
    } else if (target === 'CANCELLED') this.markCancelled(reason?.message)
    else {
      const position = target === 'QUEUED' ? this.#record.queue?.position : undefined
      this.setStatus(target, { queuePosition: position ?? undefined })
    }
  }

  #applyProgress(done: number, total: number): void {
    const key = `${done}/${total}`
    if (key === this.#progress || total === 0) return
    this.#progress = key
    this.reportProgress(done, total, 'circuits')
  }

  /** The circuit names of the job's input (one request, once). */
  async #inputNames(): Promise<readonly (string | undefined)[]> {
    const path = buildPath(PATHS.jobInput, { id: this.id })
    const input = await this.#http.get<JobSubmission>(path)
    this.#circuitNames = input.input.circuits.map((c) => c.name)
    return this.#circuitNames
  }
}

/** A shared follower: its controller, how many waits use it, who hears of its failure. */
interface Watch {
  readonly controller: AbortController
  users: number
  readonly onError: Set<(error: unknown) => void>
}
