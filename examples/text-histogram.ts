/**
 * A terminal histogram of counts: one bar per outcome, most frequent first.
 *
 * @param counts - outcome → count
 * @param width - the longest bar's length in characters
 * @returns the lines of the histogram
 */
export function textHistogram(counts: Iterable<[string, number]>, width = 40): string[] {
  const entries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const total = entries.reduce((sum, [, n]) => sum + n, 0)
  const max = Math.max(1, ...entries.map(([, n]) => n))
  const keyWidth = Math.max(0, ...entries.map(([k]) => k.length))
  return entries.map(([key, n]) => {
    const bar = '█'.repeat(Math.max(1, Math.round((n / max) * width)))
    return `${key.padStart(keyWidth)} │${bar} ${n} (${((100 * n) / total).toFixed(1)}%)`
  })
}
