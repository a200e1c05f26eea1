import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BackendNameSchema,
  INSTANCE_PATH_PATTERN,
  INSTANCE_PREFIX_PATTERN,
  InstancePathSchema,
  JobIdSchema,
  TagSchema,
  TimestampSchema,
} from '../../src/schemas/common.js'
import { isValid } from '../../src/validation/validate-value.js'

describe('common schemas', () => {
  it('accept the contract’s example values', () => {
    expect(isValid(JobIdSchema, 'job_01J9Z3K7Q8V2M4N6P0R2S4T6V8')).toBe(true)
    expect(isValid(InstancePathSchema, 'acme/research/vqe')).toBe(true)
    expect(isValid(BackendNameSchema, 'sim-statevector')).toBe(true)
    expect(isValid(BackendNameSchema, 'ibm.fez')).toBe(true)
    expect(isValid(TimestampSchema, '2026-09-01T10:00:05.120Z')).toBe(true)
    expect(isValid(TagSchema, 'exp-42')).toBe(true)
  })

  it('reject path-unsafe names', () => {
    for (const bad of ['', '..', 'a/../b', 'a b', 'a%2F', '-x']) {
      expect(isValid(BackendNameSchema, bad), bad).toBe(false)
      expect(isValid(JobIdSchema, bad), bad).toBe(false)
    }
    expect(isValid(InstancePathSchema, 'acme/research')).toBe(false)
    expect(isValid(InstancePathSchema, 'Acme/research/vqe')).toBe(false)
    expect(isValid(TagSchema, '')).toBe(false)
  })

  it('make every full instance path a prefix, and prefixes of paths prefixes', () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,10}$/)
    fc.assert(
      fc.property(fc.tuple(segment, segment, segment), (parts) => {
        const path = parts.join('/')
        expect(new RegExp(INSTANCE_PATH_PATTERN).test(path)).toBe(true)
        for (let n = 1; n <= 3; n++) {
          expect(new RegExp(INSTANCE_PREFIX_PATTERN).test(parts.slice(0, n).join('/'))).toBe(true)
        }
      }),
      { seed: 861, numRuns: 100 },
    )
  })
})
