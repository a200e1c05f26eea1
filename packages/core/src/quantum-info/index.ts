/**
 * Quantum information: dense operators, state vectors, Pauli algebra and fidelities, after
 * `qiskit.quantum_info`. Little-endian throughout (qubit 0 is the rightmost character of labels
 * and bitstrings and the least significant bit of indices).
 *
 * @example
 * ```ts
 * import { Operator, Pauli, SparsePauliOp, Statevector } from '@qfabric/core/quantum-info'
 *
 * const qc = new QuantumCircuit(2).h(0).cx(0, 1)
 * Statevector.fromCircuit(qc).probabilitiesDict() // { '00': 0.5, '11': 0.5 }
 * Operator.fromCircuit(qc).equiv(otherCircuit)
 * ```
 *
 * @packageDocumentation
 */
export { averageGateFidelity, gateError, processFidelity, stateFidelity } from './fidelity.js'
export type { Tolerances } from './matrix-equal.js'
export { Operator, type OperatorComposeOptions, type OperatorLike } from './operator.js'
export { Pauli, type PauliChar, type PauliComposeOptions, type PauliData } from './pauli.js'
export { QuantumInfoError } from './quantum-info-error.js'
export { SparsePauliOp, type CoeffLike } from './sparse-pauli-op.js'
export { Statevector, type SampleOptions } from './statevector.js'
