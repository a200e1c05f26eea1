import type { Clbit } from '../../../circuit/bit.js'
import type { CircuitInstruction } from '../../../circuit/circuit-instruction.js'
import type { Condition } from '../../../circuit/condition.js'
import { isControlFlowOp } from '../../../circuit/control-flow.js'
import type { ParameterValue } from '../../../circuit/parameter-expression.js'
import { QuantumCircuit } from '../../../circuit/quantum-circuit.js'
import type { ClassicalRegister } from '../../../circuit/register.js'
import type { BitLayout } from './bit-layout.js'

/** Instructions lowered into one block, with global bit indices, and the block's phase. */
export interface LoweredBlock {
  readonly instructions: readonly CircuitInstruction[]
  readonly globalPhase: ParameterValue
}

/** The bodies of one control-flow operation, built over the same bits. */
export interface BuiltBodies {
  readonly circuits: QuantumCircuit[]
  /** The global indices of the bodies' qubits, positionally. */
  readonly qubits: number[]
  /** The global indices of the bodies' clbits, positionally. */
  readonly clbits: number[]
}

function conditionOf(inst: CircuitInstruction): Condition | undefined {
  if (inst.condition !== undefined) return inst.condition
  const op = inst.operation
  return isControlFlowOp(op) ? op.condition : undefined
}

/** Maps clbit objects to their global index, built only when a register condition needs it. */
class ClbitIndex {
  readonly #layout: BitLayout
  #map: Map<Clbit, number> | undefined

  constructor(layout: BitLayout) {
    this.#layout = layout
  }

  of(bit: Clbit): number {
    this.#map ??= new Map(this.#layout.clbits.map((b, i) => [b, i]))
    const index = this.#map.get(bit)
    if (index === undefined) throw new RangeError(`clbit ${bit.toString()} is not allocated`)
    return index
  }
}

/**
 * Builds the body circuits of a control-flow operation from blocks lowered with global bit
 * indices, as Qiskit's control-flow builders do: each body holds exactly the bits any of the
 * blocks (or `condition`) touches, in global order, plus the registers conditions inside name.
 *
 * @param layout - the program's bits
 * @param blocks - the lowered blocks (e.g. the true and false branch)
 * @param condition - the operation's own condition, whose bits it must take as clbits
 * @returns the body circuits and the global indices of their bits
 */
export function buildBodies(
  layout: BitLayout,
  blocks: readonly LoweredBlock[],
  condition?: Condition,
): BuiltBodies {
  const index = new ClbitIndex(layout)
  const qubitSet = new Set<number>()
  const clbitSet = new Set<number>()
  const registers = new Set<ClassicalRegister>()
  const addCondition = (c: Condition): void => {
    if (c.kind === 'clbit') clbitSet.add(c.clbit)
    else {
      registers.add(c.register)
      for (const bit of c.register.bits) clbitSet.add(index.of(bit))
    }
  }
  if (condition !== undefined) addCondition(condition)
  for (const block of blocks) {
    for (const inst of block.instructions) {
      for (const q of inst.qubits) qubitSet.add(q)
      for (const c of inst.clbits) clbitSet.add(c)
      const inner = conditionOf(inst)
      if (inner !== undefined) addCondition(inner)
    }
  }
  const qubits = [...qubitSet].sort((a, b) => a - b)
  const clbits = [...clbitSet].sort((a, b) => a - b)
  const qubitMap = new Map(qubits.map((q, i) => [q, i]))
  const clbitMap = new Map(clbits.map((c, i) => [c, i]))
  const circuits = blocks.map((block) => {
    const circuit = new QuantumCircuit(
      qubits.map((q) => layout.qubits[q]!),
      clbits.map((c) => layout.clbits[c]!),
    )
    for (const register of registers) circuit.addRegister(register)
    circuit.globalPhase = block.globalPhase
    for (const inst of block.instructions) {
      circuit.appendRaw(remap(inst, qubitMap, clbitMap))
    }
    return circuit
  })
  return { circuits, qubits, clbits }
}

function remap(
  inst: CircuitInstruction,
  qubitMap: ReadonlyMap<number, number>,
  clbitMap: ReadonlyMap<number, number>,
): CircuitInstruction {
  let operation = inst.operation
  // A control-flow operation's own condition names clbits of the circuit holding it.
  if (isControlFlowOp(operation) && operation.condition?.kind === 'clbit') {
    const c = operation.condition
    operation = operation.withCondition({ ...c, clbit: clbitMap.get(c.clbit)! })
  }
  const out: {
    operation: CircuitInstruction['operation']
    qubits: number[]
    clbits: number[]
    condition?: Condition
  } = {
    operation,
    qubits: inst.qubits.map((q) => qubitMap.get(q)!),
    clbits: inst.clbits.map((c) => clbitMap.get(c)!),
  }
  const c = inst.condition
  if (c !== undefined) {
    out.condition = c.kind === 'clbit' ? { ...c, clbit: clbitMap.get(c.clbit)! } : c
  }
  return out
}
