/**
 * Finds the measurements of a density-matrix program that can be sampled at the end from one
 * final state: top-level measurements whose qubit nothing later acts on and whose clbit nothing
 * later reads or rewrites (the statevector engine's rule, extended to channels).
 */
import type { MeasureOp } from '../engine/sim-program.js'
import { opQubits } from '../engine/sim-program.js'
import type { DensityOp } from './density-program.js'

/** A program body with its final measurements taken out. */
export interface DensitySplit {
  /** The ops to simulate, in order. */
  readonly body: readonly DensityOp[]
  /** Measurements to sample at the end, in program order. */
  readonly finals: readonly MeasureOp[]
}

/**
 * Splits off the final measurements of a program.
 *
 * @param ops - the top-level ops
 * @returns the body and the final measurements
 */
export function splitDensityFinals(ops: readonly DensityOp[]): DensitySplit {
  const touched = new Set<number>()
  const usedClbits = new Set<number>()
  let everything = false
  const isFinal = new Uint8Array(ops.length)
  for (let k = ops.length - 1; k >= 0; k--) {
    const op = ops[k]!
    if (op.kind === 'measure') {
      if (!everything && !touched.has(op.qubit) && !usedClbits.has(op.clbit)) isFinal[k] = 1
      else {
        touched.add(op.qubit)
        usedClbits.add(op.clbit)
      }
    } else if (op.kind === 'conditional' || op.kind === 'while') {
      // Classical control may read any clbit and touch any qubit.
      everything = true
    } else {
      for (const q of touchedQubits(op)) touched.add(q)
    }
  }
  return {
    body: ops.filter((_, k) => isFinal[k] === 0),
    finals: ops.filter((op, k): op is MeasureOp => isFinal[k] === 1 && op.kind === 'measure'),
  }
}

function touchedQubits(
  op: Exclude<DensityOp, { kind: 'measure' | 'conditional' | 'while' }>,
): readonly number[] {
  switch (op.kind) {
    case 'reset':
      return [op.qubit]
    case 'channel':
      return op.qubits
    case 'matrix':
    case 'diagonal':
    case 'permutation':
    case 'controlled':
    case 'global-phase':
      return opQubits(op)
  }
}
