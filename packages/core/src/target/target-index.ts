import type { ParameterValue } from '../circuit/parameter-expression.js'
import type { CouplingEdge } from './coupling-map.js'
import type { InstructionProperties } from './instruction-properties.js'
import {
  QargsPropertiesMap,
  qargsKey,
  type Qargs,
  type QargsEntry,
} from './qargs-properties-map.js'
import { TargetError } from './target-errors.js'
import {
  isOperationClass,
  parametersMatch,
  type OperationClass,
  type TargetEntry,
  type TargetOperation,
} from './target-operation.js'

/** The per-qargs properties given to `Target.addInstruction`: `null` qargs = any qubits. */
export type InstructionPropertiesInput = Iterable<
  readonly [Qargs | null, InstructionProperties | null]
>

/**
 * @internal The storage and lookups behind `Target` (Qiskit's `_gate_map`, `_qarg_gate_map`,
 * `_global_operations` and `variable_class_operations`), kept apart so that `Target` stays the
 * public surface.
 */
export class TargetIndex {
  /** name → entry, in insertion order. */
  readonly gateMap = new Map<string, TargetEntry>()
  /** qargs key (`null` = global) → the names defined on exactly those qargs. */
  readonly qargGateMap = new Map<string | null, { qargs: Qargs | null; names: Set<string> }>()
  /** arity → the names with a global entry of that arity. */
  readonly globalOperations = new Map<number, Set<string>>()
  /** The names added by class (variable width, always global). */
  readonly variadic = new Set<string>()

  /**
   * Stores a new instruction.
   *
   * @param name - its unique name (checked by the caller)
   * @param instruction - the operation or class
   * @param given - the per-qargs properties (checked here)
   * @returns the highest qubit index used, or -1
   */
  add(
    name: string,
    instruction: TargetOperation,
    given: InstructionPropertiesInput | null,
  ): number {
    const isClass = isOperationClass(instruction)
    const numQubits = isClass ? null : instruction.numQubits
    const props = buildPropsMap(
      name,
      numQubits,
      isClass ? [[null, null]] : (given ?? [[null, null]]),
    )
    let maxQubit = -1
    // Class entries are global by nature; Qiskit keeps them out of the qargs indexes.
    if (numQubits === null) this.variadic.add(name)
    for (const [key, [qargs]] of numQubits === null ? [] : props) {
      if (qargs === null) {
        const set = this.globalOperations.get(numQubits!) ?? new Set<string>()
        set.add(name)
        this.globalOperations.set(numQubits!, set)
      } else {
        for (const q of qargs) maxQubit = Math.max(maxQubit, q)
      }
      const slot = this.qargGateMap.get(key) ?? { qargs, names: new Set<string>() }
      slot.names.add(name)
      this.qargGateMap.set(key, slot)
    }
    const view = new QargsPropertiesMap(props)
    this.gateMap.set(name, { name, operation: instruction, numQubits, props, view })
    return maxQubit
  }

  /**
   * @param name - an instruction name
   * @returns its entry
   * @throws TargetError `target.unknown-instruction` if there is none
   */
  require(name: string): TargetEntry {
    const entry = this.gateMap.get(name)
    if (entry === undefined) {
      throw new TargetError(
        'target.unknown-instruction',
        `Provided instruction: '${name}' not in this Target`,
      )
    }
    return entry
  }

  /**
   * Whether an entry supports the qargs: an exact entry, or a global one of the right arity
   * with in-range qubits.
   *
   * @param entry - a non-class entry
   * @param qargs - the qargs, or `null` for "anywhere"
   * @param numQubits - the target's qubit count
   * @returns whether it is supported
   */
  static entrySupports(entry: TargetEntry, qargs: Qargs | null, numQubits: number): boolean {
    if (qargs === null) return true
    if (entry.props.has(qargsKey(qargs))) return true
    if (!entry.props.has(null)) return false
    return entry.numQubits === qargs.length && qargs.every((q) => q >= 0 && q < numQubits)
  }

