/**
 * Recognising Pauli channels among Kraus channels, so that they can be kept in mixed-unitary form
 * (a trajectory then samples a Pauli instead of computing `‖Kψ‖²` for every Kraus operator).
 */
import type { ComplexMatrix } from '@qfabric/core/math'
import { allPauliLabels, pauliMatrix } from './pauli-labels.js'

/** Probabilities at or below this are rounding residue, not terms. */
const NEGLIGIBLE = 1e-15

/** Above this width the `16^n` chi matrix is not worth building. */
export const MAX_PAULI_CHANNEL_QUBITS = 3

/**
 * The Pauli probabilities of a channel, if it is a Pauli channel: writing each Kraus operator as
 * `K = Σ_a c_a·P_a`, the channel is `Σ_ab χ_ab·P_a ρ P_b` with `χ_ab = Σ_K c_a·conj(c_b)`; it is a
 * Pauli channel exactly when `χ` is diagonal, and then `χ_aa` are the probabilities.
 *
 * @param operators - trace-preserving Kraus operators on `numQubits` qubits
 * @param numQubits - their width (at most {@link MAX_PAULI_CHANNEL_QUBITS}, else `undefined`)
 * @param atol - how far from zero an off-diagonal `χ` entry may be
 * @returns `[label, probability]` pairs with positive probability, or `undefined` when the
 *   channel is not a Pauli channel
 */
export function pauliChannelProbabilities(
  operators: readonly ComplexMatrix[],
  numQubits: number,
  atol: number,
): [string, number][] | undefined {
  if (numQubits > MAX_PAULI_CHANNEL_QUBITS) return undefined
  const labels = allPauliLabels(numQubits)
  const d = 2 ** numQubits
  // coefficients[k][a] = Tr(P_a·K_k)/d (Paulis are Hermitian, so this is the HS projection)
  const coefficients = operators.map((k) =>
    labels.map((label) => pauliMatrix(label).mul(k).trace().div(d)),
  )
  const m = labels.length
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      let re = 0
      let im = 0
      for (const c of coefficients) {
        const x = c[a]!
        const y = c[b]!
        re += x.re * y.re + x.im * y.im
        im += x.im * y.re - x.re * y.im
      }
      if (Math.hypot(re, im) > atol) return undefined
    }
  }
  const out: [string, number][] = []
  labels.forEach((label, a) => {
    let p = 0
    for (const c of coefficients) p += c[a]!.abs2()
    // Rounding leaves ~1e-33 on absent Paulis; anything this small is not a term.
    if (p > NEGLIGIBLE) out.push([label, p])
  })
  return out
}
