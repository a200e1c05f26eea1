/**
 * Drops idle qubits from a noisy circuit (Aer's truncation): a circuit compiled for a 127-qubit
 * device usually acts on a few qubits, and only those need simulating.
 */
import { collectQubits, remapOps } from '../remap-ops.js'
import type { NoisyCircuit, NoisyStep } from './noisy-step.js'

function collectStepQubits(steps: readonly NoisyStep[], into: Set<number>): Set<number> {
  for (const step of steps) {
    switch (step.kind) {
      case 'ops':
        collectQubits(step.ops, into)
        break
      case 'error':
        for (const q of step.qubits) into.add(q)
        break
      case 'measure':
        into.add(step.qubit)
        break
      case 'conditional':
        collectStepQubits(step.then, into)
        collectStepQubits(step.else, into)
        break
    }
  }
  return into
}

function remapSteps(steps: readonly NoisyStep[], map: (q: number) => number): NoisyStep[] {
  return steps.map((step): NoisyStep => {
    switch (step.kind) {
      case 'ops':
        return { kind: 'ops', ops: remapOps(step.ops, { qubit: map }) }
      case 'error':
        return { ...step, qubits: step.qubits.map(map) }
      case 'measure':
        return { ...step, qubit: map(step.qubit) }
      case 'conditional':
        return { ...step, then: remapSteps(step.then, map), else: remapSteps(step.else, map) }
    }
  })
}

/**
 * The circuit on its active qubits, renumbered `0 … k−1` in increasing order.
 *
 * @param circuit - a lowered circuit
 * @returns the smaller circuit and the original index of each kept qubit
 */
export function truncateNoisyCircuit(circuit: NoisyCircuit): {
  readonly circuit: NoisyCircuit
  readonly kept: readonly number[]
} {
  const kept = [...collectStepQubits(circuit.steps, new Set())].sort((a, b) => a - b)
  if (kept.length === circuit.numQubits) return { circuit, kept }
  const index = new Map(kept.map((q, i) => [q, i]))
  return {
    circuit: {
      ...circuit,
      numQubits: kept.length,
      steps: remapSteps(circuit.steps, (q) => index.get(q)!),
    },
    kept,
  }
}
