import { describe, expect, it } from 'vitest'
import { ChangeHub } from '../../src/store/change-hub.js'

describe('ChangeHub', () => {
  it('delivers job changes to watchers after the current turn, until unsubscribed', async () => {
    const hub = new ChangeHub()
    const seen: string[] = []
    const stop = hub.watch((c) => seen.push(`${c.jobId}#${c.seq}`))
    hub.deliver({
      jobs: [
        { jobId: 'a', seq: 1 },
        { jobId: 'b', seq: 3 },
      ],
      hasWork: false,
    })
    expect(seen).toEqual([]) // not synchronously: the committing call returns first
    await Promise.resolve()
    expect(seen).toEqual(['a#1', 'b#3'])
    stop()
    hub.deliver({ jobs: [{ jobId: 'a', seq: 2 }], hasWork: false })
    await Promise.resolve()
    expect(seen).toEqual(['a#1', 'b#3'])
  })

  it('wakes workers only when there is work', async () => {
    const hub = new ChangeHub()
    hub.deliver({ jobs: [{ jobId: 'a', seq: 1 }], hasWork: false })
    let woke = false
    const wait = hub.work.wait({ timeoutMs: 30 }).then(() => (woke = true))
    await new Promise((r) => setTimeout(r, 5))
    expect(woke).toBe(false)
    hub.deliver({ jobs: [], hasWork: true })
    await wait
    expect(woke).toBe(true)
  })
})
