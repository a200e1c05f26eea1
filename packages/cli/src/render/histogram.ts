/**
 * Terminal histograms of measurement counts: one bar per outcome, sorted by bitstring, scaled to
 * the line width, with counts and percentages; and a side-by-side variant comparing several
 * runs of one circuit (ideal against noisy, one device against another).
 */

/** Counts as a plain record (`{ '00': 510, '11': 490 }`), a `Counts` or any entry iterable. */
export type HistogramCounts = Readonly<Record<string, number>> | Iterable<readonly [string, number]>

/** Options of {@link renderHistogram} and {@link renderHistogramsSideBySide}. */
export interface HistogramOptions {
  /** The full line width in columns (default 80). */
  readonly width?: number | undefined
  /**
   * At most this many outcomes are drawn — the most frequent ones, still sorted by bitstring —
   * and a last line sums up the rest (default 32).
   */
  readonly maxRows?: number | undefined
  /** Draw bars with `#` instead of Unicode blocks (for terminals without them). */
  readonly ascii?: boolean | undefined
}

/** One run in a side-by-side histogram. */
export interface HistogramSeries {
  /** The column's heading, e.g. `ideal` or `fake_manila`. */
  readonly label: string
  readonly counts: HistogramCounts
}

/** Eighth blocks: a bar's fractional end, in eighths of a column. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉']
const DEFAULT_WIDTH = 80
const DEFAULT_MAX_ROWS = 32
/** `100.0%` */
const PERCENT_WIDTH = 6
const MIN_BAR = 4

/**
 * Draws counts as a horizontal bar chart, one line per outcome sorted by bitstring, e.g.
 *
 * ```text
 * 00  ██████████████████████████████████████████████▍  512  50.0%
 * 11  ████████████████████████████████████████████▋    488  47.7%
 * 1024 shots, 2 outcomes
 * ```
 *
 * Bars are scaled so the most frequent outcome fills the bar column. Keys are shown as given
 * (Qiskit's little-endian bitstrings: clbit 0 is the rightmost character).
 *
 * @param counts - outcome → number of shots
 * @param options - width, row limit, ASCII bars
 * @returns the chart, ending with a newline
 * @example
 * ```ts
 * process.stdout.write(renderHistogram(result.getCounts(), { width: process.stdout.columns }))
 * ```
 */
export function renderHistogram(counts: HistogramCounts, options: HistogramOptions = {}): string {
  const entries = toEntries(counts)
  const total = sum(entries.map(([, n]) => n))
  if (entries.length === 0 || total === 0) return '(no counts)\n'
  const { shown, hidden } = selectRows(
    entries.map(([key, n]) => ({ key, values: [n] })),
    options.maxRows ?? DEFAULT_MAX_ROWS,
  )
  const keyWidth = Math.max(...shown.map((r) => r.key.length))
  const countWidth = Math.max(...shown.map((r) => String(r.values[0]).length))
  const fixed = keyWidth + countWidth + PERCENT_WIDTH + 6
  const barWidth = Math.max(MIN_BAR, (options.width ?? DEFAULT_WIDTH) - fixed)
  const max = Math.max(...shown.map((r) => r.values[0]!))
  const lines = shown.map((row) => {
    const n = row.values[0]!
    const bar = drawBar(n / max, barWidth, options.ascii === true)
    return `${row.key.padEnd(keyWidth)}  ${bar}  ${String(n).padStart(countWidth)}  ${percent(n / total)}`
  })
  lines.push(summaryLine(total, entries.length, hidden))
  return `${lines.join('\n')}\n`
}

/**
 * Draws several runs of one experiment side by side, one line per outcome (the union of all
 * runs' outcomes, sorted by bitstring), each run a column of bars and percentages. All columns
 * share one scale (probability), so equal bars mean equal probabilities whatever the shots.
 *
 * ```text
 *          ideal (1024 shots)         fake_manila (1024 shots)
 * 00       ███████████████▌  50.0%    ██████████████     45.2%
 * 01                          0.0%    ▊                   2.6%
 * ```
 *
 * @param series - the runs, in column order
 * @param options - total width, row limit, ASCII bars
 * @returns the chart, ending with a newline
 * @example
 * ```ts
 * renderHistogramsSideBySide([
 *   { label: 'ideal', counts: ideal.getCounts() },
 *   { label: 'fake_manila', counts: noisy.getCounts() },
 * ])
 * ```
 */
