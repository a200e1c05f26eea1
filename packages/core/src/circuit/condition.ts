import type { ClassicalRegister } from './register.js'

/** The comparison operators of a register condition. */
export const CONDITION_OPERATORS = ['==', '!=', '<', '<=', '>', '>='] as const

/** A comparison operator of a register condition. */
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number]

/**
 * A classical condition: one clbit equal to a value, or a register (read as an unsigned
 * little-endian integer) compared with a value. Indices and registers refer to the circuit
 * holding the instruction.
 */
export type Condition =
  | { readonly kind: 'clbit'; readonly clbit: number; readonly value: boolean }
  | {
      readonly kind: 'register'
      readonly register: ClassicalRegister
      readonly op: ConditionOperator
      readonly value: bigint
    }

/**
 * A condition on one clbit (`if (c[2] == 1)`).
 *
 * @param clbit - the clbit's index in the circuit
 * @param value - the required value (`true`/`1` or `false`/`0`)
 */
export function clbitCondition(clbit: number, value: boolean | 0 | 1 = true): Condition {
  return Object.freeze({ kind: 'clbit', clbit, value: value === true || value === 1 })
}

/**
 * A condition on a register's value (`if (c == 3)`, Qiskit's `c_if(creg, 3)`).
 *
 * @param register - a register of the circuit
 * @param value - a non-negative integer
 * @param op - the comparison (default `==`)
 * @throws RangeError for a negative or fractional value
 */
export function registerCondition(
  register: ClassicalRegister,
  value: bigint | number,
  op: ConditionOperator = '==',
): Condition {
  if (typeof value === 'number' && (!Number.isInteger(value) || value < 0)) {
    throw new RangeError(`a register condition needs a non-negative integer, got ${value}`)
  }
  const v = BigInt(value)
  if (v < 0n) throw new RangeError(`a register condition needs a non-negative integer, got ${v}`)
  return Object.freeze({ kind: 'register', register, op, value: v })
}

/** Whether two conditions are the same (registers by name and size). */
export function conditionsEqual(a: Condition | undefined, b: Condition | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  if (a.kind === 'clbit') return b.kind === 'clbit' && a.clbit === b.clbit && a.value === b.value
  return (
    b.kind === 'register' &&
    a.register.name === b.register.name &&
    a.register.size === b.register.size &&
    a.op === b.op &&
    a.value === b.value
  )
}

/**
 * Evaluates a condition on a register value or bit (for simulators).
 *
 * @param condition - the condition
 * @param read - the clbit values, indexed as in the circuit
 * @param clbitIndex - the index of each register bit
 */
export function evaluateCondition(
  condition: Condition,
  read: (clbit: number) => boolean,
  clbitIndex: (register: ClassicalRegister, position: number) => number,
): boolean {
  if (condition.kind === 'clbit') return read(condition.clbit) === condition.value
  let v = 0n
  for (let i = condition.register.size - 1; i >= 0; i--) {
    v = (v << 1n) | (read(clbitIndex(condition.register, i)) ? 1n : 0n)
  }
  switch (condition.op) {
    case '==':
      return v === condition.value
    case '!=':
      return v !== condition.value
    case '<':
      return v < condition.value
    case '<=':
      return v <= condition.value
    case '>':
      return v > condition.value
    case '>=':
      return v >= condition.value
  }
}
