import { describe, expect, it } from 'vitest'
import {
  experimentsPerJob,
  formatRange,
  splitExperiments,
} from '../../src/job-manager/managed-job.js'

describe('experimentsPerJob', () => {
  it('takes the smaller of the backend and caller limits, either of which may be absent', () => {
    expect(experimentsPerJob(null, undefined)).toBeNull()
    expect(experimentsPerJob(5, undefined)).toBe(5)
    expect(experimentsPerJob(null, 4)).toBe(4)
    expect(experimentsPerJob(3, 10)).toBe(3)
    expect(experimentsPerJob(10, 3)).toBe(3)
  })

  it('rejects a caller limit that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() => experimentsPerJob(null, bad)).toThrow(RangeError)
    }
  })
})

describe('splitExperiments', () => {
  it('cuts contiguous slices in order, the last one shorter', () => {
    expect(splitExperiments(10, 3)).toEqual([
      { startIndex: 0, endIndex: 2 },
      { startIndex: 3, endIndex: 5 },
      { startIndex: 6, endIndex: 8 },
      { startIndex: 9, endIndex: 9 },
    ])
    expect(splitExperiments(4, null)).toEqual([{ startIndex: 0, endIndex: 3 }])
    expect(splitExperiments(4, 4)).toEqual([{ startIndex: 0, endIndex: 3 }])
  })

  it('formats ranges as Qiskit reports do', () => {
    expect(formatRange({ startIndex: 3, endIndex: 5 })).toBe('3-5')
    expect(formatRange({ startIndex: 9, endIndex: 9 })).toBe('9')
  })
})
