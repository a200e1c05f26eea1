import type { ChangeHub } from '../change-hub.js'
import type { JobChange } from '../job-store.js'
import type { EventPosition, ExternalChangeSource, JobEventRow } from './sqlite-change-source.js'

/** How often the poll looks for other processes' commits by default, ms. */
export const DEFAULT_CHANGE_POLL_MS = 10
/**
 * How often it looks while no other process has been seen committing lately, ms: a process
 * alone on its file (or with linked threads only, whose commits arrive on the hub) wakes 5 times
 * a second instead of 100.
 */
export const DEFAULT_IDLE_CHANGE_POLL_MS = 200
/** How long the quick pace lasts after another process's commit was seen, ms. */
const QUICK_FOR_MS = 5000

/**
 * Deliveries of this hub remembered between two reads of the event log, at most: past it the
 * log is read anyway (which forgets them), so a process whose file nobody else writes does not
 * remember every change it ever made.
 */
const MAX_REMEMBERED = 1024

/** Options of {@link ExternalChangePoller}. */
export interface ExternalChangePollerOptions {
  /** Where this store announces changes. */
  readonly hub: ChangeHub
  /** The database's data version and event log. */
  readonly source: ExternalChangeSource
  /** Time between two looks while other processes commit, ms. */
  readonly intervalMs: number
  /**
   * Time between two looks when no other process has committed for a while, ms (default
   * `max(intervalMs, 200)`).
   */
  readonly idleIntervalMs?: number | undefined
}

function changeKey(jobId: string, seq: number): string {
  return `${jobId}#${String(seq)}`
}

/**
 * Announces on a SQLite store's {@link ChangeHub} what *other processes* commit to the file —
 * `qfabric serve --role worker` next to `--role api` on one data directory — which no in-process
 * bus carries: without it their workers would wait for their next poll (seconds) and their event
 * streams for their next re-read.
 *
 * While someone listens (workers waiting, job watchers subscribed), it reads
 * the writing connection's `PRAGMA data_version` (~2 µs), which changes only when another
 * connection commits. When it changed:
 * - waiting workers are woken — on this hub only: each linked thread's store polls for itself —
 *   unless this hub announced new work since the last look (its workers are claiming already);
 * - job watchers get one change per job with new events (read from `job_events` by rowid: the
 *   highest seq and the job's status now), minus the ones this hub already announced (its own
 *   commits, or a linked thread's). A repeat is rare and harmless: watchers compare seqs.
 *
 * It looks every `intervalMs` for a few seconds after it last saw another process's commit (a
 * version change with no delivery on this hub since the last look, or events this hub did not
 * announce), else every `idleIntervalMs`: a process alone on its file does not pay for a quick
 * pace it never needs, and the first commit of another process after a quiet spell is heard
 * within one slow look.
 *
 * Account changes of other processes are not polled for: principal and instance caches expire
 * by their TTL.
 */
export class ExternalChangePoller {
  readonly #hub: ChangeHub
  readonly #source: ExternalChangeSource
  readonly #intervalMs: number
  readonly #idleIntervalMs: number
  /** Until when (`performance.now()`) the quick pace holds. */
  #quickUntil = 0
  /** Whether looks are scheduled (someone listens). */
  #polling = false
  #unobserve: (() => void) | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #stopped = false
  /**
   * The data version last seen. Kept while paused, so that a worker that starts waiting after a
   * commit made since (between its empty claim and its wait) is woken at once.
   */
  #version: number | undefined
  /** The last event read; `undefined` while nobody watches jobs (taken afresh when one does). */
  #position: EventPosition | undefined
  /** Whether another connection committed since the event log was last read. */
  #unread = false
  #reading = false
  /** `jobId#seq` this hub announced since the event log was last read. */
  #delivered = new Set<string>()
  /** Whether this hub announced new work since the last look. */
  #sawWork = false
  /** Whether this hub announced anything (own or linked commits) since the last look. */
  #sawDelivery = false

  /** @param options - hub, source and interval */
  constructor(options: ExternalChangePollerOptions) {
    this.#hub = options.hub
    this.#source = options.source
    this.#intervalMs = options.intervalMs
    this.#idleIntervalMs = options.idleIntervalMs ?? Math.max(options.intervalMs, 200)
  }

