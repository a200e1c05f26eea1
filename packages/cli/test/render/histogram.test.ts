import { describe, expect, it } from 'vitest'
import { renderHistogram, renderHistogramsSideBySide } from '../../src/render/histogram.js'

/** The bar of a line: its run of block characters. */
function barLength(line: string): number {
  return (/[█▏▎▍▌▋▊▉]+/.exec(line)?.[0] ?? '').length
}

describe('renderHistogram', () => {
  it('draws one line per outcome sorted by bitstring, with counts, percentages and a total', () => {
    const text = renderHistogram({ '11': 250, '00': 500, '01': 250 }, { width: 60 })
    const lines = text.trimEnd().split('\n')
    expect(lines.map((l) => l.slice(0, 2))).toEqual(['00', '01', '11', '10'])
    expect(lines[0]).toMatch(/ 500\s+50\.0%$/)
    expect(lines[1]).toMatch(/ 250\s+25\.0%$/)
    expect(lines[3]).toBe('1000 shots, 3 outcomes')
    expect(text.endsWith('\n')).toBe(true)
  })

  it('scales bars to the width: the most frequent fills the bar column, others in proportion', () => {
    for (const width of [40, 80, 120]) {
      const lines = renderHistogram({ '0': 800, '1': 200 }, { width }).split('\n')
      expect(Math.max(...lines.slice(0, 2).map((l) => l.length))).toBeLessThanOrEqual(width)
      const full = barLength(lines[0]!)
      expect(full).toBeGreaterThan(width / 2)
      // A quarter of the longest bar, within one character (eighth blocks round the end).
      expect(Math.abs(barLength(lines[1]!) - full / 4)).toBeLessThanOrEqual(1)
    }
  })

  it('accepts entry iterables (a Counts) and ASCII bars', () => {
    const text = renderHistogram(
      new Map([
        ['1', 3],
        ['0', 1],
      ]),
      { ascii: true, width: 40 },
    )
    expect(text).toMatch(/^0 {2}#+ +1 +25\.0%$/m)
    expect(text).not.toMatch(/[█▏▎▍▌▋▊▉]/)
  })

  it('shows the most frequent outcomes when there are more than maxRows, still in key order', () => {
    const counts = { '000': 1, '001': 50, '010': 2, '011': 40, '100': 3 }
    const text = renderHistogram(counts, { maxRows: 2 })
    const keys = text
      .split('\n')
      .slice(0, 2)
      .map((l) => l.slice(0, 3))
    expect(keys).toEqual(['001', '011'])
    expect(text).toContain('96 shots, 5 outcomes (3 not shown)')
  })

  it('says so when there are no counts', () => {
    expect(renderHistogram({})).toBe('(no counts)\n')
  })
})

describe('renderHistogramsSideBySide', () => {
  it('puts runs in columns over the union of outcomes, on one probability scale', () => {
    const text = renderHistogramsSideBySide(
      [
        { label: 'ideal', counts: { '00': 512, '11': 512 } },
        { label: 'noisy', counts: { '00': 400, '01': 100, '11': 500 } },
      ],
      { width: 80 },
    )
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toMatch(/ideal \(1024 shots\)\s+noisy \(1000 shots\)/)
    expect(lines.slice(1).map((l) => l.slice(0, 2))).toEqual(['00', '01', '11'])
    expect(lines[2]).toMatch(/^01\s+0\.0%\s+▏?█*[▏▎▍▌▋▊▉]?\s+10\.0%$/)
    expect(lines[3]).toMatch(/50\.0%.*50\.0%$/)
    // Equal probabilities draw equal bars in both columns.
    const bars = lines[3]!.match(/[█▏▎▍▌▋▊▉]+/g) ?? []
    expect(bars).toHaveLength(2)
    expect(bars[0]).toBe(bars[1])
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80)
  })
})