  /**
   * Whether a class entry supports the qargs: in range and without duplicates.
   *
   * @param qargs - the qargs, or `null`
   * @param numQubits - the target's qubit count
   * @returns whether it is supported
   */
  static variadicSupports(qargs: Qargs | null, numQubits: number): boolean {
    if (qargs === null) return true
    return qargs.every((q) => q >= 0 && q < numQubits) && new Set(qargs).size === qargs.length
  }

  /**
   * @param entry - an entry
   * @param parameters - parameter values asked about
   * @returns whether the entry's parameters accept them
   */
  static parametersAccepted(entry: TargetEntry, parameters: readonly ParameterValue[]): boolean {
    const op = entry.operation
    return !isOperationClass(op) && parametersMatch(parameters, op.params)
  }

  /**
   * Qiskit's `instruction_supported` by class: any entry that is the class (a class entry) or
   * an instance of it, with matching parameters and qargs.
   *
   * @param query - the class, qargs and parameters
   * @param numQubits - the target's qubit count
   * @returns whether some entry supports it
   */
  supportedByClass(
    query: {
      readonly operationClass: OperationClass
      readonly qargs: Qargs | null
      readonly parameters: readonly ParameterValue[] | undefined
    },
    numQubits: number,
  ): boolean {
    const { operationClass, qargs, parameters } = query
    for (const entry of this.gateMap.values()) {
      if (entry.numQubits === null) {
        if (entry.operation === operationClass)
          return TargetIndex.variadicSupports(qargs, numQubits)
        continue
      }
      if (!(entry.operation instanceof operationClass)) continue
      if (parameters !== undefined && !TargetIndex.parametersAccepted(entry, parameters)) continue
      if (TargetIndex.entrySupports(entry, qargs, numQubits)) return true
    }
    return false
  }

  /**
   * The edges of one 2-qubit instruction.
   *
   * @param name - the instruction name
   * @returns its qargs as edges
   * @throws TargetError `target.unknown-instruction` or `target.not-two-qubit`
   */
  twoQGateEdges(name: string): CouplingEdge[] {
    const edges: CouplingEdge[] = []
    for (const [qargs] of this.require(name).props.values()) {
      if (qargs?.length !== 2) {
        throw new TargetError(
          'target.not-two-qubit',
          `Specified two_q_gate: ${name} is not a 2 qubit instruction`,
        )
      }
      edges.push([qargs[0]!, qargs[1]!])
    }
    return edges
  }
}

/**
 * Checks the rules for adding by class: a name is required and properties are not allowed.
 *
 * @param name - the name given
 * @param properties - the properties given
 * @throws TargetError `target.invalid-instruction`
 */
export function checkClassEntry(name: string | undefined, properties: unknown): void {
  if (name === undefined || name === '') {
    throw new TargetError(
      'target.invalid-instruction',
      'A name must be specified when defining a supported global operation by class',
    )
  }
  if (properties !== undefined && properties !== null) {
    throw new TargetError(
      'target.invalid-instruction',
      "An instruction added globally by class can't have properties set.",
    )
  }
}

/** The frozen per-qargs storage of a new instruction, checking every qargs. */
function buildPropsMap(
  name: string,
  numQubits: number | null,
  given: InstructionPropertiesInput,
): Map<string | null, QargsEntry> {
  const props = new Map<string | null, QargsEntry>()
  for (const [qargs, value] of given) {
    if (qargs !== null) {
      for (const q of qargs) {
        if (!Number.isInteger(q) || q < 0) {
          throw new RangeError(`qargs must be non-negative integers, got [${qargs.join(', ')}]`)
        }
      }
      if (qargs.length !== numQubits) {
        throw new TargetError(
          'target.qargs-mismatch',
          `The number of qubits for ${name} does not match the number of qubits in the properties dictionary: [${qargs.join(', ')}]`,
        )
      }
    }
    const frozen = qargs === null ? null : Object.freeze([...qargs])
    props.set(qargsKey(frozen), Object.freeze([frozen, value] as const))
  }
  return props
}
