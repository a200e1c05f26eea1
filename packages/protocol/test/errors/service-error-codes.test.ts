import { describe, expect, it } from 'vitest'
import {
  codeForHttpStatus,
  httpStatusForCode,
  isServiceErrorCode,
  SERVICE_ERROR_CODE_LIST,
  SERVICE_ERROR_CODES,
} from '../../src/errors/service-error-codes.js'
import { serviceSpec } from '../__fixtures__/examples.js'

/** `code` → status pairs from the "Codes (stable strings)" paragraph of §8.10. */
function specCodes(): Map<string, number> {
  const spec = serviceSpec()
  const paragraph = spec.slice(
    spec.indexOf('Codes (stable strings)'),
    spec.indexOf('Every response carries'),
  )
  const out = new Map<string, number>()
  // Entries look like "`a` 401" or "`a` / `b` / `c` 429".
  for (const m of paragraph.matchAll(/((?:`[a-z_]+`(?:\s*\/\s*)?)+)\s*(\d{3})/g)) {
    for (const code of m[1]!.matchAll(/`([a-z_]+)`/g)) out.set(code[1]!, Number(m[2]))
  }
  return out
}

describe('SERVICE_ERROR_CODES', () => {
  it('has every code of §8.10 with the status the contract gives it', () => {
    const spec = specCodes()
    expect(spec.size).toBe(18)
    for (const [code, status] of spec) {
      expect(isServiceErrorCode(code), code).toBe(true)
      expect(httpStatusForCode(code as never), code).toBe(status)
    }
  })

  it('covers the statuses the brief asks for (401 403 404 409 413 415 422 429 500 503)', () => {
    const statuses = new Set<number>(
      SERVICE_ERROR_CODE_LIST.map((c) => SERVICE_ERROR_CODES[c].status),
    )
    for (const s of [400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 500, 503])
      expect(statuses.has(s)).toBe(true)
  })

  it('is total and consistent: every code has an error status, a title, a description', () => {
    for (const code of SERVICE_ERROR_CODE_LIST) {
      const info = SERVICE_ERROR_CODES[code]
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/)
      expect(Number.isInteger(info.status)).toBe(true)
      expect(info.status >= 400 && info.status <= 599, code).toBe(true)
      expect(info.title.length).toBeGreaterThan(0)
      expect(info.description.length).toBeGreaterThan(0)
      expect(httpStatusForCode(code)).toBe(info.status)
    }
    expect(SERVICE_ERROR_CODE_LIST).toHaveLength(Object.keys(SERVICE_ERROR_CODES).length)
  })

  it('marks as retryable exactly the codes that come with Retry-After or are transient', () => {
    const retryable = SERVICE_ERROR_CODE_LIST.filter((c) => SERVICE_ERROR_CODES[c].retryable).sort()
    expect(retryable).toEqual(
      [
        'backend_offline',
        'internal',
        'pending_job_limit_exceeded',
        'quota_exceeded',
        'rate_limited',
        'request_in_progress',
        'unavailable',
      ].sort(),
    )
    for (const c of SERVICE_ERROR_CODE_LIST) {
      if (SERVICE_ERROR_CODES[c].status === 429 || SERVICE_ERROR_CODES[c].status === 503) {
        expect(SERVICE_ERROR_CODES[c].retryable, c).toBe(true)
      }
    }
  })

  it('uses one title per code, never shared', () => {
    const titles = SERVICE_ERROR_CODE_LIST.map((c) => SERVICE_ERROR_CODES[c].title)
    expect(new Set(titles).size).toBe(titles.length)
  })

  it('guesses a code for a bare status, preferring the generic code', () => {
    expect(codeForHttpStatus(404)).toBe('not_found')
    expect(codeForHttpStatus(503)).toBe('unavailable')
    expect(codeForHttpStatus(409)).toBe('invalid_state')
    expect(codeForHttpStatus(422)).toBe('validation_failed')
    expect(codeForHttpStatus(429)).toBe('rate_limited')
    expect(codeForHttpStatus(502)).toBe('internal')
    expect(codeForHttpStatus(418)).toBe('bad_request')
    for (const c of SERVICE_ERROR_CODE_LIST) {
      expect(SERVICE_ERROR_CODES[codeForHttpStatus(SERVICE_ERROR_CODES[c].status)].status).toBe(
        SERVICE_ERROR_CODES[c].status,
      )
    }
  })

  it('rejects unknown codes and inherited keys', () => {
    expect(isServiceErrorCode('nope')).toBe(false)
    expect(isServiceErrorCode('toString')).toBe(false)
    expect(isServiceErrorCode(404)).toBe(false)
  })
})
