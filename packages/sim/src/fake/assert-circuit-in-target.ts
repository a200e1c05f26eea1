/**
 * The check fake devices make before running: every instruction must be one the device has, on
 * those qubits (as a transpiled circuit's are). Barriers are always allowed.
 */
import { isControlFlowOp, type QuantumCircuit } from '@qfabric/core/circuit'
import type { Target } from '@qfabric/core/target'
import { LocalSimulatorError } from '../backends/local-simulator-error.js'

/**
 * Throws unless the device supports every instruction of the circuit, control-flow bodies
 * included.
 *
 * @param circuit - the circuit
 * @param target - the device's target
 * @param backendName - for the message
 * @throws LocalSimulatorError `sim.backend.not-in-target` naming the first unsupported
 *   instruction, its index and qubits
 */
export function assertCircuitInTarget(
  circuit: QuantumCircuit,
  target: Target,
  backendName: string,
): void {
  const visit = (c: QuantumCircuit, map: readonly number[]): void => {
    c.data.forEach((inst, index) => {
      const op = inst.operation
      if (op.isDirective) return
      const qargs = inst.qubits.map((q) => map[q]!)
      const supported = isControlFlowOp(op)
        ? target.instructionSupported({ operationName: op.name, qargs })
        : target.instructionSupported({ operationName: op.name, qargs, parameters: op.params })
      if (!supported) {
        throw new LocalSimulatorError(
          'sim.backend.not-in-target',
          `circuit '${circuit.name}': instruction ${index} '${op.name}' on qubits [${qargs.join(', ')}] is not supported by ${backendName}; transpile the circuit for this backend first`,
        )
      }
      if (isControlFlowOp(op)) for (const block of op.blocks) visit(block, qargs)
    })
  }
  visit(
    circuit,
    circuit.qubits.map((_, i) => i),
  )
}
