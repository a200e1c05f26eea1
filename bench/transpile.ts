/**
 * `npm run bench -- transpile [--level 3] [--topology heavy-hex,linear] [--circuit qft] [--seed 0]`:
 * transpiler quality and speed on the QASMBench small circuits, set up as benchpress runs them
 * (`shared/data/benchpress/README.md`): each circuit onto the abstract topologies all-to-all,
 * linear, square and heavy-hex (sized to the circuit, every edge usable both ways) with the basis
 * `[id, sx, x, rz, cz]` on a generic device with seeded error rates. For each circuit it prints
 * our two-qubit gate count, two-qubit depth and time beside the published Qiskit 2.2 (level 2)
 * and tket 2.6 figures, and the ratios; then the totals and the goal: total cz count on heavy-hex
 * at our level ≤ Qiskit's, with no circuit worse than Qiskit by more than 10%.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { parseQasm } from '@qfabric/core/qasm'
import { CouplingMap } from '@qfabric/core/target'
import { createGenericTarget } from '@qfabric/core/testing'
import { transpile } from '@qfabric/core/transpiler'

const TOPOLOGIES = ['all-to-all', 'linear', 'square', 'heavy-hex'] as const
type Topology = (typeof TOPOLOGIES)[number]
const BASIS = ['id', 'sx', 'x', 'rz', 'cz']

interface ResultRow {
  readonly sdk: string
  readonly circuit: string
  readonly topology: string
  readonly output_gate_count_2q: number | null
  readonly output_depth_2q: number | null
  readonly mean_seconds: number | null
}

interface Measured {
  readonly circuit: string
  readonly qubits: number
  readonly count: number
  readonly depth: number
  readonly ms: number
  readonly qiskit: ResultRow | undefined
  readonly tket: ResultRow | undefined
}

/** The repository root: the nearest ancestor whose package.json declares workspaces. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (
      existsSync(manifest) &&
      'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)
    ) {
      return dir
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error('cannot find the repository root from bench/transpile')
    dir = parent
  }
}

/** The QASMBench small circuits by name, with benchpress's versions where they differ. */
function circuitFiles(data: string): Map<string, string> {
  const files = new Map<string, string>()
  const small = join(data, 'qasmbench/small')
  for (const folder of readdirSync(small)) {
    for (const file of readdirSync(join(small, folder))) {
      if (file.endsWith('.qasm') && !file.endsWith('_transpiled.qasm')) {
        files.set(file.slice(0, -5), join(small, folder, file))
      }
    }
  }
  const variants = join(data, 'benchpress/qasmbench-variants/small')
  for (const folder of readdirSync(variants)) {
    for (const file of readdirSync(join(variants, folder))) {
      if (file.endsWith('.qasm')) files.set(file.slice(0, -5), join(variants, folder, file))
    }
  }
  return files
}

/** The coupling edges of a topology sized for `n` qubits, as benchpress builds them. */
function topologyEdges(topology: Topology, n: number, heavyHex: HeavyHexTable): [number, number][] {
  const edges: [number, number][] = []
  if (topology === 'all-to-all') {
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) edges.push([a, b])
  } else if (topology === 'linear') {
    for (let a = 0; a + 1 < n; a++) edges.push([a, a + 1])
  } else if (topology === 'square') {
    const k = Math.ceil(Math.sqrt(n))
    for (let r = 0; r < k; r++) {
      for (let c = 0; c < k; c++) {
        if (c + 1 < k) edges.push([r * k + c, r * k + c + 1])
        if (r + 1 < k) edges.push([r * k + c, (r + 1) * k + c])
      }
    }
  } else {
    const entry = Object.values(heavyHex)
      .filter((e) => e.num_qubits >= n)
      .sort((a, b) => a.num_qubits - b.num_qubits)[0]
    if (entry === undefined) throw new Error(`no heavy-hex graph has ${n} qubits`)
    edges.push(...entry.edges)
  }
  return edges.flatMap(([a, b]) => [[a, b] as [number, number], [b, a] as [number, number]])
}

type HeavyHexTable = Record<string, { num_qubits: number; edges: [number, number][] }>

function parseArgs(args: readonly string[]): {
  level: number
  topologies: readonly Topology[]
  filter: string | undefined
  seed: number
} {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const topologies = (value('--topology')?.split(',') ?? [...TOPOLOGIES]).map((t) => {
    if (!(TOPOLOGIES as readonly string[]).includes(t)) throw new Error(`unknown topology '${t}'`)
    return t as Topology
  })
  return {
    level: Number(value('--level') ?? 3),
    topologies,
    filter: value('--circuit'),
    seed: Number(value('--seed') ?? 0),
  }
}

/**
 * The longest chain of two-qubit gates through the wires (benchpress's
 * `depth(lambda op: op.num_qubits == 2)` in Qiskit 2, where classical conditions add no layer).
 */
function twoQubitDepth(circuit: QuantumCircuit): number {
  const n = circuit.numQubits
  const levels = new Array<number>(n + circuit.numClbits).fill(0)
  for (const inst of circuit.data) {
    const wires = [...inst.qubits, ...inst.clbits.map((c) => n + c)]
    const counts = inst.qubits.length === 2 && !inst.operation.isDirective ? 1 : 0
    const level = Math.max(0, ...wires.map((w) => levels[w]!)) + counts
    for (const w of wires) levels[w] = level
  }
  return Math.max(0, ...levels)
}

const fmt = (v: number | null | undefined, width: number, digits = 0): string =>
  (v === null || v === undefined ? '-' : v.toFixed(digits)).padStart(width)
const ratio = (ours: number, theirs: number | null | undefined): number | undefined =>
  theirs === null || theirs === undefined
    ? undefined
    : theirs === 0
      ? ours === 0
        ? 1
        : Infinity
      : ours / theirs

