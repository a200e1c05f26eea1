import { MessageChannel } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { ChangeHub } from '../../src/store/change-hub.js'
import { eventually } from './suite/store-fixture.js'

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

  it('tells observers when someone starts listening, and of own and linked deliveries', async () => {
    const here = new ChangeHub()
    const there = new ChangeHub()
    const { port1, port2 } = new MessageChannel()
    here.link(port1)
    there.link(port2)
    const log: string[] = []
    const stop = here.observe({
      listening: () =>
        log.push(`listening w${String(here.work.waiting)} j${String(here.watching)}`),
      delivered: (c) =>
        log.push(`delivered ${c.jobs.map((j) => j.jobId).join()} ${String(c.hasWork)}`),
    })
    const unwatch = here.watch(() => undefined)
    const waiting = here.work.wait()
    expect(log).toEqual(['listening w0 j1', 'listening w1 j1'])
    here.deliver({ jobs: [{ jobId: 'own', seq: 1 }], hasWork: true })
    await waiting
    there.deliver({ jobs: [{ jobId: 'linked', seq: 1 }], hasWork: false })
    await eventually(() => log.length === 4)
    expect(log.slice(2)).toEqual(['delivered own true', 'delivered linked false'])
    unwatch()
    expect(here.watching).toBe(0)
    stop()
    here.deliver({ jobs: [], hasWork: true })
    expect(log).toHaveLength(4)
    port1.close()
  })

  it('delivers outside changes here only: not to linked hubs, not to observers', async () => {
    const here = new ChangeHub()
    const there = new ChangeHub()
    const { port1, port2 } = new MessageChannel()
    here.link(port1)
    there.link(port2)
    const seenHere: string[] = []
    const seenThere: string[] = []
    here.watch((c) => seenHere.push(c.jobId))
    there.watch((c) => seenThere.push(c.jobId))
    let observed = 0
    here.observe({ listening: () => undefined, delivered: () => observed++ })
    let woke = false
    void here.work.wait().then(() => (woke = true))
    here.deliverHere({ jobs: [{ jobId: 'ext', seq: 2, status: 'RUNNING' }], hasWork: true })
    here.deliver({ jobs: [{ jobId: 'mine', seq: 1 }], hasWork: false }) // a marker that does travel
    await eventually(() => seenThere.length > 0)
    expect(seenHere).toEqual(['ext', 'mine'])
    expect(seenThere).toEqual(['mine'])
    expect(observed).toBe(1)
    expect(woke).toBe(true)
    port1.close()
  })
})
