import type { CircuitInstruction } from './circuit-instruction.js'
import { isControlFlowOp } from './control-flow.js'
import type { QuantumCircuit } from './quantum-circuit.js'

/** A predicate over instructions, for `depth` and `size`. */
export type InstructionFilter = (inst: CircuitInstruction) => boolean

/** Qiskit's default filter: everything but directives (barriers). */
const notDirective: InstructionFilter = (inst) => !inst.operation.isDirective

function conditionBits(circuit: QuantumCircuit, inst: CircuitInstruction): number[] {
  const op = inst.operation
  const condition = inst.condition ?? (isControlFlowOp(op) ? op.condition : undefined)
  return condition === undefined ? [] : circuit.conditionClbits(condition)
}

/**
 * The circuit depth, as Qiskit defines it: the length of the longest path of instructions
 * through the wires, qubits and clbits alike. Instructions the filter rejects (barriers, by
 * default) add no layer but still synchronise their wires; a condition makes the instruction
 * depend on the bits it reads.
 *
 * @param circuit - the circuit
 * @param filter - which instructions count (default: all but directives)
 * @returns the depth (0 for an empty circuit)
 */
export function circuitDepth(
  circuit: QuantumCircuit,
  filter: InstructionFilter = notDirective,
): number {
  const nq = circuit.numQubits
  const levels = new Array<number>(nq + circuit.numClbits).fill(0)
  for (const inst of circuit.data) {
    const counts = filter(inst)
    const wires = [...inst.qubits, ...inst.clbits.map((c) => nq + c)]
    let level = 0
    for (const w of wires) level = Math.max(level, levels[w]! + (counts ? 1 : 0))
    for (const c of conditionBits(circuit, inst)) {
      const w = nq + c
      if (wires.includes(w)) continue
      wires.push(w)
      level = Math.max(level, levels[w]! + 1)
    }
    for (const w of wires) levels[w] = level
  }
  return levels.reduce((a, b) => Math.max(a, b), 0)
}

/**
 * The number of instructions, as Qiskit counts them (barriers excluded by default).
 *
 * @param circuit - the circuit
 * @param filter - which instructions count (default: all but directives)
 */
export function circuitSize(
  circuit: QuantumCircuit,
  filter: InstructionFilter = notDirective,
): number {
  let n = 0
  for (const inst of circuit.data) if (filter(inst)) n++
  return n
}

/**
 * How often each operation name occurs (top level, barriers included), most frequent first;
 * ties keep the order of first appearance (Qiskit's `count_ops`).
 */
export function countOps(circuit: QuantumCircuit): Map<string, number> {
  const counts = new Map<string, number>()
  for (const inst of circuit.data)
    counts.set(inst.operation.name, (counts.get(inst.operation.name) ?? 0) + 1)
  return new Map([...counts].sort((a, b) => b[1] - a[1]))
}

/** The number of non-directive operations on two or more qubits (Qiskit's `num_nonlocal_gates`). */
export function numNonlocalGates(circuit: QuantumCircuit): number {
  let n = 0
  for (const inst of circuit.data)
    if (inst.operation.numQubits > 1 && !inst.operation.isDirective) n++
  return n
}
