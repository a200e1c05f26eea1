import type { Condition } from '../../circuit/condition.js'
import type { Instruction } from '../../circuit/instruction.js'
import {
  type DagInNode,
  type DagNode,
  type DagOpNode,
  type DagOutNode,
  type DagWire,
  wireFromKey,
  wireKey,
} from './dag-node.js'

/** What `applyOperationBack` takes: an operation on qubits and clbits by index. */
export interface DagInstruction {
  readonly operation: Instruction
  readonly qubits: readonly number[]
  readonly clbits?: readonly number[] | undefined
  readonly condition?: Condition | undefined
}

/** Options of {@link DagGraph.substituteNode}. */
export interface SubstituteNodeOptions {
  /**
   * The new node's condition (default: keep the old one). Its clbits must be among the old
   * node's wires.
   */
  readonly condition?: Condition | undefined
}

/**
 * The graph half of `DagCircuit`: nodes, wires and the per-wire edges, with the primitive
 * edits. Each node keeps, per wire it touches, its predecessor and successor on that wire,
 * which makes every edit O(wires of the node).
 */
export abstract class DagGraph {
  readonly #nodes: (DagNode | undefined)[] = []
  /** Per node id: the packed wire keys the node touches. */
  readonly #wires: number[][] = []
  /** Per node id, parallel to `#wires`: the neighbouring node ids on each wire. */
  readonly #pred: number[][] = []
  readonly #succ: number[][] = []
  readonly #input = new Map<number, number>()
  readonly #output = new Map<number, number>()
  readonly #wireOrder: number[] = []
  #numOps = 0

  /** The number of qubits. */
  abstract get numQubits(): number
  /** The number of clbits. */
  abstract get numClbits(): number

  /** The number of operation nodes. */
  get numOpNodes(): number {
    return this.#numOps
  }

  /** The wires, qubits and clbits in the order they were added. */
  wires(): DagWire[] {
    return this.#wireOrder.map(wireFromKey)
  }

  /**
   * The node with this id.
   *
   * @throws RangeError if there is no such node
   */
  node(id: number): DagNode {
    const node = this.#nodes[id]
    if (node === undefined) throw new RangeError(`the DAG has no node ${id}`)
    return node
  }

  /** Whether a node with this id is in the DAG. */
  hasNode(id: number): boolean {
    return this.#nodes[id] !== undefined
  }

  /**
   * The operation nodes, in id order (insertion order), optionally filtered.
   *
   * @param filter - a name to match, or a predicate
   * @returns the nodes
   */
  opNodes(filter?: { readonly name: string } | ((node: DagOpNode) => boolean)): DagOpNode[] {
    const out: DagOpNode[] = []
    let matches: ((node: DagOpNode) => boolean) | undefined
    if (typeof filter === 'function') matches = filter as (node: DagOpNode) => boolean
    else if (filter !== undefined) matches = (n) => n.operation.name === filter.name
    for (const node of this.#nodes) {
      if (node?.kind === 'op' && (matches === undefined || matches(node))) out.push(node)
    }
    return out
  }

