/**
 * Gates applied to a sparse cluster, in the cluster's own bit positions. Work is proportional to
 * the cluster's entries, never to `2^qubits`.
 */
import type { Cluster } from './cluster.js'

interface LocalOpBase {
  /** Local bit of each target qubit: bit `j` of the op's index is local bit `positions[j]`. */
  readonly positions: readonly number[]
  /** Only entries with `key & controlMask === controlValue` are acted on. */
  readonly controlMask: number
  readonly controlValue: number
}

/** A diagonal gate (`2^k` entries, interleaved); zero target qubits make it a controlled phase. */
export interface LocalDiagonal extends LocalOpBase {
  readonly kind: 'diagonal'
  readonly diagonal: Float64Array
}

/** A monomial gate: index `j` goes to `permutation[j]` times `phases[j]` (1 when absent). */
export interface LocalPermutation extends LocalOpBase {
  readonly kind: 'permutation'
  readonly permutation: Int32Array
  readonly phases: Float64Array | undefined
}

/** A dense gate (`2^k × 2^k`, interleaved, row-major). */
export interface LocalMatrix extends LocalOpBase {
  readonly kind: 'matrix'
  readonly matrix: Float64Array
}

/** A gate on a cluster's local bits. */
export type LocalOp = LocalDiagonal | LocalPermutation | LocalMatrix

/** The op index held by `key` at `positions`. */
function gather(key: number, positions: readonly number[]): number {
  let sub = 0
  for (let j = 0; j < positions.length; j++) sub |= ((key >> positions[j]!) & 1) << j
  return sub
}

/** The key bits of op index `sub` at `positions`. */
function scatter(sub: number, positions: readonly number[]): number {
  let bits = 0
  for (let j = 0; j < positions.length; j++) bits |= ((sub >> j) & 1) << positions[j]!
  return bits
}

/**
 * Applies a gate to a cluster.
 *
 * @param cluster - the cluster (unchanged)
 * @param op - the gate in local bit positions
 * @returns the new cluster; entries that became exactly zero are dropped
 */
export function applyLocalOp(cluster: Cluster, op: LocalOp): Cluster {
  switch (op.kind) {
    case 'diagonal':
      return applyDiagonal(cluster, op)
    case 'permutation':
      return applyPermutation(cluster, op)
    case 'matrix':
      return applyMatrix(cluster, op)
  }
}

function applyDiagonal(cluster: Cluster, op: LocalDiagonal): Cluster {
  const { keys } = cluster
  const re = Float64Array.from(cluster.re)
  const im = Float64Array.from(cluster.im)
  const { diagonal, positions, controlMask, controlValue } = op
  for (let e = 0; e < keys.length; e++) {
    const key = keys[e]!
    if ((key & controlMask) !== controlValue) continue
    const s = gather(key, positions)
    const dr = diagonal[2 * s]!
    const di = diagonal[2 * s + 1]!
    const ar = re[e]!
    re[e] = ar * dr - im[e]! * di
    im[e] = ar * di + im[e]! * dr
  }
  return { qubits: cluster.qubits, keys, re, im }
}

function applyPermutation(cluster: Cluster, op: LocalPermutation): Cluster {
  const keys = Int32Array.from(cluster.keys)
  const re = Float64Array.from(cluster.re)
  const im = Float64Array.from(cluster.im)
  const { permutation, phases, positions, controlMask, controlValue } = op
  const targetMask = scatter((1 << positions.length) - 1, positions)
  for (let e = 0; e < keys.length; e++) {
    const key = keys[e]!
    if ((key & controlMask) !== controlValue) continue
    const s = gather(key, positions)
    keys[e] = (key & ~targetMask) | scatter(permutation[s]!, positions)
    if (phases !== undefined) {
      const pr = phases[2 * s]!
      const pi = phases[2 * s + 1]!
      const ar = re[e]!
      re[e] = ar * pr - im[e]! * pi
      im[e] = ar * pi + im[e]! * pr
    }
  }
  return { qubits: cluster.qubits, keys, re, im }
}

function applyMatrix(cluster: Cluster, op: LocalMatrix): Cluster {
  const { matrix, positions } = op
  const d = 1 << positions.length
  const out: Entries = { keys: [], re: [], im: [] }
  const { bases, vec } = groupVectors(cluster, op, out)
  const offsets = Array.from({ length: d }, (_, s) => scatter(s, positions))
  for (let g = 0; g < bases.length; g++) {
    const v = 2 * g * d
    for (let r = 0; r < d; r++) {
      let accRe = 0
      let accIm = 0
      for (let c = 0; c < d; c++) {
        const xr = vec[v + 2 * c]!
        const xi = vec[v + 2 * c + 1]!
        if (xr === 0 && xi === 0) continue
        const mr = matrix[2 * (r * d + c)]!
        const mi = matrix[2 * (r * d + c) + 1]!
        accRe += mr * xr - mi * xi
        accIm += mr * xi + mi * xr
      }
      // Only exact zeros are dropped (cancellations such as H·H): no truncation, no loss.
      if (accRe === 0 && accIm === 0) continue
      out.keys.push(bases[g]! | offsets[r]!)
      out.re.push(accRe)
      out.im.push(accIm)
    }
  }
  return {
    qubits: cluster.qubits,
    keys: Int32Array.from(out.keys),
    re: Float64Array.from(out.re),
    im: Float64Array.from(out.im),
  }
}

interface Entries {
  readonly keys: number[]
  readonly re: number[]
  readonly im: number[]
}

/**
 * The `2^k` vectors a dense gate acts on: entries sharing their non-target bits (`bases[g]`) form
 * vector `g` of `vec`. Entries the controls exclude go straight to `passed`.
 */
function groupVectors(
  cluster: Cluster,
  op: LocalMatrix,
  passed: Entries,
): { bases: number[]; vec: Float64Array } {
  const { positions, controlMask, controlValue } = op
  const d = 1 << positions.length
  const targetMask = scatter(d - 1, positions)
  const groupOf = new Map<number, number>()
  const bases: number[] = []
  const n = cluster.keys.length
  for (let e = 0; e < n; e++) {
    const key = cluster.keys[e]!
    if ((key & controlMask) !== controlValue) {
      passed.keys.push(key)
      passed.re.push(cluster.re[e]!)
      passed.im.push(cluster.im[e]!)
    } else if (!groupOf.has(key & ~targetMask)) {
      groupOf.set(key & ~targetMask, bases.length)
      bases.push(key & ~targetMask)
    }
  }
  const vec = new Float64Array(2 * d * bases.length)
  for (let e = 0; e < n; e++) {
    const key = cluster.keys[e]!
    if ((key & controlMask) !== controlValue) continue
    const at = 2 * (groupOf.get(key & ~targetMask)! * d + gather(key, positions))
    vec[at] = cluster.re[e]!
    vec[at + 1] = cluster.im[e]!
  }
  return { bases, vec }
}
