/**
 * The shape every state-update kernel has: the state is split into `groups` independent groups
 * of amplitudes, and `run` updates groups `[lo, hi)`. Ranges are how passes are split between
 * threads and chunks, and the points between them are where cancellation is checked.
 */
export interface OpKernel {
  /** The number of independent amplitude groups (`2^(n − k)` for an op on `k` qubits). */
  readonly groups: number
  /** Updates groups `[lo, hi)` of `state` (interleaved complex amplitudes) in place. */
  run(state: Float64Array, lo: number, hi: number): void
}

/**
 * Where the amplitudes of one group live: zero bits are inserted at the `insert` positions of
 * a group index, `base` is added (set control bits), and `offsets[j]` (amplitude units) locates
 * local basis state `j` of the target qubits.
 */
export interface GroupLayout {
  /** Qubit positions to insert, ascending (controls and targets). */
  readonly insert: readonly number[]
  /** Amplitude offset set in every group (the control bits that must be 1). */
  readonly base: number
  /** Amplitude offset of each local basis state of the targets, in local order. */
  readonly offsets: Int32Array
  /** `(1 << p) − 1` for each insert position `p` (bit arithmetic; indices stay below 2^30). */
  readonly masks: Int32Array
}

/**
 * The layout of an op on `targets` controlled by `controls` in `controlState`.
 *
 * @param targets - the target qubits (bit `j` of a local index = `targets[j]`)
 * @param controls - the control qubits (may be empty)
 * @param controlState - required control values, bit `i` for `controls[i]`
 * @returns the group layout
 * @throws RangeError when a qubit occurs twice
 */
export function groupLayout(
  targets: readonly number[],
  controls: readonly number[] = [],
  controlState = 0,
): GroupLayout {
  const all = [...controls, ...targets]
  if (new Set(all).size !== all.length) {
    throw new RangeError(`an op acts on a repeated qubit: [${all.join(', ')}]`)
  }
  const insert = [...all].sort((a, b) => a - b)
  let base = 0
  controls.forEach((c, i) => {
    if ((controlState >> i) & 1) base += 2 ** c
  })
  const d = 1 << targets.length
  const offsets = new Int32Array(d)
  for (let j = 0; j < d; j++) {
    let o = 0
    for (let t = 0; t < targets.length; t++) if ((j >> t) & 1) o += 2 ** targets[t]!
    offsets[j] = o
  }
  return { insert, base, offsets, masks: Int32Array.from(insert, (p) => (1 << p) - 1) }
}

/**
 * The amplitude index of group `g`'s first amplitude (zero bits inserted, `base` added).
 *
 * @param g - the group index
 * @param insert - ascending positions where zero bits go
 * @returns the index with zeros at those positions
 */
export function insertZeroBits(g: number, insert: readonly number[]): number {
  let i = g
  for (const p of insert) {
    const low = i % 2 ** p
    i = (i - low) * 2 + low
  }
  return i
}
