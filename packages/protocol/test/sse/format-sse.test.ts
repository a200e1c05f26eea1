import { describe, expect, it } from 'vitest'
import {
  formatSseComment,
  formatSseEvent,
  formatSseMessage,
  formatSseRetry,
  SSE_RESPONSE_HEADERS,
} from '../../src/sse/format-sse.js'
import { EVENTS } from '../__fixtures__/events.js'

describe('SSE framing', () => {
  it('frames a job event with id = seq, event = type, data = JSON', () => {
    const event = EVENTS[3]!
    expect(formatSseEvent(event)).toBe(
      `id: 6\nevent: job.progress\ndata: ${JSON.stringify(event)}\n\n`,
    )
    expect(formatSseEvent(event, { id: 'job_1:6' })).toMatch(/^id: job_1:6\n/)
  })

  it('splits multi-line data and frames comments and retry hints', () => {
    expect(formatSseMessage({ data: 'a\r\nb\rc\nd' })).toBe(
      'data: a\ndata: b\ndata: c\ndata: d\n\n',
    )
    expect(formatSseMessage({ data: '' })).toBe('data: \n\n')
    expect(formatSseMessage({ data: 'x', retry: 1000, event: 'e', id: '1' })).toBe(
      'id: 1\nevent: e\nretry: 1000\ndata: x\n\n',
    )
    expect(formatSseComment()).toBe(': heartbeat\n\n')
    expect(formatSseComment('a\nb')).toBe(': a\n: b\n\n')
    expect(formatSseRetry()).toBe('retry: 3000\n\n')
  })

  it('refuses fields that cannot be framed', () => {
    expect(() => formatSseMessage({ data: 'x', id: 'a\nb' })).toThrow(TypeError)
    expect(() => formatSseMessage({ data: 'x', id: 'a\0' })).toThrow(TypeError)
    expect(() => formatSseMessage({ data: 'x', event: 'a\rb' })).toThrow(TypeError)
    expect(() => formatSseRetry(-1)).toThrow(RangeError)
    expect(() => formatSseRetry(1.5)).toThrow(RangeError)
  })

  it('asks proxies not to buffer', () => {
    expect(SSE_RESPONSE_HEADERS['X-Accel-Buffering']).toBe('no')
    expect(SSE_RESPONSE_HEADERS['Content-Type']).toMatch(/^text\/event-stream/)
  })
})
