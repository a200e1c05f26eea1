import type { AbortSignalLike } from '@qfabric/core/providers'
import {
  HEADERS,
  PATHS,
  buildPath,
  decodeJobEvent,
  formatEtag,
  formatPreferWait,
  isFinalServiceJobStatus,
  type JobRecord,
  type ServiceJobEvent,
} from '@qfabric/protocol'
import { ClientError, isServiceRequestError } from '../errors/client-errors.js'
import { sleep } from '../http/abort.js'
import type { ServiceTransport } from '../http/service-transport.js'

/**
 * How a job's progress reaches the client, best first: a server-sent event stream, a long-poll
 * (`Prefer: wait=<s>` on `GET /v1/jobs/{id}`), plain polling with backoff and jitter.
 */
export const FOLLOW_MODES = ['sse', 'long-poll', 'poll'] as const

/** A way of following a job. */
export type FollowMode = (typeof FOLLOW_MODES)[number]

/** How jobs are followed (`service-api.md` §8.5 "Fallbacks in the provider"). */
export interface FollowOptions {
  /**
   * `auto` (default) starts with SSE and falls back — for the rest of the job's life — to
   * long-polling when the stream is refused or keeps breaking, and to polling when the server
   * (or a proxy) does not hold long-polls. A mode forces that mode.
   */
  readonly mode?: 'auto' | FollowMode | undefined
  /** The first polling delay in milliseconds (default 500), growing ×1.5 per poll. */
  readonly pollIntervalMs?: number | undefined
  /**
   * The longest polling delay in milliseconds (default 10 000; three times that while the job
   * is not expected to start within 10 minutes).
   */
  readonly maxPollIntervalMs?: number | undefined
  /** How long the server may hold a long-poll, in seconds (default 30, at most 60). */
  readonly longPollSeconds?: number | undefined
}

/** What a follower reports to (the job). */
export interface FollowedJob {
  readonly id: string
  /** Whether the job has reached a final status (following stops then). */
  isFinal(): boolean
  /** The record's revision (for `If-None-Match`). */
  rev(): number
  /** The last job event seq processed, if any (the SSE resume point). */
  lastSeq(): number | undefined
  /** The server's polling hint, in seconds. */
  pollAfterSeconds(): number | undefined
  /** When the service expects the job to start (ISO 8601), if it said. */
  estimatedStartAt(): string | undefined
  /** Applies one event of the stream; `resumed` for the snapshot of a resumed stream. */
  applyEvent(event: ServiceJobEvent, resumed: boolean): void
  /** Applies a fresh record. */
  applyRecord(record: JobRecord): void
}

/** A job expected to start further away than this is polled less often. */
const FAR_START_MS = 10 * 60_000

/** Clean ends of a stream without the job finishing, before giving up on SSE. */
const MAX_EMPTY_STREAMS = 3

/**
 * Keeps one job's state current until it is final: SSE with `Last-Event-ID` resume, then
 * long-poll, then polling with exponential backoff and full jitter (start 0.5 s, ×1.5, cap
 * 10 s, never sooner than the server's `poll_after_seconds`). The mode it fell back to sticks.
 */
