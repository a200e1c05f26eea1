/**
 * Classical conditions evaluated on a shot's clbits.
 */
import type { StabilizerCondition } from './stabilizer-program.js'

/**
 * Evaluates a condition on the current clbits (its bits read as a little-endian integer).
 *
 * @param c - the condition
 * @param clbits - one byte (0 or 1) per clbit
 * @returns whether it holds
 */
export function conditionHolds(c: StabilizerCondition, clbits: Uint8Array): boolean {
  let v = 0n
  for (let i = c.clbits.length - 1; i >= 0; i--)
    v = (v << 1n) | (clbits[c.clbits[i]!] === 1 ? 1n : 0n)
  switch (c.op) {
    case '==':
      return v === c.value
    case '!=':
      return v !== c.value
    case '<':
      return v < c.value
    case '<=':
      return v <= c.value
    case '>':
      return v > c.value
    case '>=':
      return v >= c.value
  }
}
