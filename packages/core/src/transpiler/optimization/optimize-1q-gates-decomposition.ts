import { addValues } from '../../circuit/parameter-functions.js'
import { ComplexMatrix } from '../../math/complex-matrix.js'
import { EULER_BASES, type EulerBasis } from '../../math/euler-angles.js'
import type { Target } from '../../target/target.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import type { TransformationPass } from '../passmanager/pass.js'
import {
  defaultGateCost,
  eulerBasesFor,
  synthesizeOneQubit,
  type GateCost,
} from '../synthesis/one-qubit-synthesis.js'
import { gateFromSpec, replaceRun, sequenceDag } from '../synthesis/sequence-dag.js'
import { TargetView } from '../synthesis/target-view.js'
import { operationMatrix } from '../synthesis/block-unitary.js'

/** Options of {@link Optimize1qGatesDecomposition}. */
export interface Optimize1qGatesDecompositionOptions {
  /** The target (its 1-qubit gates and their errors); `undefined` for no constraint. */
  readonly target?: Target | undefined
  /**
   * Whether the circuit is laid out (qubit indices are physical): then each qubit's own gates
   * and errors are used. Default: true when the target's width covers the circuit.
   */
  readonly physical?: boolean | undefined
}

/**
 * Collapses every run of 1-qubit gates into the cheapest Euler sequence the target supports on
 * that qubit (Qiskit's `Optimize1qGatesDecomposition`). The cost of a sequence is the sum of its
 * gates' errors on the qubit (a small per-gate constant where no error is known), so noisy gates
 * are avoided; a run is replaced only when it is not in the target's basis or the new sequence
 * is strictly cheaper, which makes the pass idempotent. Identities vanish, their phase going to
 * the global phase.
 *
 * Supported bases: U3, U321, U, PSX, U1X, RR, ZYZ, ZXZ, XYX, XZX, ZSXX, ZSX.
 *
 * @example
 * ```ts
 * const pass = new Optimize1qGatesDecomposition({ target })
 * const out = pass.run(dag, context) // h·t·h on a {rz, sx, x} target → rz·sx·rz…
 * ```
 */
export class Optimize1qGatesDecomposition implements TransformationPass {
  readonly name = 'Optimize1qGatesDecomposition'
  readonly kind = 'transformation' as const
  readonly #view: TargetView
  readonly #physical: boolean | undefined
  readonly #bases = new Map<number, readonly EulerBasis[]>()
  /** Runs found optimal, by first node (nodes are values kept across DAG copies). */
  readonly #kept = new WeakMap<DagOpNode, readonly DagOpNode[]>()

  /** @param options - the target */
  constructor(options: Optimize1qGatesDecompositionOptions = {}) {
    this.#view = new TargetView(options.target)
    this.#physical = options.physical
  }

  /**
   * @param dag - the circuit
   * @returns a new DAG with every 1-qubit run resynthesised (or `dag` when nothing changed)
   */
  run(dag: DagCircuit): DagCircuit {
    const physical = this.#physical ?? this.#coversCircuit(dag)
    let out: DagCircuit | undefined
    for (const run of dag.collect1qRuns()) {
      const qubit = run[0]!.qubits[0]!
      const q = physical ? qubit : undefined
      if (this.#wasKept(run)) continue
      const replacement = this.#resynthesize(run, q)
      if (replacement === undefined) {
        this.#kept.set(run[0]!, run)
        continue
      }
      out ??= dag.copy()
      if (replacement.gates.length === 0) {
        for (const node of run) out.removeOpNode(node)
        out.globalPhase = addValues(out.globalPhase, replacement.phase)
        continue
      }
      const seq = sequenceDag(
        1,
        replacement.gates.map((g) => ({ operation: gateFromSpec(g), qubits: [0] })),
        replacement.phase,
      )
      replaceRun(out, run, seq)
    }
    return out ?? dag
  }

  #wasKept(run: readonly DagOpNode[]): boolean {
    const kept = this.#kept.get(run[0]!)
    return kept?.length === run.length && kept.every((node, i) => node === run[i])
  }

  /** The new gates of a run, or `undefined` to keep it. */
  #resynthesize(
    run: readonly DagOpNode[],
    qubit: number | undefined,
  ): { gates: readonly { name: string; params: readonly number[] }[]; phase: number } | undefined {
    const bases = this.#basesOn(qubit)
    if (bases.length === 0) return undefined
    // One gate of the basis is as cheap as it gets (identities are RemoveIdentityEquivalent's).
    if (
      run.length === 1 &&
      this.#view.supports(run[0]!.operation.name, qubit === undefined ? undefined : [qubit])
    ) {
      return undefined
    }
    const cost = this.#costOn(qubit)
    let matrix = ComplexMatrix.identity(2)
    for (const node of run) matrix = operationMatrix(node.operation).mul(matrix)
    const best = synthesizeOneQubit(matrix, { bases, cost })
    if (best === undefined) return undefined
    const oldCost = this.#runCost(run, qubit, cost)
    // Keep a run already in the basis unless the new sequence is strictly cheaper: this makes
    // the pass idempotent, so optimisation loops reach a fixed point.
    if (oldCost !== Infinity && best.cost >= oldCost - 1e-12) return undefined
    return { gates: best.gates, phase: best.globalPhase }
  }

  /** The cost of the run as it is; infinite when a gate is not in the target's basis. */
  #runCost(run: readonly DagOpNode[], qubit: number | undefined, cost: GateCost): number {
    let total = 0
    for (const node of run) {
      const name = node.operation.name
      if (!this.#view.supports(name, qubit === undefined ? undefined : [qubit])) return Infinity
      total += cost(name)
    }
    return total
  }

  #basesOn(qubit: number | undefined): readonly EulerBasis[] {
    if (this.#view.isUnconstrained) return ['U', ...EULER_BASES.filter((b) => b !== 'U')]
    const key = qubit ?? -1
    let bases = this.#bases.get(key)
    if (bases === undefined) {
      bases = eulerBasesFor(this.#view.namesOn(qubit === undefined ? undefined : [qubit]))
      this.#bases.set(key, bases)
    }
    return bases
  }

  #costOn(qubit: number | undefined): GateCost {
    const qargs = qubit === undefined ? undefined : [qubit]
    return (name) => {
      const err = this.#view.error(name, qargs)
      // Errors are ~1e-4; unknown ones fall back to a comparable per-gate figure.
      return (err ?? defaultGateCost(name) * 1e-4) + 1e-9
    }
  }

  #coversCircuit(dag: DagCircuit): boolean {
    const n = this.#view.target?.numQubits ?? 0
    return n > 0 && dag.numQubits <= n
  }
}
