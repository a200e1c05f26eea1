/**
 * Evaluates classical conditions against a shot's classical bits.
 */
import type { SimCondition } from '../sim-program.js'

/**
 * Whether `condition` holds for the classical bits `clbits` (one byte per clbit, 0 or 1).
 *
 * @param condition - the condition
 * @param clbits - the current classical bits
 * @returns the truth value
 */
export function evaluateCondition(condition: SimCondition, clbits: Uint8Array): boolean {
  let value = 0n
  condition.clbits.forEach((c, i) => {
    if (clbits[c] === 1) value |= 1n << BigInt(i)
  })
  switch (condition.op) {
    case '==':
      return value === condition.value
    case '!=':
      return value !== condition.value
    case '<':
      return value < condition.value
    case '<=':
      return value <= condition.value
    case '>':
      return value > condition.value
    case '>=':
      return value >= condition.value
  }
}
