import { isControlFlowOp, type QuantumCircuit } from '@qfabric/core/circuit'
import type { Target } from '@qfabric/core/target'
import type { FieldError } from '@qfabric/protocol'
import { fieldError } from '../http/field-error.js'

/** Options of {@link checkCircuitInTarget}. */
export interface CheckCircuitOptions {
  /** JSON pointer of the circuit in the request (`/input/circuits/0/qasm`). */
  readonly pointer: string
  /** Stop after this many problems (default 10). */
  readonly maxErrors?: number
}

/**
 * The operations of a circuit a device cannot run: every instruction (inside control-flow bodies
 * too) must be one the target has on exactly those physical qubits, with parameters it accepts —
 * what a transpiled circuit looks like. Directives (barriers) always pass. A device refuses such
 * circuits at submit time (422 `unsupported_operation`), not after queueing.
 *
 * @param circuit - the parsed circuit; its qubit `i` is physical qubit `i`
 * @param target - the device's target
 * @param options - where the circuit is in the request, and an error cap
 * @returns one field error per unsupported instruction, naming the gate and qubits
 */
export function checkCircuitInTarget(
  circuit: QuantumCircuit,
  target: Target,
  options: CheckCircuitOptions,
): FieldError[] {
  const max = options.maxErrors ?? 10
  const errors: FieldError[] = []
  const visit = (c: QuantumCircuit, map: readonly number[]): void => {
    for (const inst of c.data) {
      if (errors.length >= max) return
      const op = inst.operation
      if (op.isDirective) continue
      const qubits = inst.qubits.map((q) => map[q] ?? q)
      const supported = isControlFlowOp(op)
        ? target.instructionSupported({ operationName: op.name, qargs: qubits })
        : target.instructionSupported({
            operationName: op.name,
            qargs: qubits,
            parameters: op.params,
          })
      if (!supported) {
        const known = target.instructionSupported({ operationName: op.name })
        errors.push(
          fieldError({
            in: 'body',
            pointer: options.pointer,
            code: known ? 'unsupported_qubits' : 'unsupported_gate',
            message: known
              ? `'${op.name}' is not available on qubits [${qubits.join(', ')}] of this device; transpile the circuit for it`
              : `the device has no '${op.name}' operation; transpile the circuit for it`,
            gate: op.name,
            qubits,
          }),
        )
      }
      if (isControlFlowOp(op)) for (const block of op.blocks) visit(block, qubits)
    }
  }
  visit(
    circuit,
    circuit.qubits.map((_, i) => i),
  )
  return errors
}