export function renderHistogramsSideBySide(
  series: readonly HistogramSeries[],
  options: HistogramOptions = {},
): string {
  const runs = series.map((s) => ({ label: s.label, entries: toEntries(s.counts) }))
  const totals = runs.map((r) => sum(r.entries.map(([, n]) => n)))
  const keys = [...new Set(runs.flatMap((r) => r.entries.map(([k]) => k)))]
  if (keys.length === 0) return '(no counts)\n'
  const probabilities = runs.map((run, i) => {
    const byKey = new Map(run.entries)
    return (key: string): number => (totals[i]! > 0 ? (byKey.get(key) ?? 0) / totals[i]! : 0)
  })
  const rows = keys.map((key) => ({ key, values: probabilities.map((p) => p(key)) }))
  const { shown, hidden } = selectRows(rows, options.maxRows ?? DEFAULT_MAX_ROWS)
  const keyWidth = Math.max(...shown.map((r) => r.key.length))
  const gap = '   '
  const columnWidth = Math.max(
    MIN_BAR + 1 + PERCENT_WIDTH,
    Math.floor(
      ((options.width ?? DEFAULT_WIDTH) - keyWidth - 2 - gap.length * (runs.length - 1)) /
        Math.max(1, runs.length),
    ),
  )
  const barWidth = columnWidth - 1 - PERCENT_WIDTH
  const max = Math.max(...shown.flatMap((r) => r.values))
  const header = runs
    .map((run, i) => fit(`${run.label} (${totals[i]!} shots)`, columnWidth))
    .join(gap)
  const lines = [`${' '.repeat(keyWidth)}  ${header}`.trimEnd()]
  for (const row of shown) {
    const cells = row.values.map(
      (p) => `${drawBar(max > 0 ? p / max : 0, barWidth, options.ascii === true)} ${percent(p)}`,
    )
    lines.push(`${row.key.padEnd(keyWidth)}  ${cells.join(gap)}`)
  }
  if (hidden > 0) lines.push(`… ${hidden} more outcome${hidden === 1 ? '' : 's'} not shown`)
  return `${lines.join('\n')}\n`
}

interface Row {
  readonly key: string
  readonly values: readonly number[]
}

/**
 * Keeps the `maxRows` rows with the largest values (ties: smaller key), sorted by key.
 *
 * @returns the rows to draw and how many were left out
 */
function selectRows(rows: readonly Row[], maxRows: number): { shown: Row[]; hidden: number } {
  const limit = Math.max(1, Math.floor(maxRows))
  let shown = [...rows]
  if (shown.length > limit) {
    const weight = (r: Row): number => Math.max(...r.values)
    shown = shown.sort((a, b) => weight(b) - weight(a) || compareKeys(a.key, b.key))
    shown = shown.slice(0, limit)
  }
  shown.sort((a, b) => compareKeys(a.key, b.key))
  return { shown, hidden: rows.length - shown.length }
}

/**
 * Bitstring order: shorter keys first, then character by character (`0` < `1`), which is
 * numeric order for keys of one width.
 *
 * @param a - an outcome
 * @param b - another
 * @returns negative, zero or positive, as for `Array.prototype.sort`
 */
export function compareKeys(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}

/** A bar for `fraction` (0…1) of `width` columns, padded to the full width. */
function drawBar(fraction: number, width: number, ascii: boolean): string {
  const eighths = Math.round(Math.min(1, Math.max(0, fraction)) * width * 8)
  if (ascii) return '#'.repeat(Math.round(eighths / 8)).padEnd(width)
  const bar = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!
  return bar.padEnd(width)
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`.padStart(PERCENT_WIDTH)
}

function summaryLine(total: number, outcomes: number, hidden: number): string {
  const head = `${total} shot${total === 1 ? '' : 's'}, ${outcomes} outcome${outcomes === 1 ? '' : 's'}`
  return hidden > 0 ? `${head} (${hidden} not shown)` : head
}

/** Pads or cuts `text` to exactly `width` columns. */
function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width)
}

function toEntries(counts: HistogramCounts): [string, number][] {
  const iterable: Iterable<readonly [string, number]> =
    Symbol.iterator in counts
      ? (counts as Iterable<readonly [string, number]>)
      : Object.entries(counts)
  return [...iterable].map(([key, n]) => [key, n])
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
