/**
 * Targets and device data: what a device supports, for the compiler and for fake devices.
 *
 * - {@link Target} (Qiskit's `Target`): the instructions a device has, on which qubits, with
 *   {@link InstructionProperties} (duration in seconds, average error); per-qubit
 *   {@link QubitProperties} (T1, T2 in seconds, frequency in hertz); `dt` and
 *   {@link TimingConstraints}; queries such as `instructionSupported`, `operationNamesForQargs`,
 *   `buildCouplingMap` and `durations`. Build one with `addInstruction` (then `freeze()` it), from
 *   loose constraints with `Target.fromConfiguration`, or from IBM-style device data with
 *   {@link convertToTarget}.
 * - {@link CouplingMap}: the directed connectivity graph, with distances, shortest paths,
 *   components, sub-maps, and the standard layouts (line, ring, grid, full, heavy-hex,
 *   heavy-square) numbered exactly as Qiskit numbers them.
 * - Device data in the shape of IBM's snapshots (`conf_*.json`, `props_*.json`):
 *   {@link BackendConfiguration}, {@link BackendProperties} (accessors in SI units) and
 *   {@link BackendStatus}, each with `fromJSON`/`toJSON`.
 *
 * Units are SI everywhere in this API (seconds, hertz); the JSON's ns, µs and GHz are converted
 * on read and kept as written for `toJSON`.
 *
 * @example
 * ```ts
 * import { BackendConfiguration, BackendProperties, convertToTarget } from '@qfabric/core/target'
 *
 * const target = convertToTarget(
 *   BackendConfiguration.fromJSON(JSON.parse(confText)),
 *   BackendProperties.fromJSON(JSON.parse(propsText)),
 * ).freeze()
 * target.numQubits                                             // 5
 * target.instructionSupported({ operationName: 'cx', qargs: [0, 1] }) // true
 * target.buildCouplingMap()?.distance(0, 4)                    // 3
 * target.qubitProperties?.[0]?.t1                              // seconds
 * ```
 *
 * @packageDocumentation
 * @module target
 */
export {
  BackendConfiguration,
  DECLARED_CONFIGURATION_FIELDS,
  type GateConfig,
} from './backend-configuration.js'
export type {
  BackendConfigurationJson,
  BackendPropertiesJson,
  BackendStatusJson,
  GateConfigJson,
  GatePropertiesJson,
  NduvJson,
  TimingConstraintsJson,
} from './backend-json.js'
export {
  BackendProperties,
  type GateOnQubits,
  type GatePropertiesEntry,
  type PropertyValue,
} from './backend-properties.js'
export { BackendStatus, type BackendStatusInit } from './backend-status.js'
export {
  convertToTarget,
  type ConvertToTargetOptions,
  type TargetConversionWarning,
} from './convert-to-target.js'
export {
  CouplingMap,
  type CouplingEdge,
  type CouplingLayoutOptions,
  type CouplingMapOptions,
} from './coupling-map.js'
export {
  InstructionDurations,
  type DurationQueryOptions,
  type DurationUnit,
  type InstructionDurationEntry,
} from './instruction-durations.js'
export { InstructionProperties, type InstructionPropertiesInit } from './instruction-properties.js'
export { QargsPropertiesMap, type Qargs, type QargsEntry } from './qargs-properties-map.js'
export { QubitProperties, type QubitPropertiesInit } from './qubit-properties.js'
export {
  CONTROL_FLOW_OP_NAMES,
  controlFlowMapping,
  standardInstructionMapping,
} from './standard-instruction-mapping.js'
export {
  Target,
  type BuildCouplingMapOptions,
  type Connectivity,
  type InstructionPropertiesInput,
  type InstructionSupportedQuery,
  type TargetOptions,
} from './target.js'
export {
  BackendConfigurationError,
  BackendPropertyError,
  CouplingError,
  TARGET_ERROR_CODES,
  TargetError,
  type TargetErrorCode,
} from './target-errors.js'
export type { TargetFromConfigurationOptions } from './target-from-configuration.js'
export {
  isOperationClass,
  parametersMatch,
  type OperationClass,
  type TargetOperation,
} from './target-operation.js'
export { TimingConstraints, type TimingConstraintsInit } from './timing-constraints.js'
export { applyUnitPrefix } from './unit-prefix.js'
