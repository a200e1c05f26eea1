import type { EquivalenceLibrary } from '../../circuit/equivalence-library.js'
import { isControlFlowOp } from '../../circuit/control-flow.js'
import type { Instruction } from '../../circuit/instruction.js'
import type { Target } from '../../target/target.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { sessionEquivalenceLibrary } from '../translation/session-equivalence-library.js'
import { expandDag, type ExpandDecision } from './expand-definitions.js'
import { ALWAYS_SUPPORTED, TargetView } from './target-view.js'

/** Options of {@link HighLevelSynthesis}. */
export interface HighLevelSynthesisOptions {
  /** The target (its instructions are kept as they are). */
  readonly target?: Target | undefined
  /** Basis gate names, when there is no target. */
  readonly basisGates?: readonly string[] | undefined
  /** The rules the `BasisTranslator` will use: gates with a rule are left to it. */
  readonly equivalenceLibrary?: EquivalenceLibrary | undefined
  /** Whether qubit indices are physical (default: the target's width covers the circuit). */
  readonly physical?: boolean | undefined
  /** Only expand operations on at least this many qubits (default 0). */
  readonly minQubits?: number | undefined
}

/**
 * Synthesises high-level operations the target lacks (Qiskit's `HighLevelSynthesis`, which
 * absorbed `UnrollCustomDefinitions`): custom gates, multi-controlled gates with more controls
 * than the equivalence library covers (`mcx`, `mcp` on 6+ qubits) and other composite
 * operations are replaced by their definitions, recursively, until every operation is in the
 * target or has an equivalence rule for the `BasisTranslator`. Matrices (`unitary`) are left to
 * `UnitarySynthesis`.
 *
 * @example
 * ```ts
 * const myGate = new QuantumCircuit(3).h(0).ccx(0, 1, 2).toGate()
 * new HighLevelSynthesis({ target }).run(dag) // my_gate → h, ccx (ccx has rules)
 * ```
 */
export class HighLevelSynthesis implements TransformationPass {
  readonly name = 'HighLevelSynthesis'
  readonly kind = 'transformation' as const
  readonly #view: TargetView
  readonly #basisGates: ReadonlySet<string> | undefined
  readonly #library: EquivalenceLibrary
  readonly #physical: boolean | undefined
  readonly #minQubits: number
  readonly #ruled = new Map<string, boolean>()

  /** @param options - the target, the library, `minQubits` */
  constructor(options: HighLevelSynthesisOptions = {}) {
    this.#view = new TargetView(options.target)
    this.#basisGates =
      options.target === undefined && options.basisGates !== undefined
        ? new Set(options.basisGates)
        : undefined
    this.#library = options.equivalenceLibrary ?? sessionEquivalenceLibrary()
    this.#physical = options.physical
    this.#minQubits = options.minQubits ?? 0
  }

  /**
   * @param dag - the circuit
   * @returns the circuit with high-level operations expanded (`dag` itself when there are none)
   */
  run(dag: DagCircuit): DagCircuit {
    if (this.#view.isUnconstrained && this.#basisGates === undefined) return dag
    const n = this.#view.target?.numQubits ?? 0
    const physical = this.#physical ?? (n > 0 && dag.numQubits <= n)
    return expandDag(dag, (op, qubits) => this.#decide(op, physical ? qubits : undefined))
  }

  #decide(op: Instruction, qargs: readonly number[] | undefined): ExpandDecision {
    if (op.numQubits < this.#minQubits || op.isDirective || isControlFlowOp(op)) return 'keep'
    if (ALWAYS_SUPPORTED.has(op.name) || op.name === 'unitary') return 'keep'
    if (
      this.#basisGates !== undefined ? this.#basisGates.has(op.name) : this.#supported(op, qargs)
    ) {
      return 'keep'
    }
    const key = `${op.name}/${op.numQubits}`
    let ruled = this.#ruled.get(key)
    if (ruled === undefined) {
      ruled = this.#library.hasEntry(op.name, op.numQubits)
      this.#ruled.set(key, ruled)
    }
    return ruled ? 'keep' : 'expand'
  }

  #supported(op: Instruction, qargs: readonly number[] | undefined): boolean {
    return op.numQubits === 2
      ? this.#view.supportsEitherDirection(op.name, qargs)
      : this.#view.supports(op.name, qargs)
  }
}
