/**
 * `npm run bench -- sim [--peers] [--max-qubits N] [--min-qubits N] [--families qft,rand,ghz]
 * [--threads 1,2] [--depth D] [--peer-cap S] [--peer-limit S] [--shots N]`
 *
 * The statevector benchmark: the qft/rand/ghz families (identical to
 * `shared/bench/gen_circuits.py`) from 16 qubits up, on qfabric with one and two threads and,
 * with `--peers`, on the JS peers `quantum-circuit` and `qsharp-lang` in the same run (a peer
 * skips the larger sizes once it needed more than `--peer-cap` seconds). Beside each qfabric time
 * it prints the number of passes over the state and the memory-bandwidth bound for them (this
 * machine's bandwidth is measured first), and the CPU time the run took (all threads; on an
 * otherwise idle machine the one-thread CPU time equals its wall time). Each qfabric cell shows the
 * default run (`structure: 'auto'`: the structured front end first) and the dense engine alone
 * (`structure: 'off'`), and which path the default run took (`product`, `sparse`, `clustered`, or
 * `dense@k`: the dense engine took over after `k` ops); peer ratios are to the default run. Last,
 * one million shots sampled at 20 qubits.
 *
 * Before every timed run the benchmark collects garbage: V8 does not count shared memory towards
 * its collection triggers, so the states of earlier runs would otherwise stay mapped, and each
 * run's time would depend on how many came before it (a fresh mapping beside gigabytes of
 * retained ones is slower to fault in).
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import {
  compileCircuit,
  countStatePasses,
  sampleProgram,
  simulateStatevector,
  terminateWorkers,
} from '@qfabric/sim'
import type { EngineOptions, SimProgram, StatevectorResult } from '@qfabric/sim'
import {
  FAMILIES,
  familyGates,
  gatesToCircuit,
  gatesToQasm,
  type Family,
} from './circuits/gen-circuits.js'
import { measureBandwidth } from './sim-bandwidth.js'
import { PEERS, type Peer, type PeerOutcome, runPeer } from './sim-peers.js'

interface SimBenchOptions {
  readonly peers: boolean
  readonly minQubits: number
  readonly maxQubits: number | undefined
  readonly families: readonly Family[]
  readonly threads: readonly number[]
  readonly depth: number
  readonly peerCap: number
  readonly peerLimit: number
  readonly shots: number
}

/** Default largest size per family (the issue's targets: rand/qft at 24, ghz up to 26). */
const DEFAULT_MAX: Record<Family, number> = { qft: 24, rand: 24, ghz: 26 }

function parseArgs(args: readonly string[]): SimBenchOptions {
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const num = (flag: string, fallback: number): number => {
    const v = value(flag)
    return v === undefined ? fallback : Number(v)
  }
  const max = value('--max-qubits')
  const families = (value('--families')?.split(',') ?? [...FAMILIES]) as Family[]
  for (const f of families) if (!FAMILIES.includes(f)) throw new RangeError(`unknown family ${f}`)
  return {
    peers: args.includes('--peers'),
    minQubits: num('--min-qubits', 16),
    maxQubits: max === undefined ? undefined : Number(max),
    families,
    threads: (value('--threads') ?? '1,2').split(',').map(Number),
    depth: num('--depth', 10),
    peerCap: num('--peer-cap', 20),
    peerLimit: num('--peer-limit', 120),
    shots: num('--shots', 1_000_000),
  }
}

const fmt = (s: number): string => (s < 10 ? s.toFixed(3) : s.toFixed(1))

/** A full garbage collection (`gc`, exposed in a fresh context so no flag is needed). */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  try {
    return runInNewContext('gc') as () => void
  } finally {
    setFlagsFromString('--no-expose-gc')
  }
})()

/** Wall-clock and CPU seconds (all threads of the process) of one statevector run, and its path. */
async function timeQfabric(
  program: SimProgram,
  threads: number,
  structure: NonNullable<EngineOptions['structure']>,
): Promise<{ wall: number; cpu: number; path: string }> {
  collectGarbage()
  const cpu0 = process.cpuUsage()
  const start = performance.now()
  const result = await simulateStatevector(program, { threads, seed: 1, structure })
  const wall = (performance.now() - start) / 1000
  const cpu = process.cpuUsage(cpu0)
  return { wall, cpu: (cpu.user + cpu.system) / 1e6, path: describePath(result) }
}

function describePath(result: StatevectorResult): string {
  const summary = result.structure
  if (summary === undefined) return 'dense'
  return summary.path === 'dense' && summary.structuredOps > 0
    ? `dense@${summary.structuredOps}`
    : summary.path
}