  /** The input node of a wire. @throws RangeError for an unknown wire */
  inputNode(wire: DagWire): DagInNode {
    return this.node(this.#endId(this.#input, wire)) as DagInNode
  }

  /** The output node of a wire. @throws RangeError for an unknown wire */
  outputNode(wire: DagWire): DagOutNode {
    return this.node(this.#endId(this.#output, wire)) as DagOutNode
  }

  /** The wires a node touches: qubits, clbits, then condition clbits. */
  nodeWires(node: DagNode): DagWire[] {
    return this.#wiresOf(node.id).map(wireFromKey)
  }

  /**
   * The node before `node` on `wire`.
   *
   * @throws RangeError if the node is not on that wire or is the wire's input
   */
  wirePredecessor(node: DagNode, wire: DagWire): DagNode {
    return this.node(this.#neighbour(this.#pred, node, wire))
  }

  /**
   * The node after `node` on `wire`.
   *
   * @throws RangeError if the node is not on that wire or is the wire's output
   */
  wireSuccessor(node: DagNode, wire: DagWire): DagNode {
    return this.node(this.#neighbour(this.#succ, node, wire))
  }

  /** The distinct direct predecessors of a node (in the order of its wires). */
  predecessors(node: DagNode): DagNode[] {
    return this.#distinct(this.#pred[node.id] ?? [])
  }

  /** The distinct direct successors of a node (in the order of its wires). */
  successors(node: DagNode): DagNode[] {
    return this.#distinct(this.#succ[node.id] ?? [])
  }

  /** The distinct direct predecessors along qubit wires only. */
  quantumPredecessors(node: DagNode): DagNode[] {
    return this.#distinct(this.#alongQubits(this.#pred, node))
  }

  /** The distinct direct successors along qubit wires only. */
  quantumSuccessors(node: DagNode): DagNode[] {
    return this.#distinct(this.#alongQubits(this.#succ, node))
  }

  /**
   * Removes an operation node, joining its neighbours on every wire (builds in place).
   *
   * @throws RangeError if the node is not an operation node of this DAG
   */
  removeOpNode(node: DagOpNode): void {
    const id = this.#requireOp(node)
    const wires = this.#wires[id]!
    for (let k = 0; k < wires.length; k++) {
      this.#link(this.#pred[id]![k]!, this.#succ[id]![k]!, wires[k]!)
    }
    this.#nodes[id] = undefined
    this.#numOps--
  }

  /**
   * Replaces the operation of a node, keeping its id, wires and edges (builds in place).
   *
   * @param node - an operation node of this DAG
   * @param operation - the new operation, on the same number of qubits and clbits
   * @param options - a new condition
   * @returns the new node (same id)
   * @throws TypeError if the widths differ; RangeError for a foreign node or a condition on
   *   other clbits
   */
  substituteNode(
    node: DagOpNode,
    operation: Instruction,
    options: SubstituteNodeOptions = {},
  ): DagOpNode {
    const id = this.#requireOp(node)
    this.checkOperation(operation)
    if (operation.numQubits !== node.qubits.length || operation.numClbits !== node.clbits.length) {
      throw new TypeError(
        `cannot substitute '${operation.name}' (${operation.numQubits}q/${operation.numClbits}c) ` +
          `for '${node.operation.name}' (${node.qubits.length}q/${node.clbits.length}c)`,
      )
    }
    const condition = 'condition' in options ? options.condition : node.condition
    if (condition !== undefined) {
      const wires = this.#wires[id]!
      for (const c of this.conditionWires(condition)) {
        if (!wires.includes(-c - 1)) {
          throw new RangeError(`the new condition reads clbit ${c}, which the node does not touch`)
        }
      }
    }
    const replaced = makeOpNode(id, { ...node, operation, condition })
    this.#nodes[id] = replaced
    return replaced
  }

  /** @internal creates the input and output node of a new wire */
  protected addWire(wire: DagWire): void {
    const key = wireKey(wire)
    const inId = this.#nodes.length
    const outId = inId + 1
    this.#nodes.push(Object.freeze({ kind: 'in', id: inId, wire }))
    this.#nodes.push(Object.freeze({ kind: 'out', id: outId, wire }))
    this.#wires.push([key], [key])
    this.#pred.push([-1], [inId])
    this.#succ.push([outId], [-1])
    this.#input.set(key, inId)
    this.#output.set(key, outId)
    this.#wireOrder.push(key)
  }

  /**
   * Inserts an operation at the back or front of its wires, or just before the given node on
   * each of its wires (`where`: packed wire key, see `wireKey`, → node id).
   *
   * @internal for the DAG's own edits (`substituteNodeWithDag`, `replaceBlockWithOp`)
   */
  insertOp(inst: DagInstruction, where: 'back' | 'front' | ReadonlyMap<number, number>): DagOpNode {
    const wires = this.#checkedWires(inst)
    const id = this.#nodes.length
    const node = makeOpNode(id, inst)
    this.#nodes.push(node)
    this.#wires.push(wires)
    this.#pred.push(new Array<number>(wires.length).fill(-1))
    this.#succ.push(new Array<number>(wires.length).fill(-1))
    for (const w of wires) {
      let next: number
      if (where === 'back') next = this.#output.get(w)!
      else if (where === 'front') next = this.#succOf(this.#input.get(w)!, w)
      else {
        const before = where.get(w)
        if (before === undefined) throw new RangeError(`no insertion point on wire ${w}`)
        next = before
      }
      const prev = this.#predOf(next, w)
      this.#link(prev, id, w)
      this.#link(id, next, w)
    }
    this.#numOps++
    return node
  }

  /** @internal copies all nodes and edges of `other` (same wires) into this empty DAG */
  protected copyGraphFrom(other: DagGraph): void {
    this.#nodes.length = 0
    this.#nodes.push(...other.#nodes)
    this.#wires.length = 0
    this.#pred.length = 0
    this.#succ.length = 0
    for (let id = 0; id < other.#nodes.length; id++) {
      this.#wires.push([...(other.#wires[id] ?? [])])
      this.#pred.push([...(other.#pred[id] ?? [])])
      this.#succ.push([...(other.#succ[id] ?? [])])
    }
    this.#numOps = other.#numOps
    // The wires were added in the same set but maybe another order: take the other's ends.
    this.#input.clear()
    this.#output.clear()
    for (const [k, v] of other.#input) this.#input.set(k, v)
    for (const [k, v] of other.#output) this.#output.set(k, v)
    this.#wireOrder.length = 0
    this.#wireOrder.push(...other.#wireOrder)
  }

  /** @internal the clbit indices a condition reads */
  protected abstract conditionWires(condition: Condition): number[]

  /** @internal asserts an instruction */
  protected abstract checkOperation(op: unknown): asserts op is Instruction

  /** @internal @throws RangeError for an index out of range */
  protected checkIndex(i: number, kind: 'qubit' | 'clbit'): void {
    const size = kind === 'qubit' ? this.numQubits : this.numClbits
    if (!Number.isInteger(i) || i < 0 || i >= size) {
      throw new RangeError(`${kind} index ${i} is out of range for a DAG with ${size} ${kind}s`)
    }
  }

  #checkedWires(inst: DagInstruction): number[] {
    const op = inst.operation
    this.checkOperation(op)
    const clbits = inst.clbits ?? []
    if (inst.qubits.length !== op.numQubits || clbits.length !== op.numClbits) {
      throw new TypeError(
        `'${op.name}' acts on ${op.numQubits} qubits and ${op.numClbits} clbits, ` +
          `got ${inst.qubits.length} and ${clbits.length}`,
      )
    }
    const wires: number[] = []
    for (const q of inst.qubits) {
      this.checkIndex(q, 'qubit')
      wires.push(q)
    }
    for (const c of clbits) {
      this.checkIndex(c, 'clbit')
      wires.push(-c - 1)
    }
    if (new Set(wires).size !== wires.length) {
      throw new RangeError(`repeated bit arguments to '${op.name}'`)
    }
    const condition = inst.condition ?? conditionOf(op)
    if (condition !== undefined) {
      for (const c of this.conditionWires(condition)) {
        if (!wires.includes(-c - 1)) wires.push(-c - 1)
      }
    }
    return wires
  }

  #endId(map: ReadonlyMap<number, number>, wire: DagWire): number {
    const id = map.get(wireKey(wire))
    if (id === undefined) throw new RangeError(`the DAG has no ${wire.kind} ${wire.index}`)
    return id
  }

  #wiresOf(id: number): number[] {
    const wires = this.#wires[id]
    if (wires === undefined || this.#nodes[id] === undefined) {
      throw new RangeError(`the DAG has no node ${id}`)
    }
    return wires
  }

  #neighbour(table: number[][], node: DagNode, wire: DagWire): number {
    const k = this.#wiresOf(node.id).indexOf(wireKey(wire))
    if (k < 0) throw new RangeError(`node ${node.id} is not on ${wire.kind} ${wire.index}`)
    const id = table[node.id]![k]!
    if (id < 0) throw new RangeError(`node ${node.id} ends ${wire.kind} ${wire.index}`)
    return id
  }

  #predOf(id: number, wire: number): number {
    return this.#pred[id]![this.#wires[id]!.indexOf(wire)]!
  }

  #succOf(id: number, wire: number): number {
    return this.#succ[id]![this.#wires[id]!.indexOf(wire)]!
  }

