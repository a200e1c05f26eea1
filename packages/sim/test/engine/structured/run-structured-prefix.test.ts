import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLocalExecutor } from '../../../src/engine/plan/plan-executor.js'
import { expandStructuredState } from '../../../src/engine/structured/expand-structured-state.js'
import {
  defaultClusterBudget,
  runStructuredPrefix,
} from '../../../src/engine/structured/run-structured-prefix.js'
import type { SimOp } from '../../../src/engine/sim-program.js'
import { maxDistance, runReference } from '../../helpers/dense-reference.js'
import { h } from '../../helpers/gates.js'
import { ghzOps, mixedOps, qftOps } from './structured-ops.js'

async function expanded(ops: readonly SimOp[], n: number, maxEntries?: number) {
  const prefix = runStructuredPrefix(ops, { numQubits: n, maxEntries })
  const out = new Float64Array(2 ** (n + 1))
  const kind = await expandStructuredState(prefix.state, out, { executor: createLocalExecutor() })
  return { ...prefix, out, kind }
}

describe('runStructuredPrefix', () => {
  it('keeps QFT on a basis state a product of one-qubit states', async () => {
    const ops = qftOps(9)
    const { state, applied, out, kind } = await expanded(ops, 9, 4)
    expect(applied).toBe(ops.length)
    expect(state.clusters().map((c) => c.qubits.length)).toEqual(new Array(9).fill(1))
    expect(kind).toBe('table')
    expect(maxDistance(out, runReference(9, ops))).toBeLessThan(1e-12)
  })

  it('keeps GHZ at two non-zero amplitudes', async () => {
    const { state, applied, out, kind } = await expanded(ghzOps(10), 10, 2)
    expect(applied).toBe(10)
    expect(state.clusters().map((c) => c.keys.length)).toEqual([2])
    expect(kind).toBe('sparse')
    const s = Math.SQRT1_2
    expect(out[0]).toBeCloseTo(s, 15)
    expect(out[2 * 1023]).toBeCloseTo(s, 15)
    expect(out.filter((v) => v !== 0).length).toBe(2)
  })

  it('stops before a merge that would exceed the budget', () => {
    // |+⟩|+⟩|+⟩, then CZ(0, 1) would need 4 entries with a budget of 3.
    const ops: SimOp[] = [
      h(0),
      h(1),
      h(2),
      { kind: 'diagonal', qubits: [0, 1], diagonal: Float64Array.of(1, 0, 1, 0, 1, 0, -1, 0) },
    ]
    const { applied, state } = runStructuredPrefix(ops, { numQubits: 3, maxEntries: 3 })
    expect(applied).toBe(3)
    expect(state.clusters()).toHaveLength(3)
  })

  it('stops at the first non-unitary op', () => {
    const ops: SimOp[] = [h(0), { kind: 'measure', qubit: 0, clbit: 0 }, h(1)]
    expect(runStructuredPrefix(ops, { numQubits: 2, maxEntries: 64 }).applied).toBe(1)
  })

  it('drops controls on definite qubits and controlled gates whose controls fail', () => {
    const ops: SimOp[] = [
      h(0),
      // Control qubit 1 is |0⟩: a control on 1 fails, a control on 0 of it holds.
      {
        kind: 'controlled',
        controls: [1],
        controlState: 1,
        target: { kind: 'matrix', qubits: [0], matrix: h(0).matrix },
      },
      {
        kind: 'controlled',
        controls: [1],
        controlState: 0,
        target: { kind: 'permutation', qubits: [2], permutation: Int32Array.of(1, 0) },
      },
    ]
    const { applied, state } = runStructuredPrefix(ops, { numQubits: 3, maxEntries: 1 << 10 })
    expect(applied).toBe(3)
    expect(state.clusters().every((c) => c.qubits.length === 1)).toBe(true)
  })

  it('matches the dense reference on random structured-then-dense circuits (any budget)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          n: fc.integer({ min: 1, max: 7 }),
          structured: fc.integer({ min: 0, max: 40 }),
          dense: fc.integer({ min: 0, max: 6 }),
          budget: fc.constantFrom(1, 2, 8, 64, 1 << 10),
          seed: fc.integer(),
        }),
        async ({ n, structured, dense, budget, seed }) => {
          const ops = mixedOps(n, structured, dense, seed)
          const { out, applied } = await expanded(ops, n, budget)
          expect(maxDistance(out, runReference(n, ops.slice(0, applied)))).toBeLessThan(1e-10)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('budgets by width: tiny registers go dense, wide ones keep 4096 entries', () => {
    expect(defaultClusterBudget(4)).toBe(1)
    expect(defaultClusterBudget(12)).toBe(64)
    expect(defaultClusterBudget(26)).toBe(4096)
  })
})
