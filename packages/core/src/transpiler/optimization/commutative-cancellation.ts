import type { DagCircuit } from '../dag/dag-circuit.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { CommutationChecker } from './commutation-checker.js'
import { cancelGates } from './gate-cancellation.js'

/** Options of {@link CommutativeCancellation}. */
export interface CommutativeCancellationOptions {
  /** How many commuting gates to look past on each wire (default 32). */
  readonly maxWalk?: number | undefined
}

/**
 * Cancels and merges gates that meet once commuting gates between them are moved aside
 * (Qiskit's `CommutationAnalysis` + `CommutativeCancellation`): `cz·rz·cz` loses both `cz`s,
 * `rz(a)·cx(control)·rz(b)` becomes `rz(a+b)·cx`, `x` on a `cx` target cancels through it, …
 * Commutation comes from a {@link CommutationChecker} (diagonal-basis rules, else matrices).
 *
 * @example
 * ```ts
 * const qc = new QuantumCircuit(2).cz(0, 1).rz(0.3, 0).cz(0, 1)
 * new CommutativeCancellation().run(circuitToDag(qc)) // just rz(0.3) on qubit 0
 * ```
 */
export class CommutativeCancellation implements TransformationPass {
  readonly name = 'CommutativeCancellation'
  readonly kind = 'transformation' as const
  readonly #checker = new CommutationChecker()
  readonly #maxWalk: number | undefined

  /** @param options - how far to look */
  constructor(options: CommutativeCancellationOptions = {}) {
    this.#maxWalk = options.maxWalk
  }

  /**
   * @param dag - the circuit
   * @returns the simplified circuit (`dag` itself when nothing changed)
   */
  run(dag: DagCircuit): DagCircuit {
    return cancelGates(dag, { checker: this.#checker, maxWalk: this.#maxWalk })
  }
}
