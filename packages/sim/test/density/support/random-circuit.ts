/**
 * Seeded random circuits of standard gates (every fixed-width gate of the library, plus mcx/mcp
 * and a global phase) for property tests of the density-matrix and unitary engines.
 */
import {
  QuantumCircuit,
  STANDARD_GATE_NAMES,
  STANDARD_GATE_SPECS,
  standardGate,
} from '@qfabric/core/circuit'
import fc from 'fast-check'
import { mulberry32 } from '../../helpers/random-ops.js'

const FIXED = STANDARD_GATE_NAMES.filter((name) => {
  const width = STANDARD_GATE_SPECS[name].numQubits
  return typeof width === 'number' && width > 0
})

function distinct(n: number, k: number, rnd: () => number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i)
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, k)
}

/** A random circuit of `length` standard gates on `n` qubits (global phase set at random). */
export function randomCircuit(n: number, length: number, seed: number): QuantumCircuit {
  const rnd = mulberry32(seed)
  const qc = new QuantumCircuit(n)
  qc.globalPhase = rnd() * 2 * Math.PI
  for (let g = 0; g < length; g++) {
    const r = rnd()
    if (r < 0.05 && n >= 2) {
      const k = 2 + Math.floor(rnd() * (n - 1))
      const qubits = distinct(n, k, rnd)
      if (rnd() < 0.5) qc.mcx(qubits.slice(0, -1), qubits[k - 1]!)
      else qc.mcp(rnd() * 6, qubits.slice(0, -1), qubits[k - 1]!)
      continue
    }
    const fits = FIXED.filter((name) => (STANDARD_GATE_SPECS[name].numQubits as number) <= n)
    const name = fits[Math.floor(rnd() * fits.length)]!
    const spec = STANDARD_GATE_SPECS[name]
    const params = spec.params.map(() => rnd() * 4 * Math.PI - 2 * Math.PI)
    qc.append(standardGate(name, params), distinct(n, spec.numQubits as number, rnd))
  }
  return qc
}

/** fast-check arbitrary: a random standard-gate circuit on 1–`maxQubits` qubits. */
export function arbitraryCircuit(maxQubits: number, maxLength = 25): fc.Arbitrary<QuantumCircuit> {
  return fc
    .record({
      n: fc.integer({ min: 1, max: maxQubits }),
      length: fc.integer({ min: 0, max: maxLength }),
      seed: fc.integer(),
    })
    .map(({ n, length, seed }) => randomCircuit(n, length, seed))
}
