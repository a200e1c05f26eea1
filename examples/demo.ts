/**
 * `npm run demo`: the job-service workflow end to end, in well under a minute.
 *
 * It starts an embedded qfabric service (SQLite in a temporary directory, one worker), saves an
 * account for it in a temporary accounts file and loads it, lists the backends and the least
 * busy one, submits the example circuits to the ideal simulator and — transpiled for its target —
 * to the noisy fake device `fake_manila`, prints every status and queue-position change as it
 * happens, prints each circuit's ideal and noisy histograms side by side, lists the jobs, and
 * stops the service, removing everything it wrote.
 */
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { FileAccountStore, QfabricService, type RemoteBackend } from '@qfabric/client'
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { toQasm3 } from '@qfabric/core/qasm'
import { transpile } from '@qfabric/core/transpiler'
import { drawText } from '@qfabric/core/visualization'
import { renderHistogramsSideBySide, renderTable } from 'qfabric'
import { startEmbeddedService } from './demo/embedded-service.js'
import { loadExampleCircuit } from './demo/example-circuits.js'
import { followJob, type JobTrace } from './demo/follow-job.js'
import { isEntryModule } from './is-entry-module.js'

/** The circuits the demo runs, from `examples/circuits/`. */
export const DEMO_CIRCUITS = [
  'bell.qasm',
  'ghz.qasm',
  'grover2.qasm',
  'qft4.qasm',
  'teleport.qasm',
] as const

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Receives every line the demo prints (default `console.log`). */
  readonly log?: ((line: string) => void) | undefined
  /** Shots per circuit (default 2000). */
  readonly shots?: number | undefined
}

/** What the demo did, for a test to check. */
export interface DemoSummary {
  /** The temporary accounts file the account was saved to (removed at the end). */
  readonly accountsPath: string
  /** Every job, with the statuses and queue positions printed for it. */
  readonly traces: readonly JobTrace[]
  /** The ids in the final job list. */
  readonly listedJobIds: readonly string[]
  /** How long the whole demo took, in milliseconds. */
  readonly elapsedMs: number
}

/** One circuit's pair of runs. */
interface Pair {
  readonly circuit: QuantumCircuit
  readonly ideal: JobTrace
  readonly noisy: JobTrace
}

/**
 * Runs the demo.
 *
 * @param options - where to print, shots
 * @returns what it did
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoSummary> {
  const log = options.log ?? console.log
  const startedAt = performance.now()
  log('Starting an embedded qfabric service (SQLite in a temporary directory, 1 worker)…')
  await using embedded = await startEmbeddedService({ concurrency: 1 })
  log(`  listening on ${embedded.url}, instance ${embedded.instance}\n`)

  // Saved accounts go to a file in the temporary directory, never to the user's own config.
  const store = new FileAccountStore(join(embedded.dataDir, 'accounts.json'))
  const saved = await QfabricService.saveAccount(
    { name: 'demo', url: embedded.url, token: embedded.token, instance: embedded.instance },
    { store },
  )
  log(`Saved account '${saved.name}' to ${store.location} (token ${saved.token})`)
  const service = await QfabricService.loadAccount('demo', { store })
  log(`Loaded it: ${service.url} as ${service.activeAccount().token}\n`)

  const provider = await service.getProvider()
  const backends = await provider.backends()
  log(await backendTable(backends))
  log(`Least busy: ${(await provider.leastBusy()).name}\n`)
  const simulator = await provider.getBackend('qasm_simulator')
  const device = await provider.getBackend('fake_manila')

  const circuits = DEMO_CIRCUITS.map(loadExampleCircuit).map(bindParameters)
  showCircuit(circuits[0]!, device, log)

  const run = { simulator, device, shots: options.shots ?? 2000 }
  const pairs = await runPairs(circuits, run, log)
  for (const { circuit, ideal, noisy } of pairs) {
    const [idealResult, noisyResult] = await Promise.all([ideal.job.result(), noisy.job.result()])
    log(`\n${circuit.name}:`)
    log(
      renderHistogramsSideBySide(
        [
          { label: `${simulator.name} (ideal)`, counts: idealResult.getCounts() },
          { label: `${device.name} (noisy)`, counts: noisyResult.getCounts() },
        ],
        { maxRows: 12 },
      ).trimEnd(),
    )
  }

  const listed = await service.jobs({ tags: ['demo'], limit: 50 }).toArray()
  log(`\nJobs (${listed.length}):`)
  log(
    renderTable(
      [
        { header: 'id' },
        { header: 'name' },
        { header: 'backend' },
        { header: 'status' },
        { header: 'created' },
      ],
      listed.map((job) => [
        job.id,
        job.name ?? '',
        job.backendName,
        job.currentStatus,
        job.creationDate?.toISOString() ?? '',
      ]),
    ).trimEnd(),
  )
  await embedded.close()
  const elapsedMs = performance.now() - startedAt
  log(`\nService stopped, ${embedded.dataDir} removed. Elapsed: ${(elapsedMs / 1000).toFixed(1)} s`)
  return {
    accountsPath: store.location,
    traces: pairs.flatMap((p) => [p.ideal, p.noisy]),
    listedJobIds: listed.map((j) => j.id),
    elapsedMs,
  }
}

/** Binds a circuit's free parameters (the teleported angle) to π/3. */
function bindParameters(circuit: QuantumCircuit): QuantumCircuit {
  if (circuit.numParameters === 0) return circuit
  return circuit.assignParameters(circuit.parameters.map(() => Math.PI / 3))
}

