import { Barrier } from '../../../../src/circuit/directives.js'
import { QuantumCircuit } from '../../../../src/circuit/quantum-circuit.js'
import { UnitaryGate } from '../../../../src/circuit/unitary-gate.js'
import { SeededRng } from '../../../../src/internal/seeded-rng.js'
import { randomUnitary } from '../../../../src/math/random-unitary.js'
import { Operator } from '../../../../src/quantum-info/operator.js'
import { Statevector } from '../../../../src/quantum-info/statevector.js'
import {
  getTranspileLayout,
  type TranspileLayout,
} from '../../../../src/transpiler/layout/transpile-layout.js'

const ATOL = 1e-6

/**
 * The circuit restricted to the qubits it touches (plus `extra`), re-indexed in order; with
 * `clbits`, each measurement into clbit `c` becomes a CNOT onto a fresh qubit standing for `c`
 * (deferred measurement: valid while nothing reads the clbits, and exact even when routing
 * moves other qubits through a measured one afterwards).
 */
function restrict(
  circuit: QuantumCircuit,
  options: { readonly extra?: readonly number[]; readonly clbits?: number },
): { sub: QuantumCircuit; index: Map<number, number> } {
  const active = new Set(options.extra ?? [])
  for (const inst of circuit.data) {
    if (inst.operation.isDirective || inst.operation.name === 'delay') continue
    for (const q of inst.qubits) active.add(q)
  }
  const order = [...active].sort((a, b) => a - b)
  const index = new Map(order.map((q, i) => [q, i]))
  const sub = new QuantumCircuit(order.length + (options.clbits ?? 0))
  sub.globalPhase = circuit.globalPhase
  for (const inst of circuit.data) {
    const op = inst.operation
    if (op instanceof Barrier || op.name === 'delay') continue
    if (op.name === 'measure') {
      sub.cx(index.get(inst.qubits[0]!)!, order.length + inst.clbits[0]!)
      continue
    }
    sub.append(op, inst.qubits.map((q) => index.get(q)!))
  }
  return { sub, index }
}

/** The distribution of the last `numClbits` qubits (the deferred clbits). */
function clbitDistribution(circuit: QuantumCircuit, numClbits: number): Float64Array {
  const offset = circuit.numQubits - numClbits
  return Statevector.fromCircuit(circuit).probabilities(
    Array.from({ length: numClbits }, (_, c) => offset + c),
  )
}

/**
 * Asserts that a transpiled circuit does what its input does: for circuits ending in
 * measurements, the same distribution over the clbits; otherwise the same unitary up to global
 * phase once the initial layout and routing permutation are accounted for (all inputs with the
 * ancillas in |0⟩: an operator check on ≤ 8 active qubits, random states beyond).
 *
 * @throws Error describing the first mismatch
 */
export function assertEquivalent(
  input: QuantumCircuit,
  output: QuantumCircuit,
  options: { readonly layout?: TranspileLayout | undefined; readonly seed?: number } = {},
): void {
  const hasMeasure = input.data.some((i) => i.operation.name === 'measure')
  if (hasMeasure) {
    const clbits = input.numClbits
    const inner = restrict(input, { extra: [...input.qubits.keys()], clbits })
    const outer = restrict(output, { clbits })
    const expected = clbitDistribution(inner.sub, clbits)
    const got = clbitDistribution(outer.sub, clbits)
    expected.forEach((p, k) => {
      if (Math.abs(p - got[k]!) > ATOL) {
        throw new Error(`outcome ${k.toString(2)}: expected probability ${p}, got ${got[k]}`)
      }
    })
    return
  }
  // A circuit's layout lives in a side table keyed by the object: bound copies lose it.
  const layout = options.layout ?? getTranspileLayout(output)
  const n = input.numQubits
  const initial = layout?.initialIndexLayout({ filterAncillas: true }) ?? [...input.qubits.keys()]
  const final = layout?.finalIndexLayout() ?? initial
  const { sub, index } = restrict(output, { extra: [...initial, ...final] })
  const at = (physical: readonly number[]): number[] => physical.map((p) => index.get(p)!)
  const uIn = Operator.fromCircuit(input).data
  if (sub.numQubits <= 8) {
    compareColumns(Operator.fromCircuit(sub).data, uIn, { from: at(initial), to: at(final), n })
    return
  }
  const rng = new SeededRng(options.seed ?? 1)
  for (let trial = 0; trial < 2; trial++) {
    const v = new UnitaryGate(randomUnitary(1 << n, rng))
    const prepared = new QuantumCircuit(sub.numQubits).append(v, at(initial)).compose(sub)
    const expected = new QuantumCircuit(sub.numQubits)
      .append(v, at(final))
      .append(new UnitaryGate(uIn), at(final))
    if (!Statevector.fromCircuit(prepared).equiv(Statevector.fromCircuit(expected), { atol: ATOL })) {
      throw new Error('the transpiled circuit maps a random input state differently')
    }
  }
}

function compareColumns(
  uOut: ReturnType<typeof Operator.prototype.toMatrix>,
  uIn: ReturnType<typeof Operator.prototype.toMatrix>,
  map: { readonly from: readonly number[]; readonly to: readonly number[]; readonly n: number },
): void {
  const place = (x: number, positions: readonly number[]): number => {
    let i = 0
    for (let v = 0; v < map.n; v++) if ((x >> v) & 1) i |= 1 << positions[v]!
    return i
  }
  // The global phase, from the largest entry of the first column.
  let best = 0
  for (let y = 1; y < 1 << map.n; y++) if (uIn.get(y, 0).abs() > uIn.get(best, 0).abs()) best = y
  const phase = uOut.get(place(best, map.to), place(0, map.from)).div(uIn.get(best, 0))
  for (let x = 0; x < 1 << map.n; x++) {
    const col = place(x, map.from)
    const expected = new Map<number, number>()
    for (let y = 0; y < 1 << map.n; y++) expected.set(place(y, map.to), y)
    for (let row = 0; row < uOut.rows; row++) {
      const y = expected.get(row)
      const want = y === undefined ? 0 : uIn.get(y, x).mul(phase)
      if (!uOut.get(row, col).equals(want, ATOL)) {
        throw new Error(`unitaries differ at row ${row}, input ${x}`)
      }
    }
  }
}
