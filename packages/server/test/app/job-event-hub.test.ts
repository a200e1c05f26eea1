import { describe, expect, it } from 'vitest'
import { JobEventHub } from '../../src/app/job-event-hub.js'

describe('JobEventHub', () => {
  it('wakes the listeners of a job and the catch-all ones', () => {
    const hub = new JobEventHub()
    const got: string[] = []
    const stopA = hub.subscribe('a', (id) => got.push(`a:${id}`))
    hub.subscribe('*', (id) => got.push(`*:${id}`))
    hub.subscribe('a', () => {
      throw new Error('one bad listener')
    })
    hub.publish('a')
    hub.publish('b')
    stopA()
    hub.publish('a')
    expect(got).toEqual(['a:a', '*:a', '*:b', '*:a'])
    expect(hub.listenerCount).toBe(2)
  })

  it('waits for a change, a timeout or an abort', async () => {
    const hub = new JobEventHub()
    const changed = hub.waitForChange('j', { timeoutMs: 5000 })
    hub.publish('j')
    expect(await changed).toBe(true)
    expect(await hub.waitForChange('j', { timeoutMs: 10 })).toBe(false)
    const controller = new AbortController()
    const aborted = hub.waitForChange('j', { timeoutMs: 5000, signal: controller.signal })
    controller.abort()
    expect(await aborted).toBe(false)
    expect(hub.listenerCount).toBe(0)
  })
})
