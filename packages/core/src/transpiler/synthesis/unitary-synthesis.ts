import type { ComplexMatrix } from '../../math/complex-matrix.js'
import type { Target } from '../../target/target.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { TranspilerError } from '../transpiler-error.js'
import { eulerBasesFor, synthesizeOneQubit } from './one-qubit-synthesis.js'
import { gateFromSpec, sequenceDag, type SequenceGate } from './sequence-dag.js'
import { TargetView } from './target-view.js'
import { TwoQubitSynthesizer } from './two-qubit-synthesis.js'
import { operationMatrix } from './block-unitary.js'

/** Options of {@link UnitarySynthesis}. */
export interface UnitarySynthesisOptions {
  /** The target to synthesise for (`undefined`: `u` and `cx`). */
  readonly target?: Target | undefined
  /** Whether qubit indices are physical (default: the target's width covers the circuit). */
  readonly physical?: boolean | undefined
  /** Only synthesise unitaries on at least this many qubits (default 0). */
  readonly minQubits?: number | undefined
}

let fallback: TwoQubitSynthesizer | undefined

/** A gate sequence on the qubits of the unitary it replaces, and its global phase. */
export interface UnitaryDecomposition {
  readonly gates: readonly SequenceGate[]
  readonly globalPhase: number
}

/**
 * Synthesises a unitary matrix on one or two qubits into the target's instructions: Euler
 * decomposition in the best basis of the qubit, KAK synthesis on a pair (falling back to `u`
 * and `cx`, left to the `BasisTranslator`, when the pair has no CX-like instruction).
 *
 * @param u - the unitary (2×2 or 4×4, little-endian in `qargs`)
 * @param options - the target view, the two-qubit synthesiser, the physical qubits
 * @returns the gates, on qubits `0 … k−1` of the unitary
 * @throws TranspilerError `transpiler.synthesis` for a unitary on three or more qubits
 */
export function synthesizeUnitary(
  u: ComplexMatrix,
  options: {
    readonly view: TargetView
    readonly twoQubit: TwoQubitSynthesizer
    readonly qargs: readonly number[] | undefined
  },
): UnitaryDecomposition {
  const { view, qargs } = options
  if (u.rows === 2) {
    const names = view.namesOn(qargs)
    let bases = view.isUnconstrained ? ['U' as const] : eulerBasesFor(names)
    if (bases.length === 0) bases = ['U']
    const best = synthesizeOneQubit(u, { bases })!
    return {
      gates: best.gates.map((g) => ({ operation: gateFromSpec(g), qubits: [0] })),
      globalPhase: best.globalPhase,
    }
  }
  if (u.rows === 4) {
    // A pair without a CX-like instruction gets u + cx, left to the BasisTranslator.
    fallback ??= new TwoQubitSynthesizer(new TargetView(undefined))
    const result = options.twoQubit.synthesize(u, qargs) ?? fallback.synthesize(u, undefined)!
    return { gates: result.gates, globalPhase: result.globalPhase }
  }
  throw new TranspilerError(
    'transpiler.synthesis',
    `cannot synthesise a unitary on ${Math.log2(u.rows)} qubits: only 1- and 2-qubit unitaries ` +
      'are supported',
  )
}

/**
 * Replaces every `unitary` gate (a matrix, e.g. from `ConsolidateBlocks`) that the target does
 * not support natively by a sequence of its instructions (Qiskit's `UnitarySynthesis` with the
 * default plugin). Laid-out circuits use each pair's own two-qubit instruction and direction.
 *
 * @example
 * ```ts
 * const out = new UnitarySynthesis({ target }).run(dag) // unitary(4×4) → ≤ 3 cz + 1q gates
 * ```
 */
export class UnitarySynthesis implements TransformationPass {
  readonly name = 'UnitarySynthesis'
  readonly kind = 'transformation' as const
  readonly #view: TargetView
  readonly #twoQubit: TwoQubitSynthesizer
  readonly #physical: boolean | undefined
  readonly #minQubits: number

  /** @param options - the target */
  constructor(options: UnitarySynthesisOptions = {}) {
    this.#view = new TargetView(options.target)
    this.#twoQubit = new TwoQubitSynthesizer(this.#view)
    this.#physical = options.physical
    this.#minQubits = options.minQubits ?? 0
  }

  /**
   * @param dag - the circuit
   * @returns the circuit with the unitaries synthesised (`dag` itself when there are none)
   * @throws TranspilerError `transpiler.synthesis` for an unsupported unitary on ≥ 3 qubits
   */
  run(dag: DagCircuit): DagCircuit {
    const n = this.#view.target?.numQubits ?? 0
    const physical = this.#physical ?? (n > 0 && dag.numQubits <= n)
    const nodes = dag.opNodes((node) => this.#wants(node, physical))
    if (nodes.length === 0) return dag
    const out = dag.copy()
    for (const node of nodes) {
      const qargs = physical ? node.qubits : undefined
      const u = operationMatrix(node.operation)
      const d = synthesizeUnitary(u, { view: this.#view, twoQubit: this.#twoQubit, qargs })
      out.substituteNodeWithDag(node, sequenceDag(node.qubits.length, d.gates, d.globalPhase))
    }
    return out
  }

  #wants(node: DagOpNode, physical: boolean): boolean {
    if (node.operation.name !== 'unitary' || node.qubits.length < this.#minQubits) return false
    // Without a target there is no basis to synthesise into (Qiskit leaves them too).
    if (this.#view.isUnconstrained) return false
    return !this.#view.supports('unitary', physical ? node.qubits : undefined)
  }
}
