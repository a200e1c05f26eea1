import type { CircuitInstruction } from './circuit-instruction.js'
import { circuitInstruction } from './circuit-instruction.js'
import { circuitFactory } from './circuit-factory.js'
import type { Condition } from './condition.js'
import { isControlFlowOp } from './control-flow.js'
import type { QuantumCircuit } from './quantum-circuit.js'

/** Options of `removeFinalMeasurements`. */
export interface RemoveFinalMeasurementsOptions {
  /** Modify this circuit instead of returning a new one. */
  readonly inplace?: boolean | undefined
}

/** Indices of final measurements and barriers: followed on all their wires only by removed ones. */
function finalInstructions(circuit: QuantumCircuit): Set<number> {
  const nq = circuit.numQubits
  const busy = new Array<boolean>(nq + circuit.numClbits).fill(false)
  const removed = new Set<number>()
  for (let i = circuit.data.length - 1; i >= 0; i--) {
    const inst = circuit.data[i]!
    const wires = [...inst.qubits, ...inst.clbits.map((c) => nq + c)]
    const name = inst.operation.name
    const candidate = (name === 'measure' || name === 'barrier') && inst.condition === undefined
    if (candidate && wires.every((w) => !busy[w])) {
      removed.add(i)
      continue
    }
    for (const w of wires) busy[w] = true
    const condition = inst.condition
    if (condition !== undefined)
      for (const c of circuit.conditionClbits(condition)) busy[nq + c] = true
  }
  return removed
}

/**
 * Removes final measurements and final barriers (those followed on every wire only by other
 * removed operations), then the classical registers and clbits left idle by it — Qiskit's
 * `remove_final_measurements`, built on its `RemoveFinalMeasurements` pass.
 *
 * @param circuit - the circuit (unchanged unless `inplace`)
 * @param options - `inplace`
 * @returns the circuit without final measurements
 */
export function removeFinalMeasurements(
  circuit: QuantumCircuit,
  options: RemoveFinalMeasurementsOptions = {},
): QuantumCircuit {
  const removed = finalInstructions(circuit)
  const kept = circuit.data.filter((_, i) => !removed.has(i))
  const used = new Set<number>()
  const measured = new Set<number>()
  circuit.data.forEach((inst, i) => {
    for (const c of inst.clbits) (removed.has(i) ? measured : used).add(c)
    if (!removed.has(i) && inst.condition !== undefined)
      for (const c of circuit.conditionClbits(inst.condition)) used.add(c)
  })
  const idle = new Set([...measured].filter((c) => !used.has(c)))
  const dropRegs = circuit.cregs.filter((r) => r.bits.every((b) => idle.has(circuit.clbitIndex(b))))
  const keptRegs = circuit.cregs.filter((r) => !dropRegs.includes(r))
  const inKeptReg = new Set(keptRegs.flatMap((r) => r.bits.map((b) => circuit.clbitIndex(b))))
  const dropBits = new Set([...idle].filter((c) => !inKeptReg.has(c)))
  const clbitMap = new Map<number, number>()
  const keptClbits = circuit.clbits.filter((_, i) => !dropBits.has(i))
  circuit.clbits.forEach((_, i) => {
    if (!dropBits.has(i)) clbitMap.set(i, clbitMap.size)
  })
  const out = circuitFactory().createCircuit(
    [...circuit.qubits],
    [...keptClbits],
    ...circuit.qregs,
    ...keptRegs,
    {
      name: circuit.name,
      globalPhase: circuit.globalPhase,
      metadata: circuit.metadata,
    },
  )
  const mapCondition = (c: Condition): Condition =>
    c.kind === 'clbit' ? { ...c, clbit: clbitMap.get(c.clbit)! } : c
  const remap = (inst: CircuitInstruction): CircuitInstruction => {
    let op = inst.operation
    if (isControlFlowOp(op) && op.condition !== undefined)
      op = op.withCondition(mapCondition(op.condition))
    return circuitInstruction({
      operation: op,
      qubits: inst.qubits,
      clbits: inst.clbits.map((c) => clbitMap.get(c)!),
      condition: inst.condition === undefined ? undefined : mapCondition(inst.condition),
    })
  }
  out.replaceData(kept.map(remap))
  if (options.inplace !== true) return out
  return circuit.replaceWith(out)
}
