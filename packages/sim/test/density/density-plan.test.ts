import { describe, expect, it } from 'vitest'
import { densityPlan } from '../../src/density/density-plan.js'
import type { EvolutionOp } from '../../src/density/density-program.js'
import { channelOp } from '../../src/density/superoperator.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { thermalRelaxationError } from '../../src/noise/thermal-relaxation-error.js'
import { runKernelsSync } from '../../src/engine/plan/run-plan.js'
import { createPassKernel } from '../../src/engine/plan/pass-spec.js'
import { cx, h, ry } from '../helpers/gates.js'
import { maxDiff } from './support/matrices.js'

function kinds(ops: readonly EvolutionOp[], n: number): string[] {
  return densityPlan(ops, n).map((s) => s.kind)
}

/** Applies the plan's steps to a copy of `state` on the calling thread. */
function apply(ops: readonly EvolutionOp[], n: number, state: Float64Array): Float64Array {
  const out = Float64Array.from(state)
  for (const step of densityPlan(ops, n, { fusion: 'off' })) {
    if (step.kind === 'kernel') runKernelsSync(out, [step.kernel])
    else
      runKernelsSync(
        out,
        step.passes.map((p) => createPassKernel(p, 2 * n)),
      )
  }
  return out
}

describe('densityPlan', () => {
  const relax = thermalRelaxationError(50e-6, 40e-6, 1e-6)
  const dep = depolarizingError(0.05, 2)

  it('folds the gates just before a channel into its superoperator', () => {
    // h(0) and its channel, then cx(0,1) and its channel: all within {0, 1}, one kernel step.
    expect(kinds([h(0), channelOp(relax, [0]), cx(0, 1), channelOp(dep, [0, 1])], 2)).toEqual([
      'kernel',
    ])
    expect(kinds([h(0), channelOp(relax, [0]), h(1), channelOp(relax, [1])], 2)).toEqual([
      'kernel',
      'kernel',
    ])
    // Gates on other qubits commute past the channel and stay statevector passes.
    expect(kinds([h(0), h(1), channelOp(relax, [0])], 2)).toEqual(['passes', 'kernel'])
    // A gate reaching outside the channel's qubits blocks folding.
    expect(kinds([h(0), cx(0, 1), channelOp(relax, [0])], 2)).toEqual(['passes', 'kernel'])
    // Resets are channels too, and absorb what came before them on their qubit.
    expect(kinds([h(0), { kind: 'reset', qubit: 0 }], 1)).toEqual(['kernel'])
    expect(kinds([{ kind: 'global-phase', phase: 1 }], 1)).toEqual([])
  })

  it('gives the same state as applying each op on its own', () => {
    const n = 3
    const state = new Float64Array(2 * 4 ** n)
    // The steps are linear maps: any dense matrix (not only a state) must map the same way.
    for (let k = 0; k < state.length; k++) state[k] = Math.sin(1 + 0.7 * k)
    const ops: EvolutionOp[] = [
      h(0),
      ry(1, 0.4),
      channelOp(relax, [1]),
      cx(2, 0),
      h(1),
      channelOp(dep, [2, 0]),
      { kind: 'reset', qubit: 1 },
      channelOp(relax, [1]),
      cx(1, 2),
    ]
    const fused = apply(ops, n, state)
    let separate: Float64Array = state
    for (const op of ops) separate = apply([op], n, separate)
    expect(maxDiff(fused, separate)).toBeLessThan(1e-13)
    expect(densityPlan(ops, n).length).toBeLessThan(ops.length)
  })
})
