import type { Clbit, Qubit } from '../../circuit/bit.js'
import type { Condition } from '../../circuit/condition.js'
import { Instruction } from '../../circuit/instruction.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import type { ClassicalRegister, QuantumRegister } from '../../circuit/register.js'
import {
  collectBlocks,
  collect1qRuns,
  collect2qBlocks,
  collectRuns,
  type CollectBlocksOptions,
} from './dag-collect.js'
import { DagGraph, type DagInstruction } from './dag-graph.js'
import type { DagNode, DagOpNode, DagWire } from './dag-node.js'
import { replaceBlockWithOp, substituteNodeWithDag } from './dag-substitute.js'
import type { SubstituteNodeWithDagOptions } from './dag-substitute.js'
import {
  ancestors,
  dagDepth,
  descendants,
  layers,
  serialLayers,
  topologicalNodes,
  topologicalOpNodes,
} from './dag-traversal.js'

export type { DagInstruction } from './dag-graph.js'

/** Options of the {@link DagCircuit} constructor. */
export interface DagCircuitOptions {
  /** The circuit name carried through to `dagToCircuit` (default `'circuit'`). */
  readonly name?: string | undefined
  /** The global phase (radians). */
  readonly globalPhase?: ParameterValue | undefined
  /** Free-form metadata (shallow-copied). */
  readonly metadata?: Record<string, unknown> | undefined
}

/**
 * A circuit as a directed acyclic graph (Qiskit's `DAGCircuit`): one input and one output node
 * per wire (qubit or clbit), one node per operation, and an edge along every wire from each
 * node to the next node on that wire. A classical condition adds its clbits to the node's wires.
 *
 * Bits are indices, as in the circuit model. Nodes are frozen values identified by `id`;
 * `copy()` keeps ids, so analysis results keyed by node id stay valid on a copy.
 *
 * The DAG is a builder: `applyOperationBack`, `removeOpNode`, `substituteNode`, … change it in
 * place. Transformation passes must not change the DAG they are given: they build a new one
 * (`copyEmptyLike()` then `applyOperationBack`, or `copy()` then edit the copy) and return it.
 *
 * @example
 * ```ts
 * const dag = circuitToDag(new QuantumCircuit(2).h(0).cx(0, 1))
 * dag.topologicalOpNodes().map((n) => n.operation.name) // ['h', 'cx']
 * const [h] = dag.opNodes({ name: 'h' })
 * dag.successors(h!)                                     // [the cx node]
 * dagToCircuit(dag)                                      // the circuit again
 * ```
 */
export class DagCircuit extends DagGraph {
  /** The circuit name (kept by `dagToCircuit`). */
  name: string
  /** The global phase (radians). */
  globalPhase: ParameterValue
  /** Free-form metadata. */
  metadata: Record<string, unknown>
  #qubits: Qubit[] = []
  #clbits: Clbit[] = []
  #qregs: QuantumRegister[] = []
  #cregs: ClassicalRegister[] = []
  readonly #qubitIndex = new Map<Qubit, number>()
  readonly #clbitIndex = new Map<Clbit, number>()

  /** @param options - name, global phase and metadata */
  constructor(options: DagCircuitOptions = {}) {
    super()
    this.name = options.name ?? 'circuit'
    this.globalPhase = options.globalPhase ?? 0
    this.metadata = { ...(options.metadata ?? {}) }
  }

  /** The qubits, in index order. */
  get qubits(): readonly Qubit[] {
    return this.#qubits
  }
  /** The clbits, in index order. */
  get clbits(): readonly Clbit[] {
    return this.#clbits
  }
  /** The quantum registers, in the order added. */
  get qregs(): readonly QuantumRegister[] {
    return this.#qregs
  }
  /** The classical registers, in the order added. */
  get cregs(): readonly ClassicalRegister[] {
    return this.#cregs
  }
  /** The number of qubits. */
  get numQubits(): number {
    return this.#qubits.length
  }
  /** The number of clbits. */
  get numClbits(): number {
    return this.#clbits.length
  }

