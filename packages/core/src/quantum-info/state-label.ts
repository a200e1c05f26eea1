import { QuantumInfoError } from './quantum-info-error.js'

const S = Math.SQRT1_2
/** Single-qubit states `[re0, im0, re1, im1]` of the label characters. */
const KETS: Readonly<Record<string, readonly number[]>> = {
  '0': [1, 0, 0, 0],
  '1': [0, 0, 1, 0],
  '+': [S, 0, S, 0],
  '-': [S, 0, -S, 0],
  r: [S, 0, 0, S],
  l: [S, 0, 0, -S],
}

/**
 * The interleaved amplitudes of a product-state label (rightmost character on qubit 0).
 *
 * @param label - characters among `0 1 + - r l`
 * @returns `2·2ⁿ` numbers
 * @throws QuantumInfoError `quantum-info.invalid-label` for any other character
 */
export function stateFromLabel(label: string): Float64Array {
  let state = Float64Array.of(1, 0)
  // Qubit q is character n-1-q; each new qubit becomes the most significant bit.
  for (let q = 0; q < label.length; q++) {
    const ch = label[label.length - 1 - q]!
    const ket = KETS[ch]
    if (ket === undefined) {
      throw new QuantumInfoError(
        'quantum-info.invalid-label',
        `invalid state label '${label}': '${ch}' is not one of 0 1 + - r l`,
      )
    }
    const half = state.length
    const next = new Float64Array(2 * half)
    for (let b = 0; b < 2; b++) {
      const kr = ket[2 * b]!
      const ki = ket[2 * b + 1]!
      for (let k = 0; k < half; k += 2) {
        next[b * half + k] = kr * state[k]! - ki * state[k + 1]!
        next[b * half + k + 1] = kr * state[k + 1]! + ki * state[k]!
      }
    }
    state = next
  }
  return state
}
