import { describe, expect, it } from 'vitest'
import { etagMatches, formatEtag } from '../../src/http/etag.js'
import { CONTENT_TYPES, formatBearer, HEADERS, parseBearer } from '../../src/http/headers.js'
import { formatPreferWait, parsePreferWait } from '../../src/http/prefer-wait.js'
import { formatRetryAfter, parseRetryAfter } from '../../src/http/retry-after.js'

describe('header helpers', () => {
  it('name the contract’s headers and media types', () => {
    expect(HEADERS.idempotencyKey).toBe('Idempotency-Key')
    expect(HEADERS.instance).toBe('X-Instance')
    expect(HEADERS.lastEventId).toBe('Last-Event-ID')
    expect(CONTENT_TYPES.problemJson).toBe('application/problem+json')
  })

  it('read and write bearer credentials', () => {
    expect(formatBearer('qjs_x')).toBe('Bearer qjs_x')
    expect(parseBearer('Bearer qjs_x')).toBe('qjs_x')
    expect(parseBearer('bearer   qjs_x ')).toBe('qjs_x')
    expect(parseBearer('Basic dXNlcg==')).toBeUndefined()
    expect(parseBearer('Bearer a b')).toBeUndefined()
    expect(parseBearer(undefined)).toBeUndefined()
  })

  it('make ETags from revisions and match If-None-Match (lists, weak, *)', () => {
    expect(formatEtag(3)).toBe('"3"')
    expect(etagMatches('"3"', 3)).toBe(true)
    expect(etagMatches('"2", W/"3"', 3)).toBe(true)
    expect(etagMatches('*', 9)).toBe(true)
    expect(etagMatches('"33"', 3)).toBe(false)
    expect(etagMatches(null, 3)).toBe(false)
    expect(() => formatEtag(-1)).toThrow(RangeError)
  })

  it('read Prefer: wait=<s>, capped at 60 s', () => {
    expect(parsePreferWait('wait=30')).toBe(30)
    expect(parsePreferWait('respond-async, wait=600')).toBe(60)
    expect(parsePreferWait('WAIT = "5"')).toBe(5)
    expect(parsePreferWait('return=minimal')).toBeUndefined()
    expect(parsePreferWait('wait=-1')).toBeUndefined()
    expect(formatPreferWait(29.9)).toBe('wait=29')
    expect(formatPreferWait(600)).toBe('wait=60')
    expect(() => formatPreferWait(Number.NaN)).toThrow(RangeError)
  })

  it('read Retry-After as seconds or an HTTP date, write whole seconds rounded up', () => {
    expect(parseRetryAfter('30')).toBe(30)
    const now = Date.parse('2015-10-21T07:27:00Z')
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(60)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:26:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter('-5')).toBeUndefined()
    expect(formatRetryAfter(0.2)).toBe('1')
    expect(formatRetryAfter(30)).toBe('30')
    expect(() => formatRetryAfter(-1)).toThrow(RangeError)
  })
})
