/**
 * Clifford gates given by a matrix: recognising them (U P U† is ± a Pauli for every Pauli P)
 * and applying them to a tableau through their conjugation table.
 */
import type { StabilizerTableau } from './stabilizer-tableau.js'

/** Gates up to this width are recognised through their matrix. */
export const MAX_TABLE_QUBITS = 3

/**
 * How a k-qubit Clifford U conjugates Paulis: for each Pauli `p = X^x Z^z` (with Y written as
 * x = z = 1, as in the tableau), `U p U† = (−1)^sign[p] · image`. Index `p = x | z << k`.
 */
export interface CliffordTable {
  /** The number of qubits k. */
  readonly numQubits: number
  /** X mask of each image. */
  readonly imageX: Uint8Array
  /** Z mask of each image. */
  readonly imageZ: Uint8Array
  /** 1 where the image carries a factor −1. */
  readonly imageSign: Uint8Array
}

const ATOL = 1e-8

function popcount(v: number): number {
  let c = 0
  for (let x = v; x !== 0; x &= x - 1) c++
  return c
}

/** The entry (re, im) of the Pauli `X^x Z^z` (Y for x = z = 1) at row `c ⊕ x`, column `c`. */
function pauliEntry(x: number, z: number, c: number): [number, number] {
  // P|c⟩ = i^{|x∧z|} (−1)^{|z∧c|} |c ⊕ x⟩
  const k = (popcount(x & z) + 2 * popcount(z & c)) & 3
  return [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
  ][k] as [number, number]
}

/** U P U† for the Pauli (x, z); `u` interleaved row-major d×d. */
function conjugate(u: Float64Array, d: number, pauli: { x: number; z: number }): Float64Array {
  // (U P)[r][c] = phase_c · U[r][c ⊕ x]
  const up = new Float64Array(2 * d * d)
  for (let c = 0; c < d; c++) {
    const [pr, pi] = pauliEntry(pauli.x, pauli.z, c)
    const src = c ^ pauli.x
    for (let r = 0; r < d; r++) {
      const ar = u[2 * (r * d + src)]!
      const ai = u[2 * (r * d + src) + 1]!
      up[2 * (r * d + c)] = ar * pr - ai * pi
      up[2 * (r * d + c) + 1] = ar * pi + ai * pr
    }
  }
  const m = new Float64Array(2 * d * d)
  for (let r = 0; r < d; r++) {
    for (let s = 0; s < d; s++) {
      let re = 0
      let im = 0
      for (let c = 0; c < d; c++) {
        const ar = up[2 * (r * d + c)]!
        const ai = up[2 * (r * d + c) + 1]!
        const br = u[2 * (s * d + c)]!
        const bi = -u[2 * (s * d + c) + 1]!
        re += ar * br - ai * bi
        im += ar * bi + ai * br
      }
      m[2 * (r * d + s)] = re
      m[2 * (r * d + s) + 1] = im
    }
  }
  return m
}

/** `m` as ± a Pauli, or undefined. */
function identifyPauli(
  m: Float64Array,
  d: number,
): { x: number; z: number; sign: number } | undefined {
  let x = 0
  let best = -1
  for (let r = 0; r < d; r++) {
    const a = Math.hypot(m[2 * r * d]!, m[2 * r * d + 1]!)
    if (a > best) {
      best = a
      x = r
    }
  }
  const r0 = m[2 * x * d]!
  const i0 = m[2 * x * d + 1]!
  let z = 0
  for (let j = 0; 1 << j < d; j++) {
    const c = 1 << j
    const re = m[2 * ((c ^ x) * d + c)]!
    const im = m[2 * ((c ^ x) * d + c) + 1]!
    // (re + i·im) / (r0 + i·i0) ≈ −1 means a Z factor on qubit j.
    if (re * r0 + im * i0 < 0) z |= c
  }
  const [pr, pi] = pauliEntry(x, z, 0)
  // s = M[x][0] / P[x][0] must be real ±1.
  const sRe = r0 * pr + i0 * pi
  const sIm = i0 * pr - r0 * pi
  if (Math.abs(Math.abs(sRe) - 1) > ATOL || Math.abs(sIm) > ATOL) return undefined
  const s = Math.sign(sRe)
  for (let c = 0; c < d; c++) {
    const [er, ei] = pauliEntry(x, z, c)
    for (let r = 0; r < d; r++) {
      const wantRe = r === (c ^ x) ? s * er : 0
      const wantIm = r === (c ^ x) ? s * ei : 0
      if (
        Math.abs(m[2 * (r * d + c)]! - wantRe) > ATOL ||
        Math.abs(m[2 * (r * d + c) + 1]! - wantIm) > ATOL
      ) {
        return undefined
      }
    }
  }
  return { x, z, sign: s < 0 ? 1 : 0 }
}

