import type { Instruction } from '../../circuit/instruction.js'
import { standardGate } from '../../circuit/library/standard-gates.js'
import type { StandardGateName } from '../../circuit/library/standard-gate-specs.js'
import { QuantumCircuit } from '../../circuit/quantum-circuit.js'
import { UnitaryGate } from '../../circuit/unitary-gate.js'
import { eulerAngles } from '../../math/euler-angles.js'
import { TwoQubitBasisDecomposer } from '../../math/two-qubit-basis-decomposer.js'
import { QasmExportError } from '../qasm-error.js'

let cxDecomposer: TwoQubitBasisDecomposer | undefined

/**
 * A definition for an operation that has none but can be synthesised: a `unitary` gate on one
 * qubit (one `u3`) or two (at most three `cx` and `u` gates, the KAK synthesis), as Qiskit
 * synthesises `UnitaryGate` definitions. Up to global phase, which OpenQASM 2 drops anyway.
 *
 * @param op - the operation
 * @returns the synthesised definition, or `undefined` for anything else
 * @throws QasmExportError for a `unitary` on more than two qubits
 */
export function synthesizedDefinition(op: Instruction): QuantumCircuit | undefined {
  if (!(op instanceof UnitaryGate)) return undefined
  const matrix = op.toMatrix()
  if (op.numQubits === 1) {
    const { theta, phi, lambda } = eulerAngles(matrix, 'U3')
    return new QuantumCircuit(1).append(standardGate('u3', [theta, phi, lambda]), [0])
  }
  if (op.numQubits === 2) {
    cxDecomposer ??= new TwoQubitBasisDecomposer('cx')
    const circuit = new QuantumCircuit(2)
    for (const gate of cxDecomposer.decompose(matrix).gates) {
      circuit.append(standardGate(gate.name as StandardGateName, gate.params), [...gate.qubits])
    }
    return circuit
  }
  throw new QasmExportError(
    `OpenQASM 2 cannot write a ${op.numQubits}-qubit 'unitary' gate without a definition: transpile the circuit first`,
  )
}
