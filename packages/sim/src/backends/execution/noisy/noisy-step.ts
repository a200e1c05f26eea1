/**
 * A circuit lowered for noisy simulation: the engine's ideal ops, interleaved with the places
 * where the noise model applies a quantum error and with measurements that carry their readout
 * error. Both the density-matrix and the trajectory simulators read it.
 */
import type { SimCondition, SimOp } from '../../../engine/sim-program.js'
import type { QuantumError } from '../../../noise/quantum-error.js'
import type { ReadoutError } from '../../../noise/readout-error.js'

/** Ideal engine ops (gates, resets, and while loops, whose bodies are simulated without noise). */
export interface OpsStep {
  readonly kind: 'ops'
  readonly ops: readonly SimOp[]
}

/** A quantum error acting on `qubits` (the error's qubit `k` is `qubits[k]`). */
export interface ErrorStep {
  readonly kind: 'error'
  readonly error: QuantumError
  readonly qubits: readonly number[]
}

/** A measurement, with the readout error of its qubit if the model has one. */
export interface MeasureStep {
  readonly kind: 'measure'
  readonly qubit: number
  readonly clbit: number
  readonly readout: ReadoutError | undefined
  /**
   * Whether nothing later acts on its qubit or clbit (top-level measurements only): its readout
   * error can then be applied to the sampled outcomes afterwards.
   */
  readonly isTerminal: boolean
}

/** A classical condition (an `if_else`, or an instruction's `c_if`). */
export interface ConditionalStep {
  readonly kind: 'conditional'
  readonly condition: SimCondition
  readonly then: readonly NoisyStep[]
  readonly else: readonly NoisyStep[]
}

/** One step of a {@link NoisyCircuit}. */
export type NoisyStep = OpsStep | ErrorStep | MeasureStep | ConditionalStep

/** A circuit lowered with its noise. */
export interface NoisyCircuit {
  readonly numQubits: number
  readonly numClbits: number
  readonly steps: readonly NoisyStep[]
  /** Things the lowering could not model (reported as job warnings). */
  readonly warnings: readonly string[]
}
