import { Gate } from '../circuit/gate.js'
import { Parameter } from '../circuit/parameter.js'
import type { BackendConfiguration, GateConfig } from './backend-configuration.js'
import type { BackendProperties } from './backend-properties.js'
import { InstructionProperties } from './instruction-properties.js'
import { qargsKey, type QargsEntry } from './qargs-properties-map.js'
import { QubitProperties } from './qubit-properties.js'
import {
  CONTROL_FLOW_OP_NAMES,
  controlFlowMapping,
  standardInstructionMapping,
} from './standard-instruction-mapping.js'
import { Target } from './target.js'
import {
  isOperationClass,
  nameMappingEntries,
  type NameMapping,
  type TargetOperation,
} from './target-operation.js'

/** A non-fatal problem met while converting (Qiskit issues a `RuntimeWarning`). */
export interface TargetConversionWarning {
  /** `unknown-instruction`: a name with no operation, dropped from the target. */
  readonly code: 'unknown-instruction'
  /** The instruction name concerned. */
  readonly name: string
  /** A human-readable explanation. */
  readonly message: string
}

/** Options of {@link convertToTarget}. */
export interface ConvertToTargetOptions {
  /** Operations (or variable-width classes) for names that are not standard. */
  readonly customNameMapping?: NameMapping | undefined
  /** Add `delay` on every qubit (default `true`). */
  readonly addDelay?: boolean | undefined
  /** Leave out non-operational qubits and gates (default `true`). */
  readonly filterFaulty?: boolean | undefined
  /** Called for each warning (instructions dropped); core never logs by itself. */
  readonly onWarning?: ((warning: TargetConversionWarning) => void) | undefined
}

type PropsMap = Map<string | null, QargsEntry>

/**
 * Builds a {@link Target} from a backend configuration and, optionally, its calibration
 * (Qiskit's `convert_to_target`, the V1 → V2 bridge; fake devices use it on IBM's snapshots).
 *
 * - Instructions: the basis gates, `measure` and `delay`, and the control-flow names that
 *   `supported_instructions` lists (added globally by class). `reset` is added too when
 *   `supported_instructions` lists it: Qiskit's core converter only takes it from the basis
 *   gates, but qiskit-ibm-runtime's (which builds the fake devices of these snapshots) always
 *   adds it, and every IBM device lists it. Names resolve through the standard
 *   mapping (parameterised gates accept any angle), then `customNameMapping`, then the
 *   configuration's gate entries (opaque gates with the configured parameters); anything else is
 *   dropped with an `unknown-instruction` warning (e.g. `switch_case`, which has no class here).
 * - Qargs: a gate entry's `coupling_map` ties the gate to those qubits even without calibration;
 *   calibration entries add theirs. Without either, the gate is global.
 * - Properties (SI units): `error ← gate_error`, `duration ← gate_length`; `measure` from each
 *   qubit's `readout_error`/`readout_length`; qubit properties from T1, T2 and frequency.
 * - With `filterFaulty`, qubits and gates whose `operational` flag is false are left out. A
 *   `gate_error` of 1 (how IBM marks broken couplers in these snapshots) is kept, as in Qiskit:
 *   layout and routing see the error and avoid the edge.
 * - Without properties, `measure` and `delay` are on every (non-faulty) qubit with no properties.
 *
 * Instructions are added in a fixed order: basis gates, then `measure`, `delay`, `reset`, then
 * control flow in `supported_instructions` order (Qiskit's order comes from a set). The
 * returned target is not frozen.
 *
 * @param configuration - the backend configuration
 * @param properties - the calibration, if known
 * @param options - custom names, delay, faulty filtering, a warning callback
 * @returns the target
 *
 * @example
 * ```ts
 * const target = convertToTarget(
 *   BackendConfiguration.fromJSON(conf),
 *   BackendProperties.fromJSON(props),
 * )
 * target.get('cx')?.get([0, 1])?.error
 * ```
 */
export function convertToTarget(
  configuration: BackendConfiguration,
  properties?: BackendProperties | null,
  options: ConvertToTargetOptions = {},
): Target {
  const n = configuration.numQubits
  const filterFaulty = options.filterFaulty ?? true
  const operations = resolveOperations(instructionNames(configuration), configuration, options)
  const propMap = placeholderProperties(operations, configuration.gates)
  const faulty = new Set<number>()
  if (properties) {
    if (filterFaulty) {
      for (let q = 0; q < n; q++) if (!qubitOperational(properties, q)) faulty.add(q)
    }
    fillGateProperties({ propMap, operations, properties, faulty, filterFaulty })
    propMap.set('measure', measureProperties(properties, n, faulty))
  }
  for (const name of ['measure', 'delay']) {
    if (propMap.get(name) === null) propMap.set(name, onEveryQubit(n, faulty))
  }
  const target = emptyTarget(configuration, properties)
  for (const [name, op] of operations) {
    if (name === 'delay' && options.addDelay === false) continue
    if (isOperationClass(op)) target.addInstruction(op, undefined, name)
    else target.addInstruction(op, propMap.get(name)?.values() ?? null, name)
  }
  return target
}

/** The target before instructions: qubits, `dt`, timing constraints, qubit properties. */
function emptyTarget(
  configuration: BackendConfiguration,
  properties: BackendProperties | null | undefined,
): Target {
  const n = configuration.numQubits
  const timing = configuration.timingConstraints
  return new Target({
    numQubits: n,
    dt: configuration.dt,
    granularity: timing?.granularity,
    minLength: timing?.minLength,
    pulseAlignment: timing?.pulseAlignment,
    acquireAlignment: timing?.acquireAlignment,
    qubitProperties: properties
      ? Array.from({ length: n }, (_, q) => qubitPropertiesOf(properties, q))
      : undefined,
    concurrentMeasurements: configuration.measMap ?? undefined,
  })
}

