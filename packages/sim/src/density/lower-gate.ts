/**
 * Lowers one gate to the engine's unitary ops by running the statevector engine's own circuit
 * compiler on a one-gate circuit, so both engines see exactly the same matrices (controlled
 * forms, definitions of custom gates, …). The result is cached per gate object on local qubits
 * and relabelled for each use.
 */
import { type Gate, QuantumCircuit } from '@qfabric/core/circuit'
import { compileCircuit } from '../compile/compile-circuit.js'
import { isUnitaryOp, type UnitaryOp } from '../engine/sim-program.js'
import { remapOp } from './op-transforms.js'

const lowered = new WeakMap<Gate, readonly UnitaryOp[]>()

/**
 * The unitary ops of `gate` on `qubits`.
 *
 * @param gate - a gate with bound parameters
 * @param qubits - the program qubits of its qargs, in order
 * @returns the ops (global phases included)
 * @throws CircuitError `circuit.unbound-parameter` for free parameters
 * @throws SimulationError `simulation.unsupported-operation` for an opaque gate
 */
export function lowerGate(gate: Gate, qubits: readonly number[]): UnitaryOp[] {
  let local = lowered.get(gate)
  if (local === undefined) {
    const circuit = new QuantumCircuit(gate.numQubits)
    circuit.append(
      gate,
      qubits.map((_, k) => k),
    )
    local = compileCircuit(circuit).ops.filter(isUnitaryOp)
    lowered.set(gate, local)
  }
  return local.map((op) => remapOp(op, (q) => qubits[q]!))
}
