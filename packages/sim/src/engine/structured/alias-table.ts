/**
 * Walker's alias method (Vose's construction): after O(k) set-up, a draw from a distribution over
 * `k` outcomes costs one uniform and one table look-up, whatever the distribution's shape.
 */

/** A distribution prepared for O(1) draws. */
export interface AliasTable {
  /** The number of columns (outcomes with non-zero probability). */
  readonly size: number
  /** Per column, the probability of keeping the column's own outcome. */
  readonly keep: Float64Array
  /** Per column, the outcome when not kept (a column index). */
  readonly alias: Int32Array
}

/**
 * Builds the table of a distribution. Weights need not be normalized; outcomes of weight zero
 * must be left out by the caller (rounding could otherwise make them drawable).
 *
 * @param weights - positive weights, one per outcome
 * @returns the table; column `j` is outcome `j`
 * @throws RangeError when `weights` is empty or has a weight that is not positive and finite
 */
export function createAliasTable(weights: Float64Array): AliasTable {
  const k = weights.length
  let total = 0
  for (let j = 0; j < k; j++) {
    const w = weights[j]!
    if (!(w > 0 && Number.isFinite(w)))
      throw new RangeError(`alias table weights must be positive, got ${w}`)
    total += w
  }
  if (k === 0) throw new RangeError('an alias table needs at least one outcome')
  const keep = new Float64Array(k)
  const alias = new Int32Array(k)
  // Scaled so that the average column holds exactly 1.
  const scaled = new Float64Array(k)
  const small: number[] = []
  const large: number[] = []
  for (let j = 0; j < k; j++) {
    scaled[j] = (weights[j]! * k) / total
    alias[j] = j
    ;(scaled[j]! < 1 ? small : large).push(j)
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!
    const l = large.pop()!
    keep[s] = scaled[s]!
    alias[s] = l
    scaled[l] = scaled[l]! + scaled[s]! - 1
    ;(scaled[l] < 1 ? small : large).push(l)
  }
  // What is left over holds 1 up to rounding: those columns keep their own outcome.
  for (const j of large) keep[j] = 1
  for (const j of small) keep[j] = 1
  return { size: k, keep, alias }
}

/**
 * Draws an outcome. One uniform picks the column with its high bits and flips the column's
 * coin with the rest (`53 − log2(size)` bits: 41 for a table of 4096 outcomes).
 *
 * @param table - the table
 * @param u - a uniform double in `[0, 1)`
 * @returns the outcome (a column index)
 */
export function drawAlias(table: AliasTable, u: number): number {
  const x = u * table.size
  const j = Math.floor(x)
  return x - j < table.keep[j]! ? j : table.alias[j]!
}
