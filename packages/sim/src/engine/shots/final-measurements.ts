/**
 * Finds the measurements that can be deferred to the end and sampled from one final state: a
 * top-level measurement nothing later acts on (its qubit is not touched again, its clbit is not
 * read or rewritten). Measuring a qubit twice in a row is fine: both read the same outcome.
 */
import type { MeasureOp, SimOp } from '../sim-program.js'
import { opQubits } from '../sim-program.js'

/** A program body with its deferrable final measurements taken out. */
export interface SplitProgram {
  /** The ops to simulate, in order. */
  readonly body: readonly SimOp[]
  /** Measurements to sample at the end, in program order. */
  readonly finals: readonly MeasureOp[]
}

/**
 * Splits off the final measurements of a program.
 *
 * @param ops - the top-level ops
 * @returns the body and the final measurements
 */
export function splitFinalMeasurements(ops: readonly SimOp[]): SplitProgram {
  const touched = new Set<number>()
  const usedClbits = new Set<number>()
  let everything = false
  const isFinal = new Uint8Array(ops.length)
  for (let k = ops.length - 1; k >= 0; k--) {
    const op = ops[k]!
    switch (op.kind) {
      case 'measure':
        if (!everything && !touched.has(op.qubit) && !usedClbits.has(op.clbit)) isFinal[k] = 1
        else {
          touched.add(op.qubit)
          usedClbits.add(op.clbit)
        }
        break
      case 'reset':
        touched.add(op.qubit)
        break
      case 'conditional':
      case 'while':
        everything = true
        break
      case 'matrix':
      case 'diagonal':
      case 'permutation':
      case 'controlled':
      case 'global-phase':
        for (const q of opQubits(op)) touched.add(q)
        break
    }
  }
  return {
    body: ops.filter((_, k) => isFinal[k] === 0),
    finals: ops.filter((op, k): op is MeasureOp => isFinal[k] === 1 && op.kind === 'measure'),
  }
}
