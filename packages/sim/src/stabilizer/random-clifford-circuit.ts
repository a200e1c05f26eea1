/**
 * Seeded random Clifford circuits in layers, for tests and the benchmark.
 */
import { QuantumCircuit, standardGate, type StandardGate } from '@qfabric/core/circuit'
import { createRng } from '../engine/random/seeded-rng.js'

/** The one-qubit gates a layer draws from. */
export const RANDOM_CLIFFORD_ONE_QUBIT_GATES = ['h', 's', 'sdg', 'x', 'y', 'z', 'sx'] as const

/** Options of {@link randomCliffordCircuit}. */
export interface RandomCliffordCircuitOptions {
  /** The number of qubits (≥ 1). */
  readonly numQubits: number
  /** The number of layers. */
  readonly layers: number
  /** The seed; equal seeds give equal circuits. */
  readonly seed: number
  /** Append a measurement of every qubit q into clbit q (default false: no clbits). */
  readonly measure?: boolean | undefined
}

/**
 * A random Clifford circuit: each layer applies a uniformly drawn gate of
 * {@link RANDOM_CLIFFORD_ONE_QUBIT_GATES} to every qubit, then pairs the qubits at random into
 * ⌊n/2⌋ disjoint pairs, each getting `cx` (in a random direction) or `cz`.
 *
 * @param options - width, depth, seed and whether to measure
 * @returns a new circuit (`n · layers + ⌊n/2⌋ · layers` gates, plus n measurements if asked)
 * @throws RangeError for a width below 1 or a negative layer count
 * @example
 * ```ts
 * const qc = randomCliffordCircuit({ numQubits: 1000, layers: 1000, seed: 1, measure: true })
 * ```
 */
export function randomCliffordCircuit(options: RandomCliffordCircuitOptions): QuantumCircuit {
  const { numQubits: n, layers, seed } = options
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`numQubits must be a positive integer, got ${n}`)
  if (!Number.isInteger(layers) || layers < 0)
    throw new RangeError(`layers must be a non-negative integer, got ${layers}`)
  const rng = createRng(seed)
  const pick = (k: number): number => Math.floor(rng.nextDouble() * k)
  const qc = options.measure === true ? new QuantumCircuit(n, n) : new QuantumCircuit(n)
  // Gates are immutable values: one instance per kind keeps building a million gates cheap.
  const oneQubit: readonly StandardGate[] = RANDOM_CLIFFORD_ONE_QUBIT_GATES.map((g) =>
    standardGate(g),
  )
  const twoQubit: readonly StandardGate[] = [standardGate('cx'), standardGate('cz')]
  const order = Array.from({ length: n }, (_, i) => i)
  for (let layer = 0; layer < layers; layer++) {
    for (let q = 0; q < n; q++)
      qc.appendRaw({ operation: oneQubit[pick(7)]!, qubits: [q], clbits: [] })
    for (let i = n - 1; i > 0; i--) {
      const j = pick(i + 1)
      const t = order[i]!
      order[i] = order[j]!
      order[j] = t
    }
    for (let i = 0; i + 1 < n; i += 2) {
      qc.appendRaw({
        operation: twoQubit[pick(2)]!,
        qubits: [order[i]!, order[i + 1]!],
        clbits: [],
      })
    }
  }
  if (options.measure === true) for (let q = 0; q < n; q++) qc.measure(q, q)
  return qc
}
