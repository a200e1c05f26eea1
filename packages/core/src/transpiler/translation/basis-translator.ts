import type { EquivalenceLibrary } from '../../circuit/equivalence-library.js'
import { isControlFlowOp } from '../../circuit/control-flow.js'
import type { Instruction } from '../../circuit/instruction.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import { addValues } from '../../circuit/parameter-functions.js'
import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import type { Target } from '../../target/target.js'
import { circuitToDag } from '../dag/circuit-to-dag.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import { dagToCircuit } from '../dag/dag-to-circuit.js'
import type { DagOpNode } from '../dag/dag-node.js'
import type { TransformationPass } from '../passmanager/pass.js'
import { ALWAYS_SUPPORTED, TargetView } from '../synthesis/target-view.js'
import { BasisTranslationError } from '../transpiler-error.js'
import { applyTranslation, BasisSearch, type TranslatedGate } from './basis-search.js'
import { sessionEquivalenceLibrary } from './session-equivalence-library.js'

/** Options of {@link BasisTranslator}. */
export interface BasisTranslatorOptions {
  /** The target whose instructions are the basis. */
  readonly target?: Target | undefined
  /** Basis gate names, when there is no target (ignored with one). */
  readonly basisGates?: readonly string[] | undefined
  /** The rules to search (default: {@link sessionEquivalenceLibrary}). */
  readonly equivalenceLibrary?: EquivalenceLibrary | undefined
  /**
   * Whether qubit indices are physical, so that each gate is translated into the instructions
   * its own qubits have. Default: true when the target's width covers the circuit.
   */
  readonly physical?: boolean | undefined
  /** Only translate operations on at least this many qubits (Qiskit's `min_qubits`; default 0). */
  readonly minQubits?: number | undefined
}

const MAX_DEFINITION_DEPTH = 64

/**
 * Rewrites every operation the target does not support into its instructions, following the
 * cheapest chain of rules of an {@link EquivalenceLibrary} (Qiskit's `BasisTranslator`). A
 * provider's custom gate works as soon as the library has a rule reaching it (for example from
 * `cz`). Gates with no rule but a definition are expanded through it. Measurements, resets,
 * barriers and delays are never translated. Two-qubit gates count as supported in either
 * direction: `GateDirection` fixes the orientation afterwards.
 *
 * With a laid-out circuit each gate is translated into the instructions of its own qubits, so
 * heterogeneous targets (a gate on some couplings only) work.
 *
 * @example
 * ```ts
 * const pass = new BasisTranslator({ target })
 * const out = pass.run(dag) // h, cx, ccx… → rz, sx, x, cz
 * ```
 */
export class BasisTranslator implements TransformationPass {
  readonly name = 'BasisTranslator'
  readonly kind = 'transformation' as const
  readonly #view: TargetView
  readonly #basisGates: ReadonlySet<string> | undefined
  readonly #library: EquivalenceLibrary
  readonly #physical: boolean | undefined
  readonly #minQubits: number
  readonly #searches = new Map<string, BasisSearch>()
  readonly #known = new WeakSet<DagOpNode>()
  #isPhysical = false

