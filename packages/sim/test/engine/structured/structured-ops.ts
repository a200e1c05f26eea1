/**
 * Random circuits for the structured front end's property tests: a stretch of gates that keep a
 * state a product or sparse (basis permutations, diagonals, controlled gates, a few Hadamards),
 * then arbitrary gates that make it dense.
 */
import {
  QuantumCircuit,
  STANDARD_GATE_NAMES,
  STANDARD_GATE_SPECS,
  standardGate,
  type StandardGateName,
} from '@qfabric/core/circuit'
import type { TargetOp, UnitaryOp } from '../../../src/engine/sim-program.js'
import { H } from '../../helpers/gates.js'
import { mulberry32, randomOp, randomUnitary } from '../../helpers/random-ops.js'

function distinct(n: number, k: number, rnd: () => number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i)
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  return pool.slice(0, k)
}

function phaseDiagonal(qubits: number[], rnd: () => number, exact: boolean): TargetOp {
  const d = 2 ** qubits.length
  const diagonal = new Float64Array(2 * d)
  for (let j = 0; j < d; j++) {
    // Some entries exactly 1 (as in CZ and CP), so that restrictions can become the identity.
    const a = exact && rnd() < 0.5 ? 0 : rnd() * 2 * Math.PI
    diagonal[2 * j] = Math.cos(a)
    diagonal[2 * j + 1] = Math.sin(a)
  }
  return { kind: 'diagonal', qubits, diagonal }
}

function permutation(qubits: number[], rnd: () => number): TargetOp {
  const d = 2 ** qubits.length
  const perm = Int32Array.from(distinct(d, d, rnd))
  if (rnd() < 0.5) return { kind: 'permutation', qubits, permutation: perm }
  const phases = new Float64Array(2 * d)
  for (let j = 0; j < d; j++) {
    const a = rnd() * 2 * Math.PI
    phases[2 * j] = Math.cos(a)
    phases[2 * j + 1] = Math.sin(a)
  }
  return { kind: 'permutation', qubits, permutation: perm, phases }
}

/** One gate that keeps most structure (on `n ≥ 1` qubits). */
export function structuredOp(n: number, rnd: () => number): UnitaryOp {
  const r = rnd()
  const k = Math.min(n, 1 + Math.floor(rnd() * 3))
  const qubits = distinct(n, k, rnd)
  if (r < 0.12) return { kind: 'matrix', qubits: [qubits[0]!], matrix: H }
  if (r < 0.18) return { kind: 'matrix', qubits: [qubits[0]!], matrix: randomUnitary(2, rnd) }
  if (r < 0.4) return phaseDiagonal(qubits, rnd, true)
  if (r < 0.6) return permutation(qubits, rnd)
  if (r < 0.65) return { kind: 'global-phase', phase: rnd() * 2 * Math.PI }
  if (n < 2) return permutation(qubits, rnd)
  const all = distinct(n, Math.min(n, 2 + Math.floor(rnd() * 3)), rnd)
  const t = Math.min(all.length - 1, 1 + Math.floor(rnd() * 2))
  const controls = all.slice(t)
  const targets = all.slice(0, t)
  const kind = rnd()
  const target: TargetOp =
    kind < 0.4
      ? permutation(targets, rnd)
      : kind < 0.8
        ? phaseDiagonal(targets, rnd, true)
        : { kind: 'matrix', qubits: [targets[0]!], matrix: randomUnitary(2, rnd) }
  return {
    kind: 'controlled',
    controls,
    controlState: Math.floor(rnd() * 2 ** controls.length),
    target,
  }
}

/**
 * `structured` gates that keep structure, then `dense` arbitrary gates.
 *
 * @param n - qubits
 * @param structured - leading structure-keeping gates
 * @param dense - trailing arbitrary gates
 * @param seed - the seed
 * @returns the ops
 */
export function mixedOps(n: number, structured: number, dense: number, seed: number): UnitaryOp[] {
  const rnd = mulberry32(seed)
  const ops: UnitaryOp[] = []
  for (let i = 0; i < structured; i++) ops.push(structuredOp(n, rnd))
  for (let i = 0; i < dense; i++) ops.push(randomOp(n, rnd))
  return ops
}

/** QFT on the basis state with every odd qubit set (the benchmark's `qft` family). */
export function qftOps(n: number): UnitaryOp[] {
  const ops: UnitaryOp[] = []
  for (let q = 1; q < n; q += 2)
    ops.push({ kind: 'permutation', qubits: [q], permutation: Int32Array.of(1, 0) })
  for (let j = n - 1; j >= 0; j--) {
    ops.push({ kind: 'matrix', qubits: [j], matrix: H })
    for (let k = j - 1; k >= 0; k--) {
      const a = Math.PI / 2 ** (j - k)
      ops.push({
        kind: 'diagonal',
        qubits: [k, j],
        diagonal: Float64Array.of(1, 0, 1, 0, 1, 0, Math.cos(a), Math.sin(a)),
      })
    }
  }
  return ops
}

/** H(0), then a CX chain (the benchmark's `ghz` family). */
export function ghzOps(n: number): UnitaryOp[] {
  const ops: UnitaryOp[] = [{ kind: 'matrix', qubits: [0], matrix: H }]
  for (let i = 0; i + 1 < n; i++)
    ops.push({ kind: 'permutation', qubits: [i, i + 1], permutation: Int32Array.of(0, 3, 2, 1) })
  return ops
}

/** Standard gates that map basis states to basis states (up to phase). */
const BASIS_PRESERVING = new Set<StandardGateName>([
  ...(['id', 'x', 'y', 'z', 's', 'sdg', 't', 'tdg', 'p', 'rz', 'u1', 'global_phase'] as const),
  ...(['cx', 'cy', 'cz', 'cs', 'csdg', 'cp', 'crz', 'cu1', 'swap', 'iswap', 'dcx'] as const),
  ...(['rzz', 'ccx', 'ccz', 'cswap', 'c3x', 'mcx', 'mcp'] as const),
])

/**
 * A random circuit of standard gates: `structured` gates that mostly preserve basis states (one
 * in five creates superposition), then `dense` gates drawn from the whole library.
 *
 * @param n - qubits
 * @param structured - leading mostly basis-preserving gates
 * @param dense - trailing gates of any kind
 * @param seed - the seed
 * @returns the circuit
 */
export function standardCircuit(
  n: number,
  structured: number,
  dense: number,
  seed: number,
): QuantumCircuit {
  const rnd = mulberry32(seed)
  const qc = new QuantumCircuit(n)
  const keep = STANDARD_GATE_NAMES.filter((g) => BASIS_PRESERVING.has(g))
  for (let i = 0; i < structured + dense; i++) {
    const pool = i < structured && rnd() < 0.8 ? keep : STANDARD_GATE_NAMES
    const name = pool[Math.floor(rnd() * pool.length)]!
    const spec = STANDARD_GATE_SPECS[name]
    const controls = spec.numQubits === 'variable' ? 1 + Math.floor(rnd() * 3) : undefined
    const width = spec.numQubits === 'variable' ? controls! + 1 : spec.numQubits
    if (width > n) continue
    const qubits = Array.from({ length: n }, (_, q) => q)
      .sort(() => rnd() - 0.5)
      .slice(0, width)
    const params = spec.params.map(() => rnd() * 2 * Math.PI)
    qc.append(standardGate(name, params, { numCtrlQubits: controls }), qubits)
  }
  return qc
}
