import { describe, expect, it } from 'vitest'
import {
  BackendQueueWatch,
  backendQueueWatchOf,
  QueueWakeup,
} from '../../src/app/backend-queue-watch.js'
import { JobEventHub } from '../../src/app/job-event-hub.js'
import type { StoredJob } from '../../src/store/job-store-types.js'

// Job ids name their backend: `<backend>/<n>`.
const store = {
  getJobs: (ids: readonly string[]) =>
    Promise.resolve(ids.map((id) => ({ id, backend: id.split('/')[0] }) as StoredJob)),
}
const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('BackendQueueWatch', () => {
  it('wakes the listeners of the changed jobs’ backends, once per burst', async () => {
    const hub = new JobEventHub()
    const watch = new BackendQueueWatch(store, hub)
    const got: string[] = []
    const stopSim = watch.subscribe('sim', (b) => got.push(`1:${b}`))
    watch.subscribe('sim', (b) => got.push(`2:${b}`))
    watch.subscribe('device', (b) => got.push(`3:${b}`))
    hub.publish('sim/1')
    hub.publish('sim/2')
    hub.publish('other/1')
    await turn()
    await turn()
    expect(got).toEqual(['1:sim', '2:sim'])
    stopSim()
    hub.publish('device/1')
    await turn()
    await turn()
    expect(got).toEqual(['1:sim', '2:sim', '3:device'])
  })

  it('listens to the hub only while someone listens to it, and is one per hub', () => {
    const hub = new JobEventHub()
    const watch = backendQueueWatchOf({ store, hub })
    expect(backendQueueWatchOf({ store, hub })).toBe(watch)
    expect(backendQueueWatchOf({ store, hub: new JobEventHub() })).not.toBe(watch)
    const stop = watch.subscribe('sim', () => undefined)
    expect(hub.listenerCount).toBe(1)
    stop()
    expect(hub.listenerCount).toBe(0)
    expect(watch.listenerCount).toBe(0)
  })
})

describe('QueueWakeup', () => {
  it('remembers a change made while armed, and forgets it when armed again', async () => {
    const hub = new JobEventHub()
    const wakeup = new QueueWakeup(new BackendQueueWatch(store, hub), 'sim')
    const first = wakeup.arm()
    hub.publish('sim/1')
    await turn()
    await turn()
    expect(first.aborted).toBe(true)
    const second = wakeup.arm()
    expect(second.aborted).toBe(false)
    wakeup[Symbol.dispose]()
    expect(hub.listenerCount).toBe(0)
  })
})
