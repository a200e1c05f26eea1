/** The absolute tolerance used by every numeric comparison that does not take its own `atol`. */
export const DEFAULT_ATOL = 1e-10

/** Whether `a` and `b` differ by at most `atol`. */
export function isClose(a: number, b: number, atol: number = DEFAULT_ATOL): boolean {
  return Math.abs(a - b) <= atol
}