  /** Starts following the hub: polls whenever someone listens, from now until {@link stop}. */
  start(): void {
    if (this.#stopped || this.#unobserve !== undefined) return
    this.#version = this.#source.dataVersion()
    this.#unobserve = this.#hub.observe({
      listening: () => {
        this.#resume()
      },
      delivered: (changes) => {
        if (!this.#polling) return
        this.#sawDelivery = true
        if (changes.hasWork) this.#sawWork = true
        for (const job of changes.jobs) this.#delivered.add(changeKey(job.jobId, job.seq))
      },
    })
    if (this.#hub.work.waiting > 0 || this.#hub.watching > 0) this.#resume()
  }

  /** Stops for good (the store closes). */
  stop(): void {
    this.#stopped = true
    this.#unobserve?.()
    this.#unobserve = undefined
    this.#pause()
  }

  #resume(): void {
    if (this.#stopped || this.#polling) return
    this.#polling = true
    this.#sawWork = false
    this.#sawDelivery = false
    // At once: a commit made while paused wakes the worker that just started waiting.
    this.#look()
  }

  #pause(): void {
    this.#polling = false
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#forgetEvents()
  }

  /** One look, then the next after the current pace's interval (while polling). */
  #look(): void {
    this.#timer = undefined
    void this.#tick().finally(() => {
      if (!this.#polling || this.#timer !== undefined) return
      const quick = performance.now() < this.#quickUntil
      this.#timer = setTimeout(
        () => {
          this.#look()
        },
        quick ? this.#intervalMs : this.#idleIntervalMs,
      )
      // A poll must never keep a process alive on its own.
      this.#timer.unref()
    })
  }

  /** Another process committed: look quickly for a while. */
  #sawOtherProcess(): void {
    this.#quickUntil = performance.now() + QUICK_FOR_MS
  }

  #forgetEvents(): void {
    this.#position = undefined
    this.#unread = false
    this.#delivered.clear()
  }

  async #tick(): Promise<void> {
    try {
      const hub = this.#hub
      const waiting = hub.work.waiting > 0
      const watching = hub.watching > 0
      if (!waiting && !watching) {
        this.#pause()
        return
      }
      const version = this.#source.dataVersion()
      if (version === undefined) return
      const changed = this.#version !== undefined && version !== this.#version
      this.#version = version
      this.#wakeWorkers(changed, waiting)
      if (!watching) {
        this.#forgetEvents()
        return
      }
      if (changed) this.#unread = true
      await this.#followEvents(version)
    } catch {
      // The store is closing, or the file stayed locked past the busy timeout: read again at the
      // next look; until then workers still have their own poll and streams their re-reads.
      this.#unread = true
    }
  }

  /** After a look: wakes waiting workers for another process's commit, and sets the pace. */
  #wakeWorkers(changed: boolean, waiting: boolean): void {
    const sawWork = this.#sawWork
    const sawDelivery = this.#sawDelivery
    this.#sawWork = false
    this.#sawDelivery = false
    if (changed && !sawDelivery) this.#sawOtherProcess()
    if (changed && waiting && !sawWork) this.#hub.work.notify()
  }

  /** Reads the event log when it may hold what this hub did not announce (one read at a time). */
  async #followEvents(version: number): Promise<void> {
    if (this.#reading) return
    this.#reading = true
    try {
      if (this.#position === undefined) await this.#syncEvents(version)
      else if (this.#unread || this.#delivered.size >= MAX_REMEMBERED) {
        await this.#readEvents(this.#position)
      }
    } finally {
      this.#reading = false
    }
  }

  /** Takes the end of the event log as the starting point, when job watchers appear. */
  async #syncEvents(version: number): Promise<void> {
    this.#delivered.clear()
    this.#unread = false
    const last = await this.#source.lastEvent()
    if (this.#stopped) return
    if (this.#source.dataVersion() === version) {
      this.#position = last
    } else {
      // Another connection committed while we read: its events may lie at or below `last`, and
      // the next look, seeing the version change, would skip them. A position that matches no
      // event makes it read the last few again.
      this.#position = { rowid: last.rowid, job_id: '', seq: 0 }
      this.#unread = true
    }
  }

  /** Reads the events after `after` and tells watchers of the jobs this hub did not announce. */
  async #readEvents(after: EventPosition): Promise<void> {
    this.#unread = false
    // Deliveries made during the read stay remembered: the read may not include their events.
    const seen = this.#delivered
    this.#delivered = new Set()
    const rows = await this.#source.eventsAfter(after)
    if (this.#stopped || this.#position === undefined) return
    const latest = new Map<string, JobEventRow>()
    for (const row of rows) {
      const known = latest.get(row.job_id)
      if (known === undefined || row.seq > known.seq) latest.set(row.job_id, row)
    }
    const jobs: JobChange[] = []
    for (const row of latest.values()) {
      const key = changeKey(row.job_id, row.seq)
      if (seen.has(key) || this.#delivered.has(key)) continue
      jobs.push({ jobId: row.job_id, seq: row.seq, status: row.status })
    }
    const last = rows.at(-1)
    if (last !== undefined) {
      this.#position = { rowid: last.rowid, job_id: last.job_id, seq: last.seq }
    }
    if (jobs.length > 0) {
      this.#sawOtherProcess()
      this.#hub.deliverHere({ jobs, hasWork: false })
    }
  }
}