/** The backends with their size, kind and queue. */
async function backendTable(backends: readonly RemoteBackend[]): Promise<string> {
  const rows = await Promise.all(
    backends.map(async (b) => {
      const status = await b.status()
      return [
        b.name,
        String(b.numQubits ?? ''),
        b.kind,
        status.operational ? 'operational' : 'down',
        String(status.pendingJobs),
      ]
    }),
  )
  const columns = [
    { header: 'backend' },
    { header: 'qubits', align: 'right' as const },
    { header: 'kind' },
    { header: 'status' },
    { header: 'pending', align: 'right' as const },
  ]
  return renderTable(columns, rows).trimEnd()
}

/** Draws one circuit, as written and as transpiled for the device, and its wire format. */
function showCircuit(
  circuit: QuantumCircuit,
  device: RemoteBackend,
  log: (line: string) => void,
): void {
  log(`${circuit.name}, as written:\n${drawText(circuit)}\n`)
  const compiled = transpile(circuit, { backend: device, optimizationLevel: 3, seed: 11 })
  log(`${circuit.name}, transpiled for ${device.name}:\n${drawText(compiled)}\n`)
  log(`sent to the service as OpenQASM 3:\n${toQasm3(compiled).trimEnd()}\n`)
}

/**
 * Submits every circuit to both backends, one right after the other (the single worker makes
 * the later ones wait in line), and follows each job from its submission until it is final.
 */
async function runPairs(
  circuits: readonly QuantumCircuit[],
  run: {
    readonly simulator: RemoteBackend
    readonly device: RemoteBackend
    readonly shots: number
  },
  log: (line: string) => void,
): Promise<Pair[]> {
  const compiled = circuits.map((c) =>
    transpile(c, { backend: run.device, optimizationLevel: 3, seed: 11 }),
  )
  log(`Submitting ${circuits.length} circuits to each backend (one worker: the rest wait in line)…`)
  const startedAt = Date.now()
  const traces: Promise<JobTrace>[] = []
  // Submitted one after the other (each `run` resolves once the service has queued the job),
  // and followed concurrently from then on, so each job's lines appear as its changes happen.
  for (const [i, circuit] of circuits.entries()) {
    for (const [backend, input] of [
      [run.simulator, circuit],
      [run.device, compiled[i]!],
    ] as const) {
      const job = await backend.run(input, {
        shots: run.shots,
        seed: 11,
        name: circuit.name,
        tags: ['demo'],
      })
      const label = `${circuit.name} @ ${backend.name}`
      traces.push(followJob(job, { log, startedAt, label }))
    }
  }
  const done = await Promise.all(traces)
  return circuits.map((circuit, i) => ({ circuit, ideal: done[2 * i]!, noisy: done[2 * i + 1]! }))
}

if (isEntryModule(import.meta.url)) await runDemo()
