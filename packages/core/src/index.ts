/**
 * qfabric core: circuits, OpenQASM, quantum information, targets, the transpiler and the
 * provider framework. Each area also has its own subpath export (`@qfabric/core/circuit`,
 * `@qfabric/core/qasm`, …); this root re-exports the names most programs need.
 *
 * Conventions: qubit 0 is the least significant bit of basis states, matrices and bitstrings
 * (Qiskit's little-endian order); angles are radians; physical quantities are SI (seconds,
 * hertz).
 *
 * @example
 * ```ts
 * import { QuantumCircuit, parseQasm, toQasm3, Statevector } from '@qfabric/core'
 *
 * const bell = new QuantumCircuit(2).h(0).cx(0, 1)
 * Statevector.fromCircuit(bell).probabilitiesDict() // { '00': 0.5, '11': 0.5 }
 * const again = parseQasm(toQasm3(bell))
 * ```
 *
 * @packageDocumentation
 */
export const VERSION = '0.1.0'

export { QfabricError, isQfabricError } from './internal/qfabric-error.js'
export {
  ClassicalRegister,
  Clbit,
  ControlledGate,
  Gate,
  Instruction,
  Parameter,
  ParameterExpression,
  ParameterVector,
  QuantumCircuit,
  QuantumRegister,
  Qubit,
  CircuitError,
  EquivalenceLibrary,
  standardEquivalenceLibrary,
  standardGate,
  circuitFromJson,
  circuitToJson,
  type CircuitInstruction,
  type ParameterValue,
} from './circuit/index.js'
export { Complex, ComplexMatrix } from './math/index.js'
export { Operator, Pauli, SparsePauliOp, Statevector } from './quantum-info/index.js'
export { drawText } from './visualization/index.js'
export {
  QasmError,
  QasmExportError,
  QasmParseError,
  parseQasm,
  parseQasm2,
  parseQasm3,
  toQasm2,
  toQasm3,
  type QasmDiagnostic,
} from './qasm/index.js'
export {
  BackendConfiguration,
  BackendConfigurationError,
  BackendProperties,
  BackendPropertyError,
  BackendStatus,
  CouplingMap,
  InstructionProperties,
  QubitProperties,
  Target,
  convertToTarget,
} from './target/index.js'
export {
  BackendNotFoundError,
  Counts,
  FINAL_JOB_STATUSES,
  JOB_STATUSES,
  JobCancelledError,
  JobError,
  JobFailedError,
  JobTimeoutError,
  OptionValidationError,
  Options,
  Result,
  leastBusy,
  type Backend,
  type Job,
  type JobStatus,
  type Provider,
} from './providers/index.js'
export {
  TranspilerError,
  generatePresetPassManager,
  getTranspileLayout,
  transpile,
} from './transpiler/index.js'