/** Every non-faulty qubit, without properties. */
function onEveryQubit(n: number, faulty: ReadonlySet<number>): PropsMap {
  const map: PropsMap = new Map()
  for (let q = 0; q < n; q++) if (!faulty.has(q)) map.set(qargsKey([q]), [[q], null])
  return map
}

/**
 * Basis gates, then `measure`, `delay` (and `reset` when `supported_instructions` lists it), then
 * listed control flow; each name once.
 */
function instructionNames(configuration: BackendConfiguration): string[] {
  const names = new Set<string>(configuration.basisGates)
  names.add('measure')
  names.add('delay')
  const supported = configuration.supportedInstructions
  if (supported.includes('reset')) names.add('reset')
  for (const name of supported) if (CONTROL_FLOW_OP_NAMES.has(name)) names.add(name)
  return [...names]
}

function resolveOperations(
  names: readonly string[],
  configuration: BackendConfiguration,
  options: ConvertToTargetOptions,
): Map<string, TargetOperation> {
  const mapping = new Map<string, TargetOperation>([
    ...standardInstructionMapping(),
    ...controlFlowMapping(),
    ...nameMappingEntries(options.customNameMapping),
  ])
  const gateConfigs = new Map(configuration.gates.map((g) => [g.name, g]))
  const operations = new Map<string, TargetOperation>()
  for (const name of names) {
    const known = mapping.get(name)
    const config = gateConfigs.get(name)
    if (known !== undefined) {
      operations.set(name, known)
    } else if (config !== undefined) {
      // A gate config is only an opcode: an opaque gate with the configured parameters.
      const params = config.parameters.map((p) => new Parameter(p))
      const numQubits = config.couplingMap?.[0]?.length ?? 0
      operations.set(name, new Gate({ name, numQubits, params }))
    } else {
      options.onWarning?.({
        code: 'unknown-instruction',
        name,
        message: `No gate definition for ${name} can be found and is being excluded from the generated target. You can use customNameMapping to provide a definition for this operation.`,
      })
    }
  }
  return operations
}

/** `null` (global) for every instruction, except gates whose config lists their qubits. */
function placeholderProperties(
  operations: ReadonlyMap<string, TargetOperation>,
  gates: readonly GateConfig[],
): Map<string, PropsMap | null> {
  const configs = new Map(gates.map((g) => [g.name, g]))
  const propMap = new Map<string, PropsMap | null>()
  for (const [name, op] of operations) {
    const coupling = configs.get(name)?.couplingMap
    if (isOperationClass(op) || coupling == null || coupling.length === 0) {
      propMap.set(name, null)
      continue
    }
    const map: PropsMap = new Map()
    for (const qargs of coupling) map.set(qargsKey(qargs), [qargs, null])
    propMap.set(name, map)
  }
  return propMap
}

function fillGateProperties(parts: {
  propMap: Map<string, PropsMap | null>
  operations: ReadonlyMap<string, TargetOperation>
  properties: BackendProperties
  faulty: ReadonlySet<number>
  filterFaulty: boolean
}): void {
  const { propMap, operations, properties, faulty, filterFaulty } = parts
  const gateNames = new Set(properties.gateNames)
  for (const [name, op] of operations) {
    if (isOperationClass(op) || !gateNames.has(name)) continue
    for (const { qubits, properties: values } of properties.gateEntries(name)) {
      const key = qargsKey(qubits)
      if (filterFaulty && isBroken(qubits, values, faulty)) {
        propMap.get(name)?.delete(key)
        continue
      }
      if (qubits.length !== op.numQubits) continue
      const map = propMap.get(name) ?? new Map<string | null, QargsEntry>()
      propMap.set(name, map)
      const entry = new InstructionProperties({
        error: values.get('gate_error')?.value ?? null,
        duration: values.get('gate_length')?.value ?? null,
      })
      map.set(key, [qubits, entry])
    }
  }
}

/** Whether a gate entry touches a faulty qubit or is itself marked not operational. */
function isBroken(
  qubits: readonly number[],
  values: ReadonlyMap<string, { readonly value: number }>,
  faulty: ReadonlySet<number>,
): boolean {
  const operational = values.get('operational')
  return qubits.some((q) => faulty.has(q)) || (operational !== undefined && !operational.value)
}

function measureProperties(
  properties: BackendProperties,
  n: number,
  faulty: ReadonlySet<number>,
): PropsMap {
  const map: PropsMap = new Map()
  for (let q = 0; q < n; q++) {
    if (faulty.has(q)) continue
    const values = q < properties.numQubits ? properties.qubitProperty(q) : undefined
    const entry = new InstructionProperties({
      error: values?.get('readout_error')?.value ?? null,
      duration: values?.get('readout_length')?.value ?? null,
    })
    map.set(qargsKey([q]), [[q], entry])
  }
  return map
}

/** Qiskit's `is_qubit_operational`, with qubits missing from the calibration counted as working. */
function qubitOperational(properties: BackendProperties, q: number): boolean {
  return q >= properties.numQubits || properties.isQubitOperational(q)
}

function qubitPropertiesOf(properties: BackendProperties, q: number): QubitProperties {
  if (q >= properties.numQubits) return new QubitProperties()
  const values = properties.qubitProperty(q)
  return new QubitProperties({
    t1: values.get('T1')?.value ?? null,
    t2: values.get('T2')?.value ?? null,
    frequency: values.get('frequency')?.value ?? null,
  })
}
