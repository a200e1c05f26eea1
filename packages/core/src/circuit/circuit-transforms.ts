import { CircuitError } from './circuit-error.js'
import { circuitFactory } from './circuit-factory.js'
import { circuitInstruction, type CircuitInstruction } from './circuit-instruction.js'
import { Gate } from './gate.js'
import { Instruction } from './instruction.js'
import { negValue } from './parameter-functions.js'
import type { QuantumCircuit } from './quantum-circuit.js'
import { QuantumRegister } from './register.js'

/**
 * The inverse circuit: instructions reversed, each operation inverted, global phase negated,
 * named `<name>_dg` (Qiskit's `inverse`).
 *
 * @throws CircuitError `circuit.not-invertible` if an operation cannot be inverted
 */
export function inverseCircuit(circuit: QuantumCircuit): QuantumCircuit {
  const out = circuit.copyEmptyLike(`${circuit.name}_dg`)
  out.globalPhase = negValue(circuit.globalPhase)
  const data: CircuitInstruction[] = []
  for (let i = circuit.data.length - 1; i >= 0; i--) {
    const inst = circuit.data[i]!
    data.push(circuitInstruction({ ...inst, operation: inst.operation.inverse() }))
  }
  return out.replaceData(data)
}

/** Options of `toGate`. */
export interface ToGateOptions {
  /** A display label for the gate. */
  readonly label?: string | undefined
}

/**
 * The circuit as a gate named after it: its free parameters (in `circuit.parameters` order)
 * are the gate's parameters, and a copy of the circuit is its definition.
 *
 * @throws CircuitError `circuit.invalid-operation` if the circuit has clbits, conditions or
 *   non-unitary operations
 */
export function circuitToGate(circuit: QuantumCircuit, options: ToGateOptions = {}): Gate {
  if (circuit.numClbits > 0) {
    throw new CircuitError(
      'circuit.invalid-operation',
      `circuit '${circuit.name}' has clbits and cannot become a gate`,
    )
  }
  for (const inst of circuit.data) {
    const op = inst.operation
    if (inst.condition !== undefined || !(op instanceof Gate || op.isDirective)) {
      throw new CircuitError(
        'circuit.invalid-operation',
        `circuit '${circuit.name}' holds '${op.name}'${inst.condition === undefined ? '' : ' with a condition'}, which is not a gate`,
      )
    }
  }
  return new Gate({
    name: circuit.name,
    numQubits: circuit.numQubits,
    params: circuit.parameters,
    label: options.label,
    definition: circuit.copy(),
  })
}

/** The circuit as an instruction named after it, with a copy of the circuit as definition. */
export function circuitToInstruction(circuit: QuantumCircuit): Instruction {
  return new Instruction({
    name: circuit.name,
    numQubits: circuit.numQubits,
    numClbits: circuit.numClbits,
    params: circuit.parameters,
    definition: circuit.copy(),
  })
}

/**
 * `reps` copies of the circuit, each as one gate (or instruction, if it is not unitary), in a
 * circuit named `<name>**<reps>` over the same bits (Qiskit's `repeat`).
 *
 * @throws RangeError if `reps` is not a non-negative integer
 */
export function repeatCircuit(circuit: QuantumCircuit, reps: number): QuantumCircuit {
  if (!Number.isInteger(reps) || reps < 0)
    throw new RangeError(`repeat needs a non-negative integer, got ${reps}`)
  const out = circuit.copyEmptyLike(`${circuit.name}**${reps}`)
  out.globalPhase = 0
  if (reps === 0) return out
  let op: Instruction
  try {
    op = circuitToGate(circuit)
  } catch {
    op = circuitToInstruction(circuit)
  }
  const qubits = Array.from({ length: circuit.numQubits }, (_, i) => i)
  const clbits = Array.from({ length: circuit.numClbits }, (_, i) => i)
  for (let i = 0; i < reps; i++)
    out.appendRaw(circuitInstruction({ operation: op, qubits, clbits }))
  return out
}

/**
 * The circuit raised to a power (Qiskit's `power`): a non-negative integer repeats it; other
 * powers apply `toGate().power(k)` (negative integers through the inverse, real powers
 * through the matrix).
 *
 * @throws RangeError for a non-finite power; CircuitError as `toGate` and `Gate.power` do
 */
export function powerCircuit(circuit: QuantumCircuit, power: number): QuantumCircuit {
  if (!Number.isFinite(power)) throw new RangeError(`cannot raise a circuit to the power ${power}`)
  if (Number.isInteger(power) && power >= 0) return repeatCircuit(circuit, power)
  const gate = circuitToGate(circuit).power(power)
  const out = circuitFactory().createCircuit([...circuit.qubits], ...circuit.qregs, {
    name: `${circuit.name}^${power}`,
  })
  return out.append(
    gate,
    circuit.qubits.map((_, i) => i),
  )
}

/**
 * The circuit controlled by `numCtrlQubits` new qubits (Qiskit's `control`): the controls come
 * first (register `control`), then the circuit's qubits, holding one controlled gate.
 *
 * @throws CircuitError `circuit.invalid-operation` if the circuit is not unitary
 */
export function controlCircuit(
  circuit: QuantumCircuit,
  numCtrlQubits = 1,
  ctrlState?: number | string,
): QuantumCircuit {
  const gate = circuitToGate(circuit).control(numCtrlQubits, ctrlState)
  const taken = new Set(circuit.qregs.map((r) => r.name))
  let name = 'control'
  for (let i = 1; taken.has(name); i++) name = `control${i}`
  const out = circuitFactory().createCircuit(
    new QuantumRegister(numCtrlQubits, name),
    [...circuit.qubits],
    ...circuit.qregs,
    {
      name: `c_${circuit.name}`,
    },
  )
  return out.append(
    gate,
    out.qubits.map((_, i) => i),
  )
}