export class JobFollower {
  #mode: FollowMode
  readonly #isAuto: boolean
  readonly #job: FollowedJob
  readonly #http: ServiceTransport
  readonly #options: {
    readonly pollIntervalMs: number
    readonly maxPollIntervalMs: number
    readonly longPollSeconds: number
  }

  /**
   * @param job - the job to keep current
   * @param http - the transport
   * @param options - the mode and polling delays
   */
  constructor(job: FollowedJob, http: ServiceTransport, options: FollowOptions = {}) {
    this.#job = job
    this.#http = http
    const mode = options.mode ?? 'auto'
    this.#isAuto = mode === 'auto'
    this.#mode = mode === 'auto' ? 'sse' : mode
    this.#options = {
      pollIntervalMs: options.pollIntervalMs ?? 500,
      maxPollIntervalMs: options.maxPollIntervalMs ?? 10_000,
      longPollSeconds: options.longPollSeconds ?? 30,
    }
  }

  /** The mode in use (after any fallback). */
  get mode(): FollowMode {
    return this.#mode
  }

  /**
   * Follows the job until it is final or the signal aborts.
   *
   * @param signal - stops following
   * @throws ServiceRequestError when the job cannot be read (gone, no access); `signal.reason`
   */
  async follow(signal: AbortSignalLike): Promise<void> {
    let emptyStreams = 0
    let polls = 0
    while (!this.#job.isFinal()) {
      signal.throwIfAborted()
      if (this.#mode === 'sse') {
        const events = await this.#stream(signal)
        // (`mode`, not `#mode`: the stream may have fallen back meanwhile.)
        if (this.#job.isFinal() || this.mode !== 'sse') continue
        // The server ended the stream early (e.g. it is restarting): reconnect after a pause,
        // and give up on streams that keep ending without news.
        emptyStreams = events > 0 ? 0 : emptyStreams + 1
        if (events > 0) polls = 0
        if (emptyStreams >= MAX_EMPTY_STREAMS) this.#fallBack('stream ends without events')
        else await this.#pause(polls++, signal)
      } else if (this.#mode === 'long-poll') {
        const isHeld = await this.#longPoll(signal)
        if (!isHeld && this.#isAuto) this.#mode = 'poll'
        else if (!isHeld && !this.#job.isFinal()) await this.#pause(polls++, signal)
      } else {
        await this.#poll(signal)
        if (!this.#job.isFinal()) await this.#pause(polls++, signal)
      }
    }
  }

  /** Reads the event stream until it ends; returns how many job events (not snapshots) came. */
  async #stream(signal: AbortSignalLike): Promise<number> {
    const seq = this.#job.lastSeq()
    let events = 0
    try {
      const messages = this.#http.stream(buildPath(PATHS.jobEvents, { id: this.#job.id }), {
        lastEventId: seq === undefined ? undefined : String(seq),
        signal,
      })
      for await (const message of messages) {
        const event = decodeJobEvent(message)
        if (event === undefined) continue
        // The final record (end time, usage, result metadata) before the final status, so that
        // whoever wakes up on it sees the whole record.
        if (event.type === 'job.status' && isFinalServiceJobStatus(event.status)) {
          await this.#poll(signal).catch(() => undefined)
        }
        // The snapshot of a resumed stream comes without an id: replayed events follow it.
        this.#job.applyEvent(event, event.type === 'snapshot' && message.lastEventId === '')
        if (event.type !== 'snapshot') events++
      }
    } catch (error) {
      if (signal.aborted) throw signal.reason
      if (!this.#canFallBack(error)) throw error
      this.#fallBack(error)
    }
    return events
  }

  /** One long-poll; says whether the server held it (or the job changed meanwhile). */
  async #longPoll(signal: AbortSignalLike): Promise<boolean> {
    const rev = this.#job.rev()
    const response = await this.#http.request<JobRecord | undefined>(
      'GET',
      buildPath(PATHS.job, { id: this.#job.id }),
      {
        headers: {
          [HEADERS.prefer]: formatPreferWait(this.#options.longPollSeconds),
          [HEADERS.ifNoneMatch]: formatEtag(rev),
        },
        acceptStatuses: [304],
        signal,
      },
    )
    if (response.status !== 304 && response.body !== undefined) {
      this.#job.applyRecord(response.body)
    }
    return response.headers.has(HEADERS.preferenceApplied) || this.#job.rev() !== rev
  }

  async #poll(signal: AbortSignalLike): Promise<void> {
    const record = await this.#http.get<JobRecord>(buildPath(PATHS.job, { id: this.#job.id }), {
      signal,
    })
    this.#job.applyRecord(record)
  }

  /** Waits before the next poll: full jitter over the capped ×1.5 growth, ≥ the server's hint. */
  async #pause(attempt: number, signal: AbortSignalLike): Promise<void> {
    const { pollIntervalMs } = this.#options
    const maxPollIntervalMs = this.#maxPollIntervalMs()
    const ceiling = Math.min(maxPollIntervalMs, pollIntervalMs * 1.5 ** attempt)
    const jittered = this.#http.retryPolicy.random() * ceiling
    const hint = Math.min((this.#job.pollAfterSeconds() ?? 0) * 1000, maxPollIntervalMs)
    await sleep(Math.max(jittered, hint), { timers: this.#http.timers, signal })
  }

  /** The polling cap: longer for a job that will not start for a while (§8.5). */
  #maxPollIntervalMs(): number {
    const { maxPollIntervalMs } = this.#options
    const start = this.#job.estimatedStartAt()
    const isFar = start !== undefined && Date.parse(start) - Date.now() > FAR_START_MS
    return isFar ? maxPollIntervalMs * 3 : maxPollIntervalMs
  }

  /** Whether a stream failure means "use another mode" rather than "the job is unreadable". */
  #canFallBack(error: unknown): boolean {
    if (!this.#isAuto) return false
    if (isServiceRequestError(error)) return ![401, 403].includes(error.status)
    return error instanceof ClientError
  }

  #fallBack(reason: unknown): void {
    if (!this.#isAuto) {
      throw new ClientError('client.stream-failed', `cannot follow job ${this.#job.id}`, {
        cause: reason,
      })
    }
    this.#mode = this.#mode === 'sse' ? 'long-poll' : 'poll'
  }
}
