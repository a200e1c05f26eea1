import { describe, expect, it } from 'vitest'
import {
  createIdempotencyKey,
  isIdempotencyKey,
  parseIdempotencyKey,
} from '../../src/auth/idempotency-key.js'
import { ProtocolError } from '../../src/errors/protocol-error.js'

describe('idempotency keys', () => {
  it('accept UUIDs and ULIDs, 1–64 characters', () => {
    expect(isIdempotencyKey('6f1c2e0a-5d7b-4c1e-9a3f-2b8d4e6f8a0c')).toBe(true)
    expect(isIdempotencyKey('01J9Z3K7Q8V2M4N6P0R2S4T6V8')).toBe(true)
    expect(isIdempotencyKey('k'.repeat(64))).toBe(true)
    for (const bad of ['', 'k'.repeat(65), 'has space', 'ümlaut', 'a/b', 42])
      expect(isIdempotencyKey(bad)).toBe(false)
  })

  it('create ULID keys, time-ordered', () => {
    const a = createIdempotencyKey(1_000)
    const b = createIdempotencyKey(2_000)
    expect(isIdempotencyKey(a)).toBe(true)
    expect(a).toHaveLength(26)
    expect(a < b).toBe(true)
  })

  it('read the header: absent is fine, malformed or repeated is a header field error', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined()
    expect(parseIdempotencyKey(null)).toBeUndefined()
    expect(parseIdempotencyKey('key-1')).toBe('key-1')
    for (const bad of ['bad key', ['a', 'b']]) {
      try {
        parseIdempotencyKey(bad)
        expect.unreachable()
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError)
        expect((error as ProtocolError).toProblemDocument()).toMatchObject({
          status: 422,
          errors: [{ in: 'header', pointer: '/idempotency-key' }],
        })
      }
    }
  })
})
