import { describe, expect, it } from 'vitest'
import { API_VERSION, negotiateApiVersion, SUPPORTED_API_VERSIONS } from '../src/api-version.js'
import { ProtocolError } from '../src/errors/protocol-error.js'

describe('API version', () => {
  it('is the contract’s date, 2026-09-01', () => {
    expect(API_VERSION).toBe('2026-09-01')
    expect(SUPPORTED_API_VERSIONS[0]).toBe(API_VERSION)
  })

  it('defaults to the newest when the optional header is absent, echoes a supported one', () => {
    expect(negotiateApiVersion(undefined)).toBe(API_VERSION)
    expect(negotiateApiVersion('')).toBe(API_VERSION)
    expect(negotiateApiVersion(' 2026-09-01 ')).toBe(API_VERSION)
    expect(negotiateApiVersion('2025-01-01', ['2026-09-01', '2025-01-01'])).toBe('2025-01-01')
  })

  it('rejects unknown versions with unsupported_api_version (400)', () => {
    try {
      negotiateApiVersion('2020-01-01')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ProtocolError)
      expect((error as ProtocolError).toProblemDocument().status).toBe(400)
    }
    expect(() => negotiateApiVersion('x', [])).toThrow(RangeError)
  })
})
