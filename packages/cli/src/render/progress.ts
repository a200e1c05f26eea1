/**
 * The progress line of a waiting command, on standard error: animated in place (spinner, shot
 * bar) on a terminal, plain lines — one per change of status or queue position — otherwise, so
 * logs and CI output stay readable.
 */
import type { TextSink } from '../cli-context.js'

/** What a job is doing, as shown on the progress line. */
export interface ProgressState {
  /** The job's status, e.g. `QUEUED`. */
  readonly status: string
  /** Jobs ahead in the queue (0 = next), when queued and known. */
  readonly queuePosition?: number | undefined
  /** Work done out of the total (shots, circuits), when the backend reports it. */
  readonly work?:
    | { readonly done: number; readonly total: number; readonly unit?: string | undefined }
    | undefined
}

/** Options of {@link ProgressLine}. */
export interface ProgressLineOptions {
  /** Where the line goes (standard error). */
  readonly sink: TextSink
  /** Animate in place (default: whether the sink is a terminal). */
  readonly animate?: boolean | undefined
  /** The clock (default `Date.now`). */
  readonly now?: (() => number) | undefined
  /** A label in front of the state, e.g. the job id. */
  readonly label?: string | undefined
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']
const FRAME_MS = 100
const BAR_WIDTH = 20

/**
 * Formats one progress line: `QUEUED  position 3  12.4s`, with a bar when `bar` is set and the
 * work done is known.
 *
 * @param state - the job's state
 * @param elapsedMs - time since the wait began
 * @param bar - draw a bar for the work done (terminals only)
 * @returns the line, without a newline
 */
export function formatProgress(state: ProgressState, elapsedMs: number, bar = false): string {
  const parts = [state.status]
  if (state.queuePosition !== undefined) parts.push(`position ${state.queuePosition}`)
  const work = state.work
  if (work !== undefined && work.total > 0) {
    const fraction = Math.min(1, work.done / work.total)
    const filled = Math.round(fraction * BAR_WIDTH)
    const drawn = bar ? `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ` : ''
    parts.push(`${drawn}${work.done}/${work.total} ${work.unit ?? 'shots'}`)
  }
  parts.push(`${(elapsedMs / 1000).toFixed(1)}s`)
  return parts.join('  ')
}

/**
 * A progress line for one wait: call {@link ProgressLine.update} on every new state and
 * {@link ProgressLine.stop} at the end (it clears an animated line, so what follows starts on a
 * clean line).
 *
 * @example
 * ```ts
 * const progress = new ProgressLine({ sink: process.stderr, label: job.id })
 * progress.update({ status: 'QUEUED', queuePosition: 2 })
 * progress.stop()
 * ```
 */
export class ProgressLine {
  readonly #sink: TextSink
  readonly #animate: boolean
  readonly #now: () => number
  readonly #label: string
  readonly #start: number
  #state: ProgressState | undefined
  #lastPlain = ''
  #frame = 0
  #timer: ReturnType<typeof setInterval> | undefined

  /** @param options - sink, animation, clock, label */
  constructor(options: ProgressLineOptions) {
    this.#sink = options.sink
    this.#animate = options.animate ?? options.sink.isTTY === true
    this.#now = options.now ?? Date.now
    this.#label = options.label === undefined ? '' : `${options.label}  `
    this.#start = this.#now()
  }

  /** @param state - the job's latest state */
  update(state: ProgressState): void {
    this.#state = state
    if (this.#animate) {
      this.#timer ??= setInterval(() => {
        this.#render()
      }, FRAME_MS)
      // The spinner never keeps the process alive on its own.
      this.#timer.unref()
      this.#render()
      return
    }
    // Plain output: one line per change of status or queue position (not per shot or tick).
    const key = formatProgress({ status: state.status, queuePosition: state.queuePosition }, 0)
    if (key === this.#lastPlain) return
    this.#lastPlain = key
    this.#sink.write(`${this.#label}${formatProgress(state, this.#now() - this.#start)}\n`)
  }

  /** Ends the line: stops the animation and clears it. Idempotent. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer)
    this.#timer = undefined
    if (this.#animate && this.#state !== undefined) this.#sink.write('\r\x1b[K')
    this.#state = undefined
  }

  #render(): void {
    if (this.#state === undefined) return
    const frame = SPINNER[this.#frame++ % SPINNER.length]!
    const text = formatProgress(this.#state, this.#now() - this.#start, true)
    this.#sink.write(`\r\x1b[K${frame} ${this.#label}${text}`)
  }
}
