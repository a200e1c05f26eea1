/**
 * Measures this machine's memory bandwidth the way a statevector pass uses it: one read and one
 * write of every double of a large `Float64Array`.
 */

/**
 * Read-modify-write bandwidth in bytes per second (best of a few sweeps over 256 MiB).
 *
 * @param bytes - the array size (default 256 MiB, a 24-qubit state)
 * @returns bytes moved (read + written) per second
 */
export function measureBandwidth(bytes = 2 ** 28): number {
  const a = new Float64Array(bytes / 8)
  a.fill(1)
  let best = Infinity
  for (let rep = 0; rep < 5; rep++) {
    const start = performance.now()
    for (let i = 0; i < a.length; i++) a[i] = a[i]! * 0.999999
    best = Math.min(best, performance.now() - start)
  }
  return (2 * bytes) / (best / 1000)
}
