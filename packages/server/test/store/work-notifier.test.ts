import { describe, expect, it } from 'vitest'
import { WorkNotifier } from '../../src/store/work-notifier.js'

describe('WorkNotifier', () => {
  it('wakes every waiter at once', async () => {
    const n = new WorkNotifier()
    const woken: number[] = []
    const waits = [0, 1, 2].map((i) => n.wait().then(() => woken.push(i)))
    expect(n.waiting).toBe(3)
    n.notify()
    await Promise.all(waits)
    expect(woken.sort()).toEqual([0, 1, 2])
    expect(n.waiting).toBe(0)
  })

  it('keeps one notification for the next waiter when nobody waits', async () => {
    const n = new WorkNotifier()
    n.notify()
    n.notify()
    await n.wait() // consumed at once
    let woke = false
    const next = n.wait({ timeoutMs: 50 }).then(() => (woke = true))
    await new Promise((r) => setTimeout(r, 10))
    expect(woke).toBe(false) // the two notifications collapsed into one
    await next
  })

  it('resolves on timeout and rejects with the abort reason, unchanged', async () => {
    const n = new WorkNotifier()
    const start = Date.now()
    await n.wait({ timeoutMs: 20 })
    expect(Date.now() - start).toBeGreaterThanOrEqual(15)
    const controller = new AbortController()
    const pending = n.wait({ signal: controller.signal })
    controller.abort('stop')
    await expect(pending).rejects.toBe('stop')
    expect(n.waiting).toBe(0)
    await expect(n.wait({ signal: AbortSignal.abort('already') })).rejects.toBe('already')
  })
})
