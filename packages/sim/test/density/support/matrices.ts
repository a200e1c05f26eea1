/**
 * Small dense helpers for tests: density matrices from states, distances, conversions.
 */
import { ComplexMatrix } from '@qfabric/core/math'

/** |ψ⟩⟨ψ| of an interleaved statevector, as an interleaved row-major matrix. */
export function outerProduct(psi: Float64Array): Float64Array {
  const d = psi.length / 2
  const out = new Float64Array(2 * d * d)
  for (let r = 0; r < d; r++) {
    for (let c = 0; c < d; c++) {
      const ar = psi[2 * r]!
      const ai = psi[2 * r + 1]!
      const br = psi[2 * c]!
      const bi = -psi[2 * c + 1]!
      out[2 * (r * d + c)] = ar * br - ai * bi
      out[2 * (r * d + c) + 1] = ar * bi + ai * br
    }
  }
  return out
}

/** The largest componentwise difference. */
export function maxDiff(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Infinity
  let m = 0
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!))
  return m
}

/** A `ComplexMatrix` view of an interleaved square matrix. */
export function toMatrix(data: Float64Array): ComplexMatrix {
  const d = Math.round(Math.sqrt(data.length / 2))
  return new ComplexMatrix(d, d, Float64Array.from(data))
}

/** `|0…0⟩⟨0…0|` on `n` qubits. */
export function groundState(n: number): ComplexMatrix {
  const m = new ComplexMatrix(2 ** n, 2 ** n)
  m.set(0, 0, 1)
  return m
}

/** Entry `(r, c)` of an interleaved row-major `d × d` matrix as `[re, im]`. */
export function entry(data: Float64Array, r: number, c: number): [number, number] {
  const d = Math.round(Math.sqrt(data.length / 2))
  return [data[2 * (r * d + c)]!, data[2 * (r * d + c) + 1]!]
}
