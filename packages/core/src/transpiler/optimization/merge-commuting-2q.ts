import { UnitaryGate } from '../../circuit/unitary-gate.js'
import type { Target } from '../../target/target.js'
import { hasKnownMatrix } from '../dag/dag-collect.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { blockUnitary, operationMatrix } from '../synthesis/block-unitary.js'
import { TargetView } from '../synthesis/target-view.js'
import { TwoQubitSynthesizer } from '../synthesis/two-qubit-synthesis.js'
import { CommutationChecker } from './commutation-checker.js'
import { cancelGates, type CombinedGates } from './gate-cancellation.js'

/** Options of {@link MergeCommuting2q}. */
export interface MergeCommuting2qOptions {
  /** The target whose two-qubit instructions define the cost. */
  readonly target?: Target | undefined
  /** Whether qubit indices are physical (default: the target's width covers the circuit). */
  readonly physical?: boolean | undefined
  /** How many commuting gates to look past on each wire (default 32). */
  readonly maxWalk?: number | undefined
}

/**
 * Merges two-qubit gates on the same pair that commuting gates separate into one `unitary`
 * when that needs fewer two-qubit instructions than the two apart: the later gate is moved back
 * past the gates that commute with it. After routing this absorbs swaps — in
 * `swap(a,b)·cp(b,c)·cp(a,b)` the diagonal `cp`s commute, so `swap·cp(a,b)` costs 3 `cz`
 * instead of 5 — which plain block consolidation cannot see. `UnitarySynthesis` turns the
 * unitaries into target instructions.
 *
 * @example
 * ```ts
 * new MergeCommuting2q({ target }).run(dag) // swap(1,14) cp(14,2) cp(14,1) → unitary(1,14) cp(14,2)
 * ```
 */
export class MergeCommuting2q implements TransformationPass {
  readonly name = 'MergeCommuting2q'
  readonly kind = 'transformation' as const
  readonly #view: TargetView
  readonly #twoQubit: TwoQubitSynthesizer
  readonly #physical: boolean | undefined
  readonly #maxWalk: number | undefined
  readonly #checker = new CommutationChecker()
  readonly #rejected = new WeakMap<DagOpNode, WeakSet<DagOpNode>>()
  readonly #costs = new WeakMap<DagOpNode, number>()

  /** @param options - the target, how far to look */
  constructor(options: MergeCommuting2qOptions = {}) {
    this.#view = new TargetView(options.target)
    this.#twoQubit = new TwoQubitSynthesizer(this.#view)
    this.#physical = options.physical
    this.#maxWalk = options.maxWalk
  }

  /**
   * @param dag - the circuit
   * @returns the circuit with the pairs merged (`dag` itself when none is)
   */
  run(dag: DagCircuit): DagCircuit {
    if (this.#view.isUnconstrained) return dag
    const n = this.#view.target?.numQubits ?? 0
    const physical = this.#physical ?? (n > 0 && dag.numQubits <= n)
    return cancelGates(dag, {
      checker: this.#checker,
      maxWalk: this.#maxWalk,
      combine: (a, b) => this.#merge(a, b, physical),
      filter: (node) => node.qubits.length === 2,
    })
  }

  #merge(a: DagOpNode, b: DagOpNode, physical: boolean): CombinedGates | undefined {
    if (a.qubits.length !== 2 || !hasKnownMatrix(a.operation) || !hasKnownMatrix(b.operation)) {
      return undefined
    }
    const qargs = physical ? a.qubits : undefined
    if (!this.#twoQubit.canSynthesize(qargs) || this.#rejected.get(a)?.has(b) === true) {
      return undefined
    }
    const costA = this.#cost(a, physical)
    const costB = this.#cost(b, physical)
    // Two native CX-like gates merge only by cancelling: CommutativeCancellation's job.
    if (costA + costB <= 2) return undefined
    const u = blockUnitary([a, b], a.qubits)
    const merged = this.#twoQubit.numBasisGates(u, qargs)!
    if (merged >= costA + costB) {
      // Nodes are values kept across DAG copies: the next round need not judge the pair again.
      let set = this.#rejected.get(a)
      if (set === undefined) this.#rejected.set(a, (set = new WeakSet()))
      set.add(b)
      return undefined
    }
    return { operation: new UnitaryGate(u), phase: 0 }
  }

  /** Two-qubit instructions a gate costs: 1 if the target has it, else its KAK count. */
  #cost(node: DagOpNode, physical: boolean): number {
    let cost = this.#costs.get(node)
    if (cost === undefined) {
      const name = node.operation.name
      const qargs = physical ? node.qubits : undefined
      cost =
        name !== 'unitary' && this.#view.supportsEitherDirection(name, qargs)
          ? 1
          : (this.#twoQubit.numBasisGates(operationMatrix(node.operation), qargs) ?? 3)
      this.#costs.set(node, cost)
    }
    return cost
  }
}