function describePeer(outcome: PeerOutcome | undefined, reference: number): string {
  if (outcome === undefined) return 'skipped'
  switch (outcome.kind) {
    case 'done':
      return `${fmt(outcome.runSeconds)} s (×${(outcome.runSeconds / reference).toFixed(1)})`
    case 'timeout':
      return `> ${outcome.limitSeconds} s`
    case 'failed':
      return `failed: ${outcome.message.slice(0, 60)}`
  }
}

async function benchFamily(
  family: Family,
  options: SimBenchOptions,
  bandwidth: number,
): Promise<void> {
  const max = options.maxQubits ?? DEFAULT_MAX[family]
  const overCap = new Set<Peer>()
  console.log(`\n${family}${family === 'rand' ? ` (depth ${options.depth})` : ''}`)
  for (let n = options.minQubits; n <= max; n += 2) {
    const gates = familyGates(family, n, options.depth)
    const program = compileCircuit(gatesToCircuit(n, gates))
    const { passes } = countStatePasses(program)
    const bound = (passes * 2 * 16 * 2 ** n) / bandwidth
    const cells = [
      `n=${String(n).padStart(2)}`,
      `gates=${String(gates.length).padStart(4)}`,
      `passes=${String(passes).padStart(3)}`,
      `bound ${fmt(bound)} s`,
    ]
    let reference = Infinity
    for (const t of options.threads) {
      const auto = await timeQfabric(program, t, 'auto')
      const dense = await timeQfabric(program, t, 'off')
      reference = Math.min(reference, auto.wall)
      // CPU time beside wall time: on a shared machine it shows the work done.
      cells.push(
        `qfabric ${t}t ${fmt(auto.wall)} s (cpu ${fmt(auto.cpu)} s, ${auto.path}; dense-only ${fmt(dense.wall)} s)`,
      )
    }
    if (options.peers) {
      const qasm = gatesToQasm(n, gates)
      for (const peer of PEERS) {
        const outcome = overCap.has(peer)
          ? undefined
          : await runPeer({ peer, qasm }, options.peerLimit)
        if (outcome?.kind !== 'done' || outcome.runSeconds > options.peerCap) overCap.add(peer)
        cells.push(`${peer} ${describePeer(outcome, reference)}`)
      }
    }
    console.log(cells.join(' | '))
  }
}

async function benchSampling(options: SimBenchOptions): Promise<void> {
  const n = 20
  const ops: SimProgram['ops'][number][] = []
  const s = Math.SQRT1_2
  for (let q = 0; q < n; q++)
    ops.push({ kind: 'matrix', qubits: [q], matrix: Float64Array.of(s, 0, s, 0, s, 0, -s, 0) })
  for (let q = 0; q < n; q++) ops.push({ kind: 'measure', qubit: q, clbit: q })
  const program: SimProgram = { numQubits: n, numClbits: n, ops }
  for (let rep = 0; rep < 2; rep++) {
    const start = performance.now()
    const result = await sampleProgram(program, { shots: options.shots, seed: 1 + rep, threads: 1 })
    const sampled = (performance.now() - start) / 1000
    const keys = Object.keys(result.counts).length
    const counted = (performance.now() - start) / 1000 - sampled
    console.log(
      `sampling: ${options.shots} shots at ${n} qubits in ${fmt(sampled)} s (state preparation included); ` +
        `building the ${keys}-key hex counts object took ${fmt(counted)} s more`,
    )
  }
}

/**
 * Runs the simulator benchmark.
 *
 * @param args - command-line flags (see the file comment)
 */
export async function runSimBench(args: string[]): Promise<void> {
  const options = parseArgs(args)
  const bandwidth = measureBandwidth()
  console.log(
    `memory bandwidth (read+write): ${(bandwidth / 1e9).toFixed(1)} GB/s; bound = passes × 2 × state bytes / bandwidth`,
  )
  // Start the worker pool before timing anything: the workers start on their first pass, so the
  // warm-up needs an op, run densely (an empty program, or one the structured front end writes
  // out sparsely, would never reach them).
  const h = Math.SQRT1_2
  await simulateStatevector(
    {
      numQubits: 2,
      numClbits: 0,
      ops: [{ kind: 'matrix', qubits: [0], matrix: Float64Array.of(h, 0, h, 0, h, 0, -h, 0) }],
    },
    { threads: Math.max(...options.threads), structure: 'off' },
  )
  for (const family of options.families) await benchFamily(family, options, bandwidth)
  console.log('')
  await benchSampling(options)
  await terminateWorkers()
}
