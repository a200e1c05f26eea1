import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  API_TOKEN_DISPLAY_LENGTH,
  apiTokenDisplayPrefix,
  createApiToken,
  formatApiToken,
  isApiToken,
  parseApiToken,
  redactApiToken,
} from '../../src/auth/api-token.js'

/** A seeded byte source (xorshift32), so tests are repeatable without Math.random. */
function seededBytes(seed: number): (n: number) => Uint8Array {
  let x = seed >>> 0 || 1
  return (n) =>
    Uint8Array.from({ length: n }, () => {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      return (x >>> 0) & 0xff
    })
}

describe('API tokens', () => {
  it('have the greppable qjs_<id>_<secret> form and parse back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const created = createApiToken({ randomBytes: seededBytes(seed) })
        expect(created.token).toMatch(/^qjs_[0-9a-z]{16}_[0-9a-z]{40}$/)
        expect(created.token).not.toMatch(/[ilou]/)
        expect(parseApiToken(created.token)).toEqual({ id: created.id, secret: created.secret })
        expect(created.prefix).toBe(created.token.slice(0, API_TOKEN_DISPLAY_LENGTH))
        expect(formatApiToken(created)).toBe(created.token)
      }),
      { seed: 7, numRuns: 100 },
    )
  })

  it('use the platform’s crypto by default and differ every time', () => {
    const a = createApiToken()
    const b = createApiToken()
    expect(isApiToken(a.token)).toBe(true)
    expect(a.token).not.toBe(b.token)
  })

  it('reject malformed tokens', () => {
    const good = createApiToken({ randomBytes: seededBytes(1) }).token
    for (const bad of [
      good.toUpperCase(),
      good.slice(0, -1),
      `${good}x`,
      good.replace('qjs_', 'qjx_'),
      `Bearer ${good}`,
      '',
    ]) {
      expect(parseApiToken(bad)).toBeUndefined()
      expect(isApiToken(bad)).toBe(false)
    }
    expect(() => formatApiToken({ id: 'short', secret: 'x' })).toThrow(TypeError)
    expect(() => createApiToken({ randomBytes: () => new Uint8Array(3) })).toThrow(RangeError)
  })

  it('redact tokens for logs, and anything else entirely', () => {
    const { token } = createApiToken({ randomBytes: seededBytes(2) })
    expect(redactApiToken(token)).toBe(`${apiTokenDisplayPrefix(token)}…`)
    expect(redactApiToken(token)).not.toContain(token.slice(8))
    expect(redactApiToken('hunter2')).toBe('[redacted]')
  })
})
