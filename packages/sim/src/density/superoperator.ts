/**
 * Superoperators of channels, in the layout the density-matrix engine applies them: a `k`-qubit
 * channel becomes one dense `4^k × 4^k` op on `2k` qubits of the vectorised density matrix.
 */
import type { ComplexMatrix } from '@qfabric/core/math'
import { RESET_TO_ZERO } from '../noise/kraus-error.js'
import type { QuantumError } from '../noise/quantum-error.js'
import type { ChannelOp } from './density-program.js'

/**
 * The superoperator `Σ conj(K) ⊗ K` of a Kraus set (Qiskit's `SuperOp`, column stacking): entry
 * `(r + d·c, r' + d·c')` is `Σ_K K[r, r']·conj(K[c, c'])`.
 *
 * @param kraus - `d × d` operators (not checked for trace preservation)
 * @returns the `d² × d²` superoperator, interleaved and row-major
 * @throws RangeError when the operators are not square of one size
 * @example
 * superopFromKraus([ComplexMatrix.identity(2)]) // the 4×4 identity
 */
export function superopFromKraus(kraus: readonly ComplexMatrix[]): Float64Array {
  const d = kraus[0]?.rows ?? 0
  if (d === 0 || kraus.some((k) => k.rows !== d || k.cols !== d)) {
    throw new RangeError('Kraus operators must be non-empty, square and of one size')
  }
  const D = d * d
  const out = new Float64Array(2 * D * D)
  for (const k of kraus) {
    const m = k.data
    for (let r = 0; r < d; r++) {
      for (let rp = 0; rp < d; rp++) {
        const ar = m[2 * (r * d + rp)]!
        const ai = m[2 * (r * d + rp) + 1]!
        if (ar === 0 && ai === 0) continue
        for (let c = 0; c < d; c++) {
          for (let cp = 0; cp < d; cp++) {
            // a · conj(b)
            const br = m[2 * (c * d + cp)]!
            const bi = m[2 * (c * d + cp) + 1]!
            const at = 2 * ((r + d * c) * D + (rp + d * cp))
            out[at]! += ar * br + ai * bi
            out[at + 1]! += ai * br - ar * bi
          }
        }
      }
    }
  }
  return out
}

const superops = new WeakMap<QuantumError, Float64Array>()

/**
 * The channel op applying `error` to `qubits` (the error's qubit `k` is `qubits[k]`). The
 * superoperator is computed once per error object and shared.
 *
 * @param error - a quantum error
 * @param qubits - as many distinct qubits as the error has
 * @returns the op
 * @throws RangeError when the widths differ
 */
export function channelOp(error: QuantumError, qubits: readonly number[]): ChannelOp {
  if (error.numQubits !== qubits.length) {
    throw new RangeError(`a ${error.numQubits}-qubit error cannot act on ${qubits.length} qubits`)
  }
  let superop = superops.get(error)
  if (superop === undefined) {
    superop = superopFromKraus(error.toKraus())
    superops.set(error, superop)
  }
  return { kind: 'channel', qubits: [...qubits], superop }
}

/** The reset channel `ρ ↦ |0⟩⟨0|·Tr ρ` on one qubit. */
export const RESET_SUPEROP: Float64Array = superopFromKraus(RESET_TO_ZERO)

/**
 * The channel op of a reset of `qubit`.
 *
 * @param qubit - the qubit
 * @returns the op
 */
export function resetChannel(qubit: number): ChannelOp {
  return { kind: 'channel', qubits: [qubit], superop: RESET_SUPEROP }
}