  /** @param options - the target or basis, the library, `minQubits` */
  constructor(options: BasisTranslatorOptions = {}) {
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
   * @returns the translated circuit (`dag` itself when everything is supported)
   * @throws BasisTranslationError `transpiler.basis-translation` naming the operations no rule
   *   translates and the target basis
   */
  run(dag: DagCircuit): DagCircuit {
    if (this.#view.isUnconstrained && this.#basisGates === undefined) return dag
    const n = this.#view.target?.numQubits ?? 0
    this.#isPhysical = this.#physical ?? (n > 0 && dag.numQubits <= n)
    const failures = new Set<string>()
    const out = this.#translateDag(dag, { qubitMap: undefined, failures })
    if (failures.size > 0) {
      throw new BasisTranslationError(
        `Unable to translate the operations in the circuit: [${[...failures].join(', ')}] to the ` +
          `backend's (or manually specified) target basis: [${[...this.#basisNames()].join(', ')}]. ` +
          'No chain of equivalence rules (or definitions) reaches the basis: add rules to the ' +
          'EquivalenceLibrary, or use a target with a universal basis.',
      )
    }
    return out
  }

  #translateDag(
    dag: DagCircuit,
    ctx: { qubitMap: readonly number[] | undefined; failures: Set<string> },
  ): DagCircuit {
    const nodes = dag.topologicalOpNodes()
    if (nodes.every((node) => this.#keeps(node, ctx.qubitMap))) return dag
    const out = dag.copyEmptyLike()
    for (const node of nodes) {
      const op = node.operation
      const qargs = this.#qargs(node.qubits, ctx.qubitMap)
      if (isControlFlowOp(op)) {
        const blocks = op.blocks.map((b) => this.#translateBlock(b, qargs, ctx.failures))
        out.applyOperationBack({ ...nodeInstruction(node), operation: op.withBlocks(blocks) })
        continue
      }
      if (this.#keeps(node, ctx.qubitMap)) {
        out.applyOperationBack(nodeInstruction(node))
        continue
      }
      const result = this.#translateOp(op, { qargs, depth: 0, failures: ctx.failures })
      if (result === undefined) {
        out.applyOperationBack(nodeInstruction(node))
        continue
      }
      for (const g of result.gates) {
        out.applyOperationBack({
          operation: g.operation,
          qubits: g.qubits.map((q) => node.qubits[q]!),
          condition: node.condition,
        })
      }
      out.globalPhase = addValues(out.globalPhase, result.globalPhase)
    }
    return out
  }

  #translateBlock(
    block: QuantumCircuit,
    qargs: readonly number[] | undefined,
    failures: Set<string>,
  ): QuantumCircuit {
    const dag = circuitToDag(block)
    const out = this.#translateDag(dag, { qubitMap: qargs, failures })
    return out === dag ? block : dagToCircuit(out)
  }

  /** Whether a node stays as it is. */
  #keeps(node: DagOpNode, qubitMap: readonly number[] | undefined): boolean {
    const op = node.operation
    if (isControlFlowOp(op)) return op.blocks.length === 0
    if (op.isDirective || ALWAYS_SUPPORTED.has(op.name)) return true
    if (op.numQubits < this.#minQubits) return true
    // Nodes are values kept across DAG copies: an optimisation loop asks about the same ones.
    if (qubitMap === undefined && this.#known.has(node)) return true
    const supported = this.#supported(op, this.#qargs(node.qubits, qubitMap))
    if (supported && qubitMap === undefined) this.#known.add(node)
    return supported
  }

  #supported(op: Instruction, qargs: readonly number[] | undefined): boolean {
    if (this.#basisGates !== undefined) return this.#basisGates.has(op.name)
    if (op.numQubits === 2) return this.#view.supportsEitherDirection(op.name, qargs)
    return this.#view.supports(op.name, qargs)
  }

  /** The translation of one operation on `qargs` (physical qubits, or `undefined`). */
  #translateOp(
    op: Instruction,
    ctx: { qargs: readonly number[] | undefined; depth: number; failures: Set<string> },
  ): { gates: TranslatedGate[]; globalPhase: ParameterValue } | undefined {
    const identity = Array.from({ length: op.numQubits }, (_, i) => i)
    if (op.isDirective || ALWAYS_SUPPORTED.has(op.name) || this.#supported(op, ctx.qargs)) {
      return { gates: [{ operation: op, qubits: identity }], globalPhase: 0 }
    }
    const translation = this.#search(ctx.qargs, op.numQubits).translation(op.name, op.numQubits)
    if (translation !== undefined) {
      const applied = applyTranslation(translation, op.params)
      if (ctx.qargs === undefined || ctx.depth >= MAX_DEFINITION_DEPTH) {
        return { gates: [...applied.gates], globalPhase: applied.globalPhase }
      }
      // A pair's rule may use a 1-qubit gate only one of its qubits has: translate such gates
      // again into their own qubit's instructions.
      return this.#refine(applied, ctx)
    }
    const definition = ctx.depth < MAX_DEFINITION_DEPTH ? op.definition : undefined
    if (definition === undefined || definition.numClbits > 0) {
      ctx.failures.add(op.name)
      return undefined
    }
    const gates: TranslatedGate[] = []
    let globalPhase: ParameterValue = definition.globalPhase
    for (const inst of definition.data) {
      const qargs = ctx.qargs === undefined ? undefined : inst.qubits.map((q) => ctx.qargs![q]!)
      const sub = this.#translateOp(inst.operation, { ...ctx, qargs, depth: ctx.depth + 1 })
      if (sub === undefined) return undefined
      for (const g of sub.gates) {
        gates.push({ operation: g.operation, qubits: g.qubits.map((q) => inst.qubits[q]!) })
      }
      globalPhase = addValues(globalPhase, sub.globalPhase)
    }
    return { gates, globalPhase }
  }

  #refine(
    applied: { readonly gates: readonly TranslatedGate[]; readonly globalPhase: ParameterValue },
    ctx: { qargs: readonly number[] | undefined; depth: number; failures: Set<string> },
  ): { gates: TranslatedGate[]; globalPhase: ParameterValue } | undefined {
    const gates: TranslatedGate[] = []
    let globalPhase = applied.globalPhase
    for (const g of applied.gates) {
      const qargs = g.qubits.map((q) => ctx.qargs![q]!)
      if (this.#supported(g.operation, qargs) || g.operation.isDirective) {
        gates.push(g)
        continue
      }
      const sub = this.#translateOp(g.operation, { ...ctx, qargs, depth: ctx.depth + 1 })
      if (sub === undefined) return undefined
      for (const h of sub.gates)
        gates.push({ operation: h.operation, qubits: h.qubits.map((q) => g.qubits[q]!) })
      globalPhase = addValues(globalPhase, sub.globalPhase)
    }
    return { gates, globalPhase }
  }

  #qargs(qubits: readonly number[], qubitMap: readonly number[] | undefined): number[] | undefined {
    if (!this.#isPhysical) return undefined
    return qubitMap === undefined ? [...qubits] : qubits.map((q) => qubitMap[q]!)
  }

  /** The search for the basis available on `qargs`. */
  #search(qargs: readonly number[] | undefined, numQubits: number): BasisSearch {
    const basis = this.#basisOn(numQubits > 2 ? undefined : qargs)
    const key = [...basis].sort().join(',')
    let search = this.#searches.get(key)
    if (search === undefined) {
      search = new BasisSearch(this.#library, basis)
      this.#searches.set(key, search)
    }
    return search
  }

  /**
   * The names usable for a gate on `qargs`: the 1-qubit instructions of its qubits, and the
   * multi-qubit ones on the pair (either direction). A 1-qubit gate only some of the qubits
   * have is translated again where it lands (see `#refine`).
   */
  #basisOn(qargs: readonly number[] | undefined): Set<string> {
    if (this.#basisGates !== undefined) return new Set([...this.#basisGates, ...ALWAYS_SUPPORTED])
    const view = this.#view
    if (qargs === undefined) return new Set([...view.allNames(), ...ALWAYS_SUPPORTED])
    const names = new Set<string>(ALWAYS_SUPPORTED)
    for (const q of qargs) for (const name of view.namesOn([q])) names.add(name)
    if (qargs.length === 2) {
      for (const name of view.namesOn(qargs)) names.add(name)
      for (const name of view.namesOn([qargs[1]!, qargs[0]!])) names.add(name)
    }
    return names
  }

  #basisNames(): ReadonlySet<string> {
    return this.#basisGates ?? this.#view.allNames()
  }
}

function nodeInstruction(node: DagOpNode): {
  operation: Instruction
  qubits: readonly number[]
  clbits: readonly number[]
  condition: DagOpNode['condition']
} {
  return {
    operation: node.operation,
    qubits: node.qubits,
    clbits: node.clbits,
    condition: node.condition,
  }
}
