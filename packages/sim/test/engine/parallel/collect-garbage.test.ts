import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { collectGarbage } from '../../../src/engine/parallel/collect-garbage.js'

describe('collectGarbage', () => {
  it('collects objects no longer reachable', async () => {
    let ref: WeakRef<object> | undefined
    // Created in another task: a WeakRef keeps its target alive until the current one ends.
    await new Promise<void>((resolve) => {
      setImmediate(() => {
        ref = new WeakRef({ payload: new Float64Array(1024) })
        resolve()
      })
    })
    await new Promise((resolve) => setImmediate(resolve))
    collectGarbage()
    expect(ref?.deref()).toBeUndefined()
  })

  it('leaves no gc function behind in contexts created afterwards', () => {
    collectGarbage()
    const exposedAtStart = process.execArgv.includes('--expose-gc')
    expect(runInNewContext('typeof gc')).toBe(exposedAtStart ? 'function' : 'undefined')
  })
})
