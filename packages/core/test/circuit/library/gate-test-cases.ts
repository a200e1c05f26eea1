import { ComplexMatrix } from '../../../src/math/complex-matrix.js'
import {
  STANDARD_GATE_NAMES,
  STANDARD_GATE_SPECS,
  type StandardGateName,
} from '../../../src/circuit/library/standard-gate-specs.js'

/** A small seeded generator (mulberry32), so that drawn angles are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One gate instance with numeric parameters. */
export interface GateCase {
  readonly name: StandardGateName
  readonly params: number[]
  readonly numCtrlQubits?: number
}

/**
 * `draws` parameter draws in (−2π, 2π) for every standard gate, with `mcx`/`mcp` at each of
 * `ctrlCounts` controls.
 */
export function gateCases(seed: number, draws: number, ctrlCounts: readonly number[]): GateCase[] {
  const next = seededRandom(seed)
  const out: GateCase[] = []
  for (const name of STANDARD_GATE_NAMES) {
    const variable = STANDARD_GATE_SPECS[name].numQubits === 'variable'
    for (const n of variable ? ctrlCounts : [undefined]) {
      for (let d = 0; d < draws; d++) {
        const params = STANDARD_GATE_SPECS[name].params.map(() => (next() * 4 - 2) * Math.PI)
        out.push(n === undefined ? { name, params } : { name, params, numCtrlQubits: n })
      }
    }
  }
  return out
}

/** `name(params)` for assertion messages. */
export function describeCase(c: GateCase): string {
  const ctrl = c.numCtrlQubits === undefined ? '' : `[${c.numCtrlQubits} ctrl]`
  return `${c.name}${ctrl}(${c.params.map((p) => p.toFixed(3)).join(', ')})`
}

/**
 * `U` controlled by `n` qubits in state `state` (bit k = control k), built as a sum of
 * projectors: `Σ_{s≠state} U_s ⊗ |s⟩⟨s|` in little-endian order (controls on the low qubits),
 * an independent construction of the controlled matrix.
 */
export function blockControlled(u: ComplexMatrix, n: number, state: number): ComplexMatrix {
  const dimC = 2 ** n
  let out = new ComplexMatrix(u.rows * dimC, u.rows * dimC)
  for (let s = 0; s < dimC; s++) {
    const proj = new ComplexMatrix(dimC, dimC)
    proj.set(s, s, 1)
    const block = s === state ? u : ComplexMatrix.identity(u.rows)
    out = out.add(block.kron(proj))
  }
  return out
}