function measure(
  circuit: QuantumCircuit,
  options: { topology: Topology; level: number; seed: number; heavyHex: HeavyHexTable },
): { count: number; depth: number; ms: number } {
  const n = circuit.numQubits
  const edges = topologyEdges(options.topology, n, options.heavyHex)
  const size = edges.reduce((m, [a, b]) => Math.max(m, a + 1, b + 1), n)
  const target = createGenericTarget({
    numQubits: size,
    basisGates: BASIS,
    couplingMap: new CouplingMap(edges, { numQubits: size }),
    seed: options.seed,
  })
  const start = performance.now()
  const out = transpile(circuit, { target, optimizationLevel: options.level, seed: options.seed })
  const ms = performance.now() - start
  return { count: out.countOps().get('cz') ?? 0, depth: twoQubitDepth(out), ms }
}

function printTable(topology: Topology, level: number, rows: readonly Measured[]): void {
  console.log(`\n## ${topology} — ours at level ${level} vs Qiskit 2.2 (level 2) and tket 2.6`)
  console.log(
    `${'circuit'.padEnd(22)}${'n'.padStart(4)}${'cz'.padStart(7)}${'qiskit'.padStart(8)}` +
      `${'tket'.padStart(7)}${'÷qiskit'.padStart(9)}${'÷tket'.padStart(7)}${'depth'.padStart(7)}` +
      `${'q.depth'.padStart(8)}${'ms'.padStart(9)}${'q.ms'.padStart(8)}`,
  )
  for (const r of rows) {
    console.log(
      [
        r.circuit.padEnd(22),
        fmt(r.qubits, 4),
        fmt(r.count, 7),
        fmt(r.qiskit?.output_gate_count_2q, 8),
        fmt(r.tket?.output_gate_count_2q, 7),
        fmt(ratio(r.count, r.qiskit?.output_gate_count_2q), 9, 2),
        fmt(ratio(r.count, r.tket?.output_gate_count_2q), 7, 2),
        fmt(r.depth, 7),
        fmt(r.qiskit?.output_depth_2q, 8),
        fmt(r.ms, 9, 1),
        fmt((r.qiskit?.mean_seconds ?? NaN) * 1000, 8, 1),
      ].join(''),
    )
  }
  const sum = (f: (r: Measured) => number | null | undefined): number =>
    rows.reduce((s, r) => s + (f(r) ?? 0), 0)
  const ours = sum((r) => r.count)
  const qiskit = sum((r) => r.qiskit?.output_gate_count_2q)
  const tket = sum((r) => r.tket?.output_gate_count_2q)
  console.log(
    `${'TOTAL'.padEnd(26)}${fmt(ours, 7)}${fmt(qiskit, 8)}${fmt(tket, 7)}` +
      `${fmt(ratio(ours, qiskit), 9, 3)}${fmt(ratio(ours, tket), 7, 3)}` +
      `${fmt(
        sum((r) => r.depth),
        7,
      )}${fmt(
        sum((r) => r.qiskit?.output_depth_2q),
        8,
      )}` +
      `${fmt(
        sum((r) => r.ms),
        9,
        0,
      )}${fmt(
        sum((r) => (r.qiskit?.mean_seconds ?? 0) * 1000),
        8,
        0,
      )}`,
  )
  if (topology === 'heavy-hex') {
    const worse = rows.filter((r) => (ratio(r.count, r.qiskit?.output_gate_count_2q) ?? 0) > 1.1)
    const met = ours <= qiskit && worse.length === 0
    console.log(
      `goal (heavy-hex total ≤ Qiskit level 2, no circuit > +10%): ${met ? 'MET' : 'NOT MET'}` +
        ` — total ${ours} vs ${qiskit}` +
        (worse.length > 0 ? `; worse by > 10%: ${worse.map((r) => r.circuit).join(', ')}` : ''),
    )
  }
}

/**
 * Runs the benchmark and prints its figures.
 *
 * @param args - `--level`, `--topology`, `--circuit`, `--seed`
 */
export async function runTranspileBench(args: string[]): Promise<void> {
  const options = parseArgs(args)
  const data = resolve(repositoryRoot(), '../shared/data')
  const results = JSON.parse(
    readFileSync(join(data, 'benchpress/results_qasmbench_small.json'), 'utf8'),
  ) as { rows: ResultRow[] }
  const heavyHex = (
    JSON.parse(readFileSync(join(data, 'benchpress/abstract_topologies.json'), 'utf8')) as {
      'heavy-hex': HeavyHexTable
    }
  )['heavy-hex']
  const files = circuitFiles(data)
  const names = [...new Set(results.rows.map((r) => r.circuit))]
    .filter(
      (name) => files.has(name) && (options.filter === undefined || name.includes(options.filter)),
    )
    .sort()
  const circuits = new Map<string, QuantumCircuit>()
  for (const name of names) {
    const qc = parseQasm(readFileSync(files.get(name)!, 'utf8'))
    qc.name = name
    circuits.set(name, qc)
  }
  for (const topology of options.topologies) {
    const rows: Measured[] = []
    for (const name of names) {
      const circuit = circuits.get(name)!
      const find = (sdk: string): ResultRow | undefined =>
        results.rows.find((r) => r.sdk === sdk && r.circuit === name && r.topology === topology)
      const m = measure(circuit, { ...options, topology, heavyHex })
      rows.push({
        circuit: name,
        qubits: circuit.numQubits,
        ...m,
        qiskit: find('qiskit'),
        tket: find('tket'),
      })
      await new Promise((r) => setImmediate(r))
    }
    printTable(topology, options.level, rows)
  }
}