  #link(from: number, to: number, wire: number): void {
    this.#succ[from]![this.#wires[from]!.indexOf(wire)] = to
    this.#pred[to]![this.#wires[to]!.indexOf(wire)] = from
  }

  #alongQubits(table: number[][], node: DagNode): number[] {
    const wires = this.#wiresOf(node.id)
    return table[node.id]!.filter((_, k) => wires[k]! >= 0)
  }

  #distinct(ids: readonly number[]): DagNode[] {
    const seen = new Set<number>()
    const out: DagNode[] = []
    for (const id of ids) {
      if (id < 0 || seen.has(id)) continue
      seen.add(id)
      out.push(this.#nodes[id]!)
    }
    return out
  }

  #requireOp(node: DagOpNode): number {
    const mine = this.#nodes[node.id]
    if (mine?.kind !== 'op') throw new RangeError(`node ${node.id} is not an operation of this DAG`)
    return node.id
  }
}

/** The condition a control-flow operation carries itself (its clbits are already wires). */
function conditionOf(op: Instruction): Condition | undefined {
  return (op as { readonly condition?: Condition }).condition
}

function makeOpNode(id: number, inst: DagInstruction): DagOpNode {
  const node: DagOpNode = {
    kind: 'op',
    id,
    operation: inst.operation,
    qubits: Object.freeze([...inst.qubits]),
    clbits: Object.freeze([...(inst.clbits ?? [])]),
    ...(inst.condition === undefined ? {} : { condition: inst.condition }),
  }
  return Object.freeze(node)
}
