import type { Operation } from '../circuit/instruction.js'
import type { ParameterValue } from '../circuit/parameter-expression.js'
import { isClose } from '../math/tolerances.js'
import type { QargsEntry, QargsPropertiesMap } from './qargs-properties-map.js'

/**
 * A class of variable-width operations (Qiskit adds `IfElseOp`, `ForLoopOp`, `WhileLoopOp`,
 * `MCXGate` to targets by class): any constructor of operations.
 */
export type OperationClass = abstract new (...args: never[]) => Operation

/** What a target entry holds: an operation instance, or a variable-width operation class. */
export type TargetOperation = Operation | OperationClass

/**
 * @param op - a target operation
 * @returns whether it is a class (a variable-width, always-global entry)
 */
export function isOperationClass(op: TargetOperation): op is OperationClass {
  return typeof op === 'function'
}

/** @internal The storage of one target instruction. */
export interface TargetEntry {
  readonly name: string
  readonly operation: TargetOperation
  /** The operation's qubit count, or `null` for a class. */
  readonly numQubits: number | null
  readonly props: Map<string | null, QargsEntry>
  readonly view: QargsPropertiesMap
}

/**
 * Whether parameter values are accepted by an entry's parameters (Qiskit's rule): a symbolic
 * entry parameter accepts anything; a fixed numeric one accepts only an equal number (within
 * `DEFAULT_ATOL`, where Qiskit compares exactly); a symbolic value never matches a fixed one.
 *
 * @param given - the values asked about
 * @param accepted - the entry's parameters
 * @returns whether every value is accepted (and the counts agree)
 */
export function parametersMatch(
  given: readonly ParameterValue[],
  accepted: readonly ParameterValue[],
): boolean {
  if (given.length !== accepted.length) return false
  return given.every((value, i) => {
    const fixed = numericValue(accepted[i]!)
    if (fixed === undefined) return true
    const asked = numericValue(value)
    return asked !== undefined && isClose(asked, fixed)
  })
}

/** The number a parameter value stands for, or `undefined` while it has free parameters. */
function numericValue(value: ParameterValue): number | undefined {
  if (typeof value === 'number') return value
  return value.isBound() ? value.numeric() : undefined
}

/** Operations for instruction names, as a `Map` or a plain object (`customNameMapping`). */
export type NameMapping =
  ReadonlyMap<string, TargetOperation> | Readonly<Record<string, TargetOperation>>

function isMap(mapping: NameMapping): mapping is ReadonlyMap<string, TargetOperation> {
  return mapping instanceof Map
}

/**
 * @param mapping - a name mapping, or nothing
 * @returns its `[name, operation]` pairs
 */
export function nameMappingEntries(mapping: NameMapping | undefined): [string, TargetOperation][] {
  if (mapping === undefined) return []
  return isMap(mapping) ? [...mapping] : Object.entries(mapping)
}
