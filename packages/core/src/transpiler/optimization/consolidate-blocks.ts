import { isStandardGate } from '../../circuit/library/standard-gates.js'
import { UnitaryGate } from '../../circuit/unitary-gate.js'
import type { ComplexMatrix } from '../../math/complex-matrix.js'
import type { Target } from '../../target/target.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { blockUnitary } from '../synthesis/block-unitary.js'
import { TargetView } from '../synthesis/target-view.js'
import { TwoQubitSynthesizer } from '../synthesis/two-qubit-synthesis.js'

/** Options of {@link ConsolidateBlocks}. */
export interface ConsolidateBlocksOptions {
  /** The target whose two-qubit instructions the blocks are measured against. */
  readonly target?: Target | undefined
  /** Whether qubit indices are physical (default: the target's width covers the circuit). */
  readonly physical?: boolean | undefined
  /** Replace every block, even when resynthesis would not save a two-qubit gate. */
  readonly force?: boolean | undefined
}

/**
 * Replaces blocks of gates on two qubits by one `unitary` gate when resynthesising the block
 * saves two-qubit gates, or when the block holds gates the target does not have (Qiskit's
 * `Collect2qBlocks` + `ConsolidateBlocks`). The KAK count of the block's unitary
 * (`TwoQubitBasisDecomposer.numBasisGates`, 0–3) is compared with its number of two-qubit
 * gates; `UnitarySynthesis` then turns the new unitaries into target instructions. A swap left
 * by routing next to other gates on the same pair is absorbed this way.
 *
 * @example
 * ```ts
 * // cx·rz·cx·cx·h·cx on one pair (4 cx) → one unitary needing ≤ 3
 * const out = new UnitarySynthesis({ target }).run(new ConsolidateBlocks({ target }).run(dag))
 * ```
 */
export class ConsolidateBlocks implements TransformationPass {
  readonly name = 'ConsolidateBlocks'
  readonly kind = 'transformation' as const
  readonly #view: TargetView
  readonly #twoQubit: TwoQubitSynthesizer
  readonly #physical: boolean | undefined
  readonly #force: boolean
  /** Blocks found not worth consolidating, by first node (nodes are values kept by copies). */
  readonly #judged = new WeakMap<DagOpNode, readonly DagOpNode[]>()

  /** @param options - the target */
  constructor(options: ConsolidateBlocksOptions = {}) {
    this.#view = new TargetView(options.target)
    this.#twoQubit = new TwoQubitSynthesizer(this.#view)
    this.#physical = options.physical
    this.#force = options.force ?? false
  }

  /**
   * @param dag - the circuit
   * @returns the circuit with blocks consolidated (`dag` itself when none is)
   */
  run(dag: DagCircuit): DagCircuit {
    if (this.#view.isUnconstrained) return dag
    const n = this.#view.target?.numQubits ?? 0
    const physical = this.#physical ?? (n > 0 && dag.numQubits <= n)
    let out: DagCircuit | undefined
    for (const block of dag.collect2qBlocks()) {
      const qubits = [...new Set(block.flatMap((node) => node.qubits))].sort((a, b) => a - b)
      const u = this.#consolidated(block, { qubits, physical })
      if (u === undefined) continue
      out ??= dag.copy()
      out.replaceBlockWithOp(block, new UnitaryGate(u), qubits)
    }
    return out ?? dag
  }

  /** The block's unitary when it should be consolidated, else `undefined`. */
  #consolidated(
    block: readonly DagOpNode[],
    ctx: { readonly qubits: readonly number[]; readonly physical: boolean },
  ): ComplexMatrix | undefined {
    if (ctx.qubits.length !== 2) return undefined
    const qargs = ctx.physical ? ctx.qubits : undefined
    if (!this.#twoQubit.canSynthesize(qargs)) return undefined
    if (this.#force) return blockUnitary(block, ctx.qubits)
    // A block whose only two-qubit gate is native or standard gains nothing (translation is
    // as good, and keeping the gate helps routing), and a block already judged (same nodes,
    // kept across DAG copies) need not be judged again.
    if (this.#singleSimple(block, qargs) || this.#rejected(block)) return undefined
    const u = blockUnitary(block, ctx.qubits)
    if (this.#worthIt(block, { u, qargs })) return u
    this.#reject(block)
    return undefined
  }

  #singleSimple(block: readonly DagOpNode[], qargs: readonly number[] | undefined): boolean {
    const twoQubit = block.filter((node) => node.qubits.length === 2)
    if (twoQubit.length !== 1) return false
    const node = twoQubit[0]!
    return (
      isStandardGate(node.operation) ||
      this.#view.supportsEitherDirection(
        node.operation.name,
        qargs === undefined ? undefined : node.qubits,
      )
    )
  }

  #rejected(block: readonly DagOpNode[]): boolean {
    const seen = this.#judged.get(block[0]!)
    return seen?.length === block.length && seen.every((node, i) => node === block[i])
  }

  #reject(block: readonly DagOpNode[]): void {
    this.#judged.set(block[0]!, block)
  }

  #worthIt(
    block: readonly DagOpNode[],
    ctx: { u: ComplexMatrix; qargs: readonly number[] | undefined },
  ): boolean {
    let twoQubit = 0
    let outside = false
    for (const node of block) {
      const name = node.operation.name
      if (node.qubits.length === 2) {
        twoQubit++
        const q = ctx.qargs === undefined ? undefined : node.qubits
        if (!this.#view.supportsEitherDirection(name, q)) outside = true
      } else if (!this.#view.supports(name, ctx.qargs === undefined ? undefined : node.qubits)) {
        outside = true
      }
    }
    if (outside) return true
    const needed = this.#twoQubit.numBasisGates(ctx.u, ctx.qargs)
    return needed !== undefined && needed < twoQubit
  }
}
