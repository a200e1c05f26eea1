import type { Operation } from '../circuit/instruction.js'
import type { BackendProperties } from './backend-properties.js'
import type { CouplingMap } from './coupling-map.js'
import type { InstructionDurations } from './instruction-durations.js'
import { InstructionProperties } from './instruction-properties.js'
import type { Qargs } from './qargs-properties-map.js'
import { standardInstructionMapping } from './standard-instruction-mapping.js'
import type { Target } from './target.js'
import { TargetError } from './target-errors.js'
import {
  isOperationClass,
  nameMappingEntries,
  type NameMapping,
  type TargetOperation,
} from './target-operation.js'
import type { TimingConstraints } from './timing-constraints.js'

/** Options of `Target.fromConfiguration` (Qiskit's `Target.from_configuration` arguments). */
export interface TargetFromConfigurationOptions {
  /** The basis gate names: standard names, or names in `customNameMapping`. */
  readonly basisGates?: readonly string[] | undefined
  /** The qubit count (default: the coupling map's size). */
  readonly numQubits?: number | undefined
  /**
   * The connectivity: 2-qubit basis gates go on its edges; without one they are global.
   * 1-qubit basis gates go on every qubit.
   */
  readonly couplingMap?: CouplingMap | null | undefined
  /** Calibration data: gate errors and lengths, and T1/T2/frequency per qubit. */
  readonly backendProperties?: BackendProperties | undefined
  /** Durations that override the properties' gate lengths (a missing one clears it, as Qiskit). */
  readonly instructionDurations?: InstructionDurations | undefined
  /** Groups of qubits always measured together. */
  readonly concurrentMeasurements?: readonly (readonly number[])[] | undefined
  /** The sample time, in seconds. */
  readonly dt?: number | null | undefined
  /** The timing constraints. */
  readonly timingConstraints?: TimingConstraints | undefined
  /** Operations (or variable-width classes) for non-standard basis gate names. */
  readonly customNameMapping?: NameMapping | undefined
}

/**
 * Adds the instructions of `Target.fromConfiguration` to a fresh target: each basis gate on
 * every qubit (1-qubit gates) or every coupling edge (2-qubit gates; global without a coupling
 * map), classes globally, with properties looked up in `instructionDurations` and
 * `backendProperties`.
 *
 * @param target - the empty target, already sized
 * @param options - the configuration
 * @throws TargetError `target.unknown-instruction` for an unknown basis gate name;
 *   `target.invalid-instruction` for a basis gate on more than 2 qubits
 */
export function populateFromConfiguration(
  target: Target,
  options: TargetFromConfigurationOptions,
): void {
  const mapping = new Map<string, TargetOperation>([
    ...standardInstructionMapping(),
    ...nameMappingEntries(options.customNameMapping),
  ])
  const numQubits = target.numQubits ?? 0
  const edges = options.couplingMap?.getEdges() ?? null
  for (const name of options.basisGates ?? []) {
    const op = mapping.get(name)
    if (op === undefined) {
      throw new TargetError(
        'target.unknown-instruction',
        `The specified basis gate: ${name} is not present in the standard gate names or a provided custom_name_mapping`,
      )
    }
    const qargsList = isOperationClass(op) ? null : placements(name, op, { numQubits, edges })
    if (qargsList === null) {
      target.addInstruction(op, undefined, name)
    } else {
      const props = qargsList.map(
        (qargs) => [qargs, lookUpProperties(name, qargs, options)] as const,
      )
      target.addInstruction(op, props, name)
    }
  }
}

/**
 * Where a basis gate goes: every qubit (1-qubit), every edge (2-qubit), or anywhere (`null`:
 * 0-qubit gates, and 2-qubit gates without a coupling map).
 */
function placements(
  name: string,
  op: Operation,
  device: { readonly numQubits: number; readonly edges: readonly Qargs[] | null },
): Qargs[] | null {
  if (op.numQubits === 0) return null
  if (op.numQubits === 1) return Array.from({ length: device.numQubits }, (_, q) => [q])
  if (op.numQubits === 2) return device.edges === null ? null : [...device.edges]
  throw new TargetError(
    'target.invalid-instruction',
    `The specified basis gate: ${name} has ${op.numQubits} qubits. This constructor method only supports fixed width operations with <= 2 qubits (because connectivity is defined on a CouplingMap).`,
  )
}

function lookUpProperties(
  name: string,
  qargs: Qargs,
  options: TargetFromConfigurationOptions,
): InstructionProperties | null {
  let duration: number | null = null
  let error: number | null = null
  const properties = options.backendProperties
  if (properties !== undefined) {
    duration = attempt(() => properties.gateLength(name, qargs))
    error = attempt(() => properties.gateError(name, qargs))
  }
  const durations = options.instructionDurations
  if (durations !== undefined) {
    duration = attempt(() => durations.get(name, qargs, { unit: 's' }))
  }
  if (duration === null && error === null) return null
  return new InstructionProperties({ duration, error })
}

/** The value, or `null` when the lookup throws (Qiskit catches `BackendPropertyError` here). */
function attempt(lookup: () => number): number | null {
  try {
    return lookup()
  } catch {
    return null
  }
}
