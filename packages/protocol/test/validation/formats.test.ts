import { execFileSync } from 'node:child_process'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isRfc3339DateTime } from '../../src/validation/formats.js'

/** Python's datetime as the independent judge of which date-times exist. */
function pythonAccepts(values: readonly string[]): boolean[] {
  const script = `
import json, sys, datetime
out = []
for v in json.load(sys.stdin):
    try:
        datetime.datetime.fromisoformat(v.replace('Z', '+00:00').replace('z', '+00:00').replace('t', 'T'))
        out.append(True)
    except ValueError:
        out.append(False)
print(json.dumps(out))`
  return JSON.parse(
    execFileSync('python3', ['-c', script], { input: JSON.stringify(values) }).toString(),
  ) as boolean[]
}

describe('isRfc3339DateTime', () => {
  it('accepts the forms the service and IBM snapshots use', () => {
    for (const ok of [
      '2026-09-01T10:00:00.000Z',
      '2026-09-01T10:03:10Z',
      '2021-03-15T00:09:11-04:00',
      '2024-02-29T23:59:59+14:00',
      '2016-12-31T23:59:60Z',
      '2026-09-01t10:00:00z',
    ]) {
      expect(isRfc3339DateTime(ok), ok).toBe(true)
    }
  })

  it('rejects near misses', () => {
    for (const bad of [
      '2026-09-01',
      '2026-09-01 10:00:00Z',
      '2026-09-01T10:00:00',
      '2023-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-09-01T24:00:00Z',
      '2026-09-01T10:00:00+24:00',
      '2026-09-01T10:00:00.Z',
      '+02026-09-01T10:00:00Z',
    ]) {
      expect(isRfc3339DateTime(bad), bad).toBe(false)
    }
  })

  it('agrees with Python’s calendar on random dates (seconds 0–59)', () => {
    const samples = fc.sample(
      fc.tuple(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 59 }),
      ),
      { seed: 3339, numRuns: 400 },
    )
    const pad = (n: number, w = 2) => String(n).padStart(w, '0')
    const values = samples.map(
      ([y, mo, d, h, mi]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:30Z`,
    )
    expect(values.map(isRfc3339DateTime)).toEqual(pythonAccepts(values))
  })
})
