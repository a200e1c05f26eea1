/**
 * A cluster: a group of qubits whose joint state is kept as a sparse amplitude list, one factor of
 * the tensor product the structured front end tracks (qsharp's sparse simulator keeps the whole
 * state this way; keeping it per cluster is entanglement tracking, as in qubit clustering).
 *
 * Bit `j` of an entry's key is the state of `qubits[j]`. Keys are distinct, amplitudes are
 * non-zero (exact zeros are dropped, nothing else), and clusters are never mutated once built.
 */

/** A group of qubits and its sparse joint amplitudes. */
export interface Cluster {
  /** The global qubits; bit `j` of a key is `qubits[j]`. */
  readonly qubits: readonly number[]
  /** Local basis-state indices of the non-zero amplitudes. */
  readonly keys: Int32Array
  /** Real parts, by entry. */
  readonly re: Float64Array
  /** Imaginary parts, by entry. */
  readonly im: Float64Array
}

/**
 * The cluster of one qubit in a basis state.
 *
 * @param qubit - the global qubit
 * @param value - its state (0 or 1)
 * @returns a one-entry cluster with amplitude 1
 */
export function basisCluster(qubit: number, value: number): Cluster {
  return {
    qubits: [qubit],
    keys: Int32Array.of(value),
    re: Float64Array.of(1),
    im: Float64Array.of(0),
  }
}

/**
 * The local bits on which all entries agree, and their common values.
 *
 * @param cluster - the cluster
 * @returns `mask` (bit `j` set when `qubits[j]` is in a definite basis state) and `values`
 */
export function definiteBits(cluster: Cluster): { mask: number; values: number } {
  const { keys } = cluster
  let and = -1
  let or = 0
  for (let e = 0; e < keys.length; e++) {
    and &= keys[e]!
    or |= keys[e]!
  }
  // At most 30 qubits (the engine's limit), so the shift stays positive.
  const all = (1 << cluster.qubits.length) - 1
  return { mask: ~(and ^ or) & all, values: and & all }
}

/**
 * The tensor product of two clusters (`a`'s qubits first).
 *
 * @param a - the low factor
 * @param b - the high factor
 * @returns a cluster with `a.keys.length · b.keys.length` entries
 */
export function mergeClusters(a: Cluster, b: Cluster): Cluster {
  const na = a.keys.length
  const nb = b.keys.length
  const shift = a.qubits.length
  const keys = new Int32Array(na * nb)
  const re = new Float64Array(na * nb)
  const im = new Float64Array(na * nb)
  let e = 0
  for (let j = 0; j < nb; j++) {
    const high = b.keys[j]! << shift
    const br = b.re[j]!
    const bi = b.im[j]!
    for (let i = 0; i < na; i++, e++) {
      keys[e] = high | a.keys[i]!
      re[e] = a.re[i]! * br - a.im[i]! * bi
      im[e] = a.re[i]! * bi + a.im[i]! * br
    }
  }
  return { qubits: [...a.qubits, ...b.qubits], keys, re, im }
}

/**
 * Factors the qubits in definite basis states out of a cluster (they never need to be merged
 * with anything because of it).
 *
 * @param cluster - the cluster
 * @returns the remaining cluster (undefined when every qubit was definite; its single amplitude
 *   is then `scalar`) and one basis cluster per factored qubit
 */
export function splitDefinite(cluster: Cluster): {
  rest: Cluster | undefined
  scalar: readonly [number, number]
  singles: Cluster[]
} {
  const { mask, values } = definiteBits(cluster)
  if (mask === 0) return { rest: cluster, scalar: [1, 0], singles: [] }
  const singles: Cluster[] = []
  const kept: number[] = []
  const keptQubits: number[] = []
  cluster.qubits.forEach((q, j) => {
    if ((mask >> j) & 1) singles.push(basisCluster(q, (values >> j) & 1))
    else {
      kept.push(j)
      keptQubits.push(q)
    }
  })
  if (kept.length === 0) {
    return { rest: undefined, scalar: [cluster.re[0]!, cluster.im[0]!], singles }
  }
  const keys = new Int32Array(cluster.keys.length)
  for (let e = 0; e < keys.length; e++) {
    const key = cluster.keys[e]!
    let packed = 0
    for (let t = 0; t < kept.length; t++) packed |= ((key >> kept[t]!) & 1) << t
    keys[e] = packed
  }
  return {
    rest: { qubits: keptQubits, keys, re: cluster.re, im: cluster.im },
    scalar: [1, 0],
    singles,
  }
}
