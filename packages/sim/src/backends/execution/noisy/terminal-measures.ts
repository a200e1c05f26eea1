/**
 * Marks the measurements nothing later acts on — neither a gate, reset or error on the qubit nor
 * a later write or read of the clbit, and no classical control after them. Their outcomes can be
 * sampled from the final state and their readout errors applied to the samples afterwards.
 */
import { collectQubits } from '../remap-ops.js'
import type { NoisyStep } from './noisy-step.js'

/**
 * The steps with `isTerminal` set on every top-level measurement that is terminal.
 *
 * @param steps - lowered steps, in order
 * @returns new steps (the others are shared)
 */
export function markTerminalMeasures(steps: readonly NoisyStep[]): NoisyStep[] {
  const touched = new Set<number>()
  const usedClbits = new Set<number>()
  let everything = false
  const out = [...steps]
  for (let k = steps.length - 1; k >= 0 && !everything; k--) {
    const step = steps[k]!
    switch (step.kind) {
      case 'measure': {
        const isTerminal = !touched.has(step.qubit) && !usedClbits.has(step.clbit)
        if (isTerminal) out[k] = { ...step, isTerminal }
        else touched.add(step.qubit)
        usedClbits.add(step.clbit)
        break
      }
      case 'error':
        for (const q of step.qubits) touched.add(q)
        break
      case 'ops':
        if (step.ops.some((op) => op.kind === 'conditional' || op.kind === 'while')) {
          everything = true
        }
        for (const op of step.ops) if (op.kind === 'measure') usedClbits.add(op.clbit)
        collectQubits(step.ops, touched)
        break
      case 'conditional':
        everything = true
        break
    }
  }
  return out
}

/**
 * Whether the steps are a plain sequence whose measurements are all terminal: no classical
 * control, no measurement inside ops (what the density-matrix simulator runs).
 *
 * @param steps - marked steps
 * @returns true when every measurement can be sampled at the end
 */
export function hasOnlyTerminalMeasures(steps: readonly NoisyStep[]): boolean {
  return steps.every((step) => {
    switch (step.kind) {
      case 'measure':
        return step.isTerminal
      case 'conditional':
        return false
      case 'error':
        return true
      case 'ops':
        return step.ops.every(
          (op) => op.kind !== 'measure' && op.kind !== 'conditional' && op.kind !== 'while',
        )
    }
  })
}
