import type { Condition } from './condition.js'
import type { Instruction } from './instruction.js'

/**
 * One operation placed in a circuit: its qubits and clbits by index in `circuit.qubits` /
 * `circuit.clbits`, and an optional classical condition (Qiskit's `c_if`). Frozen.
 */
export interface CircuitInstruction {
  readonly operation: Instruction
  readonly qubits: readonly number[]
  readonly clbits: readonly number[]
  readonly condition?: Condition
}

/**
 * A frozen copy of a {@link CircuitInstruction} (no validation; `QuantumCircuit.appendRaw`
 * validates). `clbits` defaults to none.
 *
 * @param inst - the operation, its qubits, clbits and condition
 * @returns a frozen instruction with frozen index arrays
 */
export function circuitInstruction(inst: {
  readonly operation: Instruction
  readonly qubits: readonly number[]
  readonly clbits?: readonly number[] | undefined
  readonly condition?: Condition | undefined
}): CircuitInstruction {
  const out: CircuitInstruction = {
    operation: inst.operation,
    qubits: Object.freeze([...inst.qubits]),
    clbits: Object.freeze([...(inst.clbits ?? [])]),
    ...(inst.condition === undefined ? {} : { condition: inst.condition }),
  }
  return Object.freeze(out)
}
