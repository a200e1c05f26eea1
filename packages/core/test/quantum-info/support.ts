import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { standardGate } from '../../src/circuit/library/standard-gates.js'
import type { StandardGateName } from '../../src/circuit/library/standard-gate-specs.js'
import type { SeededRng } from '../../src/internal/seeded-rng.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'

/** Gates a random test circuit draws from: [name, qubits, params]. */
const GATES: readonly (readonly [StandardGateName, number, number])[] = [
  ['h', 1, 0],
  ['x', 1, 0],
  ['y', 1, 0],
  ['z', 1, 0],
  ['s', 1, 0],
  ['t', 1, 0],
  ['sx', 1, 0],
  ['rx', 1, 1],
  ['ry', 1, 1],
  ['rz', 1, 1],
  ['u', 1, 3],
  ['cx', 2, 0],
  ['cz', 2, 0],
  ['swap', 2, 0],
  ['rzz', 2, 1],
  ['cp', 2, 1],
  ['ccx', 3, 0],
]

/**
 * A random circuit of standard gates (with a global phase) from a seeded rng.
 *
 * @param numQubits - the width (≥ 3 for every gate to be usable)
 * @param depth - the number of gates
 * @param rng - the random source
 */
export function randomCircuit(numQubits: number, depth: number, rng: SeededRng): QuantumCircuit {
  const qc = new QuantumCircuit(numQubits)
  qc.globalPhase = rng.uniform(-Math.PI, Math.PI)
  const usable = GATES.filter(([, k]) => k <= numQubits)
  for (let d = 0; d < depth; d++) {
    const [name, k, np] = usable[rng.int(usable.length)]!
    const qubits: number[] = []
    while (qubits.length < k) {
      const q = rng.int(numQubits)
      if (!qubits.includes(q)) qubits.push(q)
    }
    const params = Array.from({ length: np }, () => rng.uniform(-Math.PI, Math.PI))
    qc.append(standardGate(name, params), qubits)
  }
  return qc
}

/**
 * The `2ⁿ×2ⁿ` matrix of a `2ᵏ×2ᵏ` operator acting on `qargs` (its qubit t on qargs[t]), built
 * entry by entry: an independent reference for the index arithmetic under test.
 */
export function embed(
  op: ComplexMatrix,
  qargs: readonly number[],
  numQubits: number,
): ComplexMatrix {
  const dim = 1 << numQubits
  let mask = 0
  for (const q of qargs) mask |= 1 << q
  const sub = (i: number): number => qargs.reduce((acc, q, t) => acc | (((i >> q) & 1) << t), 0)
  const out = new ComplexMatrix(dim, dim)
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < dim; j++) {
      if ((i & ~mask) !== (j & ~mask)) continue
      out.set(i, j, op.get(sub(i), sub(j)))
    }
  }
  return out
}

/** Interleaved amplitudes as a numpy-readable list of [re, im]. */
export function pairs(data: Float64Array): [number, number][] {
  const out: [number, number][] = []
  for (let k = 0; k < data.length; k += 2) out.push([data[k]!, data[k + 1]!])
  return out
}
