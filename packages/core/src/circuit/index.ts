/**
 * The circuit model: qubits and clbits, registers, parameters and symbolic expressions,
 * operations (`Instruction`, `Gate`, `ControlledGate`, `UnitaryGate`, measure, reset, barrier,
 * delay, control flow), `QuantumCircuit` with its builders and transformations, the standard
 * gate library, the equivalence library, the dense reference unitary and circuit JSON.
 *
 * Conventions: bits are indices into `circuit.qubits`/`circuit.clbits`; little-endian (qubit 0
 * is the least significant bit of basis states, matrices and bitstrings); angles in radians.
 * Builder methods (`h`, `cx`, `append`, `measure`, …) build in place and return `this`; other
 * methods return new circuits unless given `{ inplace: true }`.
 *
 * @example
 * ```ts
 * import { QuantumCircuit, Parameter, circuitToMatrix } from '@qfabric/core/circuit'
 *
 * const theta = new Parameter('θ')
 * const qc = new QuantumCircuit(2).h(0).cx(0, 1).rz(theta, 1)
 * const bound = qc.assignParameters([Math.PI / 2])
 * circuitToMatrix(bound)   // 4×4 unitary
 * ```
 *
 * @packageDocumentation
 */
export { Clbit, Qubit } from './bit.js'
export type { BitLocation, ClbitSpecifier, QubitSpecifier } from './circuit-bits.js'
export type { AssignParametersOptions, ParameterBindings } from './circuit-assign.js'
export type { ComposeOptions } from './circuit-compose.js'
export type { AppendOptions, CircuitArgument, CircuitOptions } from './circuit-core.js'
export { CIRCUIT_ERROR_CODES, CircuitError, type CircuitErrorCode } from './circuit-error.js'
export { circuitInstruction, type CircuitInstruction } from './circuit-instruction.js'
export { CIRCUIT_JSON_VERSION, circuitFromJson, circuitToJson } from './circuit-json.js'
export type {
  BitJson,
  CircuitJson,
  ConditionJson,
  ExpressionJson,
  InstructionJson,
  NumberJson,
  OperationJson,
  OperationJsonType,
  ParameterJson,
  RegisterJson,
  ValueJson,
} from './circuit-json-types.js'
export {
  circuitDepth,
  circuitSize,
  countOps,
  numNonlocalGates,
  type InstructionFilter,
} from './circuit-metrics.js'
export type { ToGateOptions } from './circuit-transforms.js'
export { circuitToMatrix } from './circuit-unitary.js'
export {
  clbitCondition,
  CONDITION_OPERATORS,
  conditionsEqual,
  evaluateCondition,
  registerCondition,
  type Condition,
  type ConditionOperator,
} from './condition.js'
export {
  BoxOp,
  ControlFlowOp,
  ForLoopOp,
  IfElseOp,
  isControlFlowOp,
  WhileLoopOp,
} from './control-flow.js'
export { controlledMatrix } from './controlled-matrix.js'
export { Barrier, Delay, DELAY_UNITS, Measure, Reset, type DelayUnit } from './directives.js'
export {
  EquivalenceLibrary,
  standardEquivalenceLibrary,
  type Equivalence,
  type EquivalenceKey,
  type EquivalenceLibraryOptions,
} from './equivalence-library.js'
export { formatNumber } from './expression-format.js'
export { ControlledGate, Gate, type ControlledGateOptions, type GateOptions } from './gate.js'
export {
  Instruction,
  type DefinitionSource,
  type InstructionOptions,
  type Operation,
} from './instruction.js'
export {
  isStandardGate,
  StandardGate,
  standardGate,
  type StandardGateOptions,
} from './library/standard-gates.js'
export {
  isStandardGateName,
  STANDARD_GATE_NAMES,
  STANDARD_GATE_SPECS,
  type StandardGateName,
} from './library/standard-gate-specs.js'
export { compareParameters, Parameter, type ParameterOptions } from './parameter.js'
export {
  BINARY_OPERATORS,
  isParameterExpression,
  ParameterExpression,
  UNARY_OPERATORS,
  valueFromNode,
  valueToNode,
  type BinaryOperator,
  type ExpressionNode,
  type ParameterValue,
  type UnaryOperator,
} from './parameter-expression.js'
export {
  abs,
  acos,
  addValues,
  asin,
  atan,
  cos,
  divValues,
  exp,
  formatValue,
  isSymbolic,
  log,
  mulValues,
  negValue,
  powValues,
  simplifyValue,
  sin,
  sqrt,
  subValues,
  tan,
  valuesEqual,
  valueToNumber,
} from './parameter-functions.js'
export { ParameterVector } from './parameter-vector.js'
export { QuantumCircuit, type BodyBuilder, type MeasureAllOptions } from './quantum-circuit.js'
export { ClassicalRegister, QuantumRegister } from './register.js'
export type { RemoveFinalMeasurementsOptions } from './remove-final-measurements.js'
export { UnitaryGate } from './unitary-gate.js'