  /**
   * Adds qubits (each gets a new wire), skipping ones already present.
   *
   * @param qubits - the qubits
   * @returns this DAG
   */
  addQubits(qubits: readonly Qubit[]): this {
    for (const q of qubits) {
      if (this.#qubitIndex.has(q)) continue
      this.#qubitIndex.set(q, this.#qubits.length)
      this.addWire({ kind: 'qubit', index: this.#qubits.length })
      this.#qubits.push(q)
    }
    return this
  }

  /**
   * Adds clbits (each gets a new wire), skipping ones already present.
   *
   * @param clbits - the clbits
   * @returns this DAG
   */
  addClbits(clbits: readonly Clbit[]): this {
    for (const c of clbits) {
      if (this.#clbitIndex.has(c)) continue
      this.#clbitIndex.set(c, this.#clbits.length)
      this.addWire({ kind: 'clbit', index: this.#clbits.length })
      this.#clbits.push(c)
    }
    return this
  }

  /**
   * Adds a quantum register and those of its qubits not yet present.
   *
   * @param register - the register
   * @returns this DAG
   * @throws RangeError if a register of that name exists
   */
  addQreg(register: QuantumRegister): this {
    if (this.#qregs.some((r) => r.name === register.name)) {
      throw new RangeError(`the DAG already has a quantum register '${register.name}'`)
    }
    this.addQubits(register.bits)
    this.#qregs.push(register)
    return this
  }

  /**
   * Adds a classical register and those of its clbits not yet present.
   *
   * @param register - the register
   * @returns this DAG
   * @throws RangeError if a register of that name exists
   */
  addCreg(register: ClassicalRegister): this {
    if (this.#cregs.some((r) => r.name === register.name)) {
      throw new RangeError(`the DAG already has a classical register '${register.name}'`)
    }
    this.addClbits(register.bits)
    this.#cregs.push(register)
    return this
  }

  /**
   * The index of a qubit object.
   *
   * @throws RangeError if the qubit is not in the DAG
   */
  qubitIndex(qubit: Qubit): number {
    const i = this.#qubitIndex.get(qubit)
    if (i === undefined) throw new RangeError(`${qubit.toString()} is not in the DAG`)
    return i
  }

  /**
   * The index of a clbit object.
   *
   * @throws RangeError if the clbit is not in the DAG
   */
  clbitIndex(clbit: Clbit): number {
    const i = this.#clbitIndex.get(clbit)
    if (i === undefined) throw new RangeError(`${clbit.toString()} is not in the DAG`)
    return i
  }

  /**
   * The clbits a condition reads, as indices.
   *
   * @throws RangeError for a clbit out of range or a register whose bits are not in the DAG
   */
  conditionClbits(condition: Condition): number[] {
    if (condition.kind === 'clbit') {
      this.checkIndex(condition.clbit, 'clbit')
      return [condition.clbit]
    }
    return condition.register.bits.map((b) => this.clbitIndex(b))
  }

  /**
   * Appends an operation at the end of its wires (builds in place). A {@link DagOpNode} is a
   * valid argument, so `out.applyOperationBack(node)` copies a node into another DAG.
   *
   * @param inst - the operation, its qubits and clbits by index, and an optional condition
   * @returns the new node
   * @throws TypeError if the bit counts do not match the operation; RangeError for a bad or
   *   repeated index
   */
  applyOperationBack(inst: DagInstruction): DagOpNode {
    return this.insertOp(inst, 'back')
  }

  /**
   * Prepends an operation at the start of its wires (builds in place).
   *
   * @param inst - the operation, its qubits and clbits by index, and an optional condition
   * @returns the new node
   * @throws as {@link applyOperationBack}
   */
  applyOperationFront(inst: DagInstruction): DagOpNode {
    return this.insertOp(inst, 'front')
  }

  /** An empty DAG with the same bits, registers, name, global phase and metadata. */
  copyEmptyLike(): DagCircuit {
    const out = new DagCircuit({
      name: this.name,
      globalPhase: this.globalPhase,
      metadata: this.metadata,
    })
    out.addQubits(this.#qubits)
    out.addClbits(this.#clbits)
    for (const r of this.#qregs) out.addQreg(r)
    for (const r of this.#cregs) out.addCreg(r)
    return out
  }

  /** An independent copy with the same nodes and node ids. */
  copy(): DagCircuit {
    const out = this.copyEmptyLike()
    out.copyGraphFrom(this)
    return out
  }

  /** The operation nodes in a topological order (stable: ties go to the lower node id). */
  topologicalOpNodes(): DagOpNode[] {
    return topologicalOpNodes(this)
  }

  /** All nodes (inputs, operations, outputs) in a topological order. */
  topologicalNodes(): DagNode[] {
    return topologicalNodes(this)
  }

  /**
   * The layers: the first holds every operation with no operation before it, the next every
   * operation whose predecessors are all in earlier layers, and so on (Qiskit's `layers`, as
   * node lists).
   */
  layers(): DagOpNode[][] {
    return layers(this)
  }

  /** One layer per operation, in topological order (Qiskit's `serial_layers`). */
  serialLayers(): DagOpNode[][] {
    return serialLayers(this)
  }

  /** The depth, with the circuit's definition: directives (barriers) add no layer. */
  depth(): number {
    return dagDepth(this)
  }

  /** The number of operations, directives (barriers) excluded, as `QuantumCircuit.size`. */
  size(): number {
    let n = 0
    for (const node of this.opNodes()) if (!node.operation.isDirective) n++
    return n
  }

  /** Operation counts by name, most frequent first. */
  countOps(): Map<string, number> {
    const counts = new Map<string, number>()
    for (const node of this.opNodes()) {
      counts.set(node.operation.name, (counts.get(node.operation.name) ?? 0) + 1)
    }
    return new Map([...counts].sort((a, b) => b[1] - a[1]))
  }

  /** The non-directive operations on exactly two qubits, in topological order. */
  twoQubitOps(): DagOpNode[] {
    return this.topologicalOpNodes().filter(
      (n) => n.qubits.length === 2 && !n.operation.isDirective,
    )
  }

  /** The non-directive operations on three or more qubits, in topological order. */
  multiQubitOps(): DagOpNode[] {
    return this.topologicalOpNodes().filter((n) => n.qubits.length > 2 && !n.operation.isDirective)
  }

  /** The operation nodes from which `node` is reachable. */
  ancestors(node: DagNode): DagOpNode[] {
    return ancestors(this, node)
  }

  /** The operation nodes reachable from `node`. */
  descendants(node: DagNode): DagOpNode[] {
    return descendants(this, node)
  }

  /** The wires with no operation on them. */
  idleWires(): DagWire[] {
    return this.wires().filter((w) => this.wireSuccessor(this.inputNode(w), w).kind === 'out')
  }

  /** Runs of consecutive 1-qubit operations named in `names` (see {@link collectRuns}). */
  collectRuns(names: Iterable<string>): DagOpNode[][] {
    return collectRuns(this, names)
  }

  /** Runs of unconditioned, bound 1-qubit gates with a matrix (Qiskit's `collect_1q_runs`). */
  collect1qRuns(): DagOpNode[][] {
    return collect1qRuns(this)
  }

  /** Blocks of gates on at most two qubits (see {@link collect2qBlocks}). */
  collect2qBlocks(): DagOpNode[][] {
    return collect2qBlocks(this)
  }

  /** Maximal blocks of matching operations (see {@link collectBlocks}). */
  collectBlocks(options: CollectBlocksOptions): DagOpNode[][] {
    return collectBlocks(this, options)
  }

  /**
   * Replaces an operation node with the operations of another DAG (builds in place); see
   * {@link substituteNodeWithDag}.
   *
   * @returns the new nodes, by the id of the node they copy in `replacement`
   */
  substituteNodeWithDag(
    node: DagOpNode,
    replacement: DagCircuit,
    options: SubstituteNodeWithDagOptions = {},
  ): Map<number, DagOpNode> {
    return substituteNodeWithDag(this, node, { replacement, ...options })
  }

  /**
   * Replaces a convex block of operation nodes by one operation (builds in place); see
   * {@link replaceBlockWithOp}.
   *
   * @returns the new node
   */
  replaceBlockWithOp(
    block: readonly DagOpNode[],
    operation: Instruction,
    qubits: readonly number[],
  ): DagOpNode {
    return replaceBlockWithOp(this, { block, operation, qubits })
  }

  /** @internal the condition's wires, checked against this DAG's bits */
  protected override conditionWires(condition: Condition): number[] {
    return this.conditionClbits(condition)
  }

  /** @internal */
  protected override checkOperation(op: unknown): asserts op is Instruction {
    if (!(op instanceof Instruction)) throw new TypeError('a DAG node needs an Instruction')
  }
}
