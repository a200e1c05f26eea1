import { CircuitError } from '../circuit/circuit-error.js'
import { isControlFlowOp } from '../circuit/control-flow.js'
import { Gate } from '../circuit/gate.js'
import { valueToNumber } from '../circuit/parameter-functions.js'
import type { QuantumCircuit } from '../circuit/quantum-circuit.js'
import type { ComplexMatrix } from '../math/complex-matrix.js'
import { applyMatrix } from './apply-matrix.js'

/**
 * Applies a circuit's unitary operations to a state vector in place, gate by gate (each gate's
 * own small matrix, by index arithmetic). Barriers and delays are skipped; custom instructions
 * run through their definitions; the global phase multiplies the state.
 *
 * @param state - interleaved amplitudes of the register the circuit acts on, overwritten
 * @param circuit - the circuit
 * @param qubitMap - the state qubit of each circuit qubit
 * @throws CircuitError `circuit.no-matrix` for measurements, resets, classical conditions,
 *   control flow and opaque instructions; `circuit.unbound-parameter` for free parameters
 */
export function evolveByCircuit(
  state: Float64Array,
  circuit: QuantumCircuit,
  qubitMap: readonly number[],
): void {
  const phase = valueToNumber(circuit.globalPhase)
  if (phase !== 0) scale(state, Math.cos(phase), Math.sin(phase))
  for (const inst of circuit.data) {
    const op = inst.operation
    if (op.isDirective || op.name === 'delay') continue
    if (inst.condition !== undefined || op.numClbits > 0 || isControlFlowOp(op)) {
      throw new CircuitError(
        'circuit.no-matrix',
        `'${op.name}' is not unitary: a Statevector cannot simulate measurements, classical conditions or control flow`,
      )
    }
    const qubits = inst.qubits.map((q) => qubitMap[q]!)
    if (op instanceof Gate) {
      applyGateMatrix(state, op.toMatrix(), qubits)
      continue
    }
    const def = op.definition
    if (def === undefined || op.name === 'reset') {
      throw new CircuitError('circuit.no-matrix', `'${op.name}' is not unitary`)
    }
    evolveByCircuit(state, def, qubits)
  }
}

function applyGateMatrix(state: Float64Array, m: ComplexMatrix, qubits: readonly number[]): void {
  // A 0-qubit gate (global_phase) is a 1×1 scalar.
  if (qubits.length === 0) scale(state, m.data[0]!, m.data[1]!)
  else applyMatrix(state, m, qubits)
}

function scale(state: Float64Array, re: number, im: number): void {
  for (let i = 0; i < state.length; i += 2) {
    const a = state[i]!
    const b = state[i + 1]!
    state[i] = a * re - b * im
    state[i + 1] = a * im + b * re
  }
}
