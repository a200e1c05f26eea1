import { describe, expect, it } from 'vitest'
import { createJobId } from '../../src/providers/job-id.js'

describe('createJobId (DESIGN §1: ids are ULIDs)', () => {
  it('is a 26-character Crockford base-32 ULID whose prefix encodes the time', () => {
    const id = createJobId(1_700_000_000_000)
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    let t = 0
    for (const ch of id.slice(0, 10)) t = t * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(ch)
    expect(t).toBe(1_700_000_000_000)
  })

  it('sorts by creation time and does not repeat', () => {
    const a = createJobId(1000)
    const b = createJobId(2000)
    expect(a < b).toBe(true)
    expect(new Set(Array.from({ length: 100 }, () => createJobId())).size).toBe(100)
    expect(() => createJobId(-1)).toThrow(RangeError)
  })
})
