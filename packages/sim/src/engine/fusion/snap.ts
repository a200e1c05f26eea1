/**
 * Rounds values within a few ulps of 0, ±1 to exactly 0, ±1, so that the code generator can fold
 * them (cos(π) = −1 but sin(π) = 1.2e-16). The change is of the order of one rounding error.
 */
export const SNAP_EPSILON = 3e-16

/**
 * `x` snapped to 0, 1 or −1 when within {@link SNAP_EPSILON}.
 *
 * @param x - a matrix entry component
 * @returns the snapped value
 */
export function snap(x: number): number {
  if (Math.abs(x) <= SNAP_EPSILON) return 0
  if (Math.abs(x - 1) <= SNAP_EPSILON) return 1
  if (Math.abs(x + 1) <= SNAP_EPSILON) return -1
  return x
}
