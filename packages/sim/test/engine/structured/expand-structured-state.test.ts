import { afterAll, describe, expect, it } from 'vitest'
import {
  createThreadExecutor,
  terminateWorkers,
} from '../../../src/engine/parallel/thread-executor.js'
import { createLocalExecutor } from '../../../src/engine/plan/plan-executor.js'
import { expandStructuredState } from '../../../src/engine/structured/expand-structured-state.js'
import { StructuredState } from '../../../src/engine/structured/structured-state.js'
import type { UnitaryOp } from '../../../src/engine/sim-program.js'
import { maxDistance, runReference } from '../../helpers/dense-reference.js'
import { cx, h, ry, x } from '../../helpers/gates.js'

afterAll(async () => {
  await terminateWorkers()
})

function stateOf(n: number, ops: readonly UnitaryOp[]): StructuredState {
  const state = new StructuredState(n, 1 << 12)
  for (const op of ops) expect(state.apply(op)).toBe('applied')
  return state
}

describe('expandStructuredState', () => {
  it('writes a product of clusters through the table pass (local and threaded)', async () => {
    // Clusters {0,1}, {2}, {3,4} (entangled pairs), {5}, with a global phase.
    const ops: UnitaryOp[] = [
      h(0),
      cx(0, 1),
      ry(2, 0.4),
      ry(3, 1.1),
      cx(3, 4),
      h(5),
      { kind: 'global-phase', phase: 0.7 },
    ]
    const expected = runReference(6, ops)
    for (const executor of [createLocalExecutor(), createThreadExecutor(2)]) {
      const out = executor.allocate(6)
      expect(await expandStructuredState(stateOf(6, ops), out, { executor })).toBe('table')
      expect(maxDistance(out, expected)).toBeLessThan(1e-14)
    }
  })

  it('writes few non-zeros one by one', async () => {
    const ops: UnitaryOp[] = [x(7), h(1), cx(1, 4)]
    const out = new Float64Array(2 ** 9)
    const kind = await expandStructuredState(stateOf(8, ops), out, {
      executor: createLocalExecutor(),
    })
    expect(kind).toBe('sparse')
    expect(maxDistance(out, runReference(8, ops))).toBeLessThan(1e-15)
  })

  it('writes the scalar of a zero-qubit state', async () => {
    const out = new Float64Array(2)
    await expandStructuredState(stateOf(0, [{ kind: 'global-phase', phase: Math.PI / 2 }]), out, {
      executor: createLocalExecutor(),
    })
    expect(out[0]).toBeCloseTo(0, 15)
    expect(out[1]).toBe(1)
  })
})
