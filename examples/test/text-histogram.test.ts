import { describe, expect, it } from 'vitest'
import { textHistogram } from '../text-histogram.js'

describe('textHistogram', () => {
  it('orders outcomes by count and scales bars to the most frequent', () => {
    const lines = textHistogram(
      [
        ['01', 25],
        ['11', 75],
      ],
      8,
    )
    expect(lines).toEqual(['11 │████████ 75 (75.0%)', '01 │███ 25 (25.0%)'])
  })
})