/**
 * The conjugation table of a unitary, if it is a Clifford (up to global phase).
 *
 * @param matrix - a 2^k × 2^k unitary, interleaved (re, im) row-major, little-endian qargs
 * @param numQubits - k, at most {@link MAX_TABLE_QUBITS}
 * @returns the table, or undefined when some Pauli is not mapped to ± a Pauli
 * @throws RangeError for a width above {@link MAX_TABLE_QUBITS} or a matrix of the wrong size
 */
export function cliffordTableFromMatrix(
  matrix: Float64Array,
  numQubits: number,
): CliffordTable | undefined {
  if (!Number.isInteger(numQubits) || numQubits < 0 || numQubits > MAX_TABLE_QUBITS) {
    throw new RangeError(`Clifford tables cover 0–${MAX_TABLE_QUBITS} qubits, got ${numQubits}`)
  }
  const d = 1 << numQubits
  if (matrix.length !== 2 * d * d)
    throw new RangeError(`a ${numQubits}-qubit matrix needs ${2 * d * d} numbers`)
  const size = d * d
  const table: CliffordTable = {
    numQubits,
    imageX: new Uint8Array(size),
    imageZ: new Uint8Array(size),
    imageSign: new Uint8Array(size),
  }
  for (let p = 1; p < size; p++) {
    const image = identifyPauli(conjugate(matrix, d, { x: p & (d - 1), z: p >>> numQubits }), d)
    if (image === undefined) return undefined
    table.imageX[p] = image.x
    table.imageZ[p] = image.z
    table.imageSign[p] = image.sign
  }
  return table
}

/**
 * Applies a Clifford given by its table to `qubits` of a tableau, word-parallel over generators:
 * each generator's Pauli on those qubits is matched against every pattern and replaced by its
 * image.
 *
 * @param t - the tableau (updated in place)
 * @param table - the gate's conjugation table
 * @param qubits - the gate's qargs (`qubits[j]` is the gate's qubit j), distinct and in range
 */
export function applyCliffordTable(
  t: StabilizerTableau,
  table: CliffordTable,
  qubits: ArrayLike<number>,
): void {
  const k = table.numQubits
  const { xs, zs, signs, stride } = t
  const bases = Array.from({ length: k }, (_, j) => qubits[j]! * stride)
  const inX = new Int32Array(k)
  const inZ = new Int32Array(k)
  const outX = new Int32Array(k)
  const outZ = new Int32Array(k)
  const size = 1 << (2 * k)
  for (let w = 0; w < stride; w++) {
    for (let j = 0; j < k; j++) {
      inX[j] = xs[bases[j]! + w]!
      inZ[j] = zs[bases[j]! + w]!
      outX[j] = 0
      outZ[j] = 0
    }
    let flip = 0
    for (let p = 1; p < size; p++) {
      let mask = -1
      for (let j = 0; j < k; j++) {
        mask &= ((p >>> j) & 1) !== 0 ? inX[j]! : ~inX[j]!
        mask &= ((p >>> (j + k)) & 1) !== 0 ? inZ[j]! : ~inZ[j]!
      }
      if (mask === 0) continue
      const ix = table.imageX[p]!
      const iz = table.imageZ[p]!
      for (let j = 0; j < k; j++) {
        if (((ix >>> j) & 1) !== 0) outX[j]! |= mask
        if (((iz >>> j) & 1) !== 0) outZ[j]! |= mask
      }
      if (table.imageSign[p] !== 0) flip |= mask
    }
    for (let j = 0; j < k; j++) {
      xs[bases[j]! + w] = outX[j]!
      zs[bases[j]! + w] = outZ[j]!
    }
    signs[w]! ^= flip
  }
}
