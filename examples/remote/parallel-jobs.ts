/**
 * Submits several jobs at once and handles each result as soon as it is ready, whatever the
 * order the jobs finish in (a `Promise.race` loop).
 *
 * Run it with `node examples/dist/remote/parallel-jobs.js` (a saved account or `QFABRIC_*`).
 */
import type { QfabricService, RemoteJob } from '@qfabric/client'
import { QuantumCircuit } from '@qfabric/core/circuit'
import type { Result } from '@qfabric/core/providers'
import { runStandAlone } from './run-stand-alone.js'

/** One finished job of {@link main}. */
export interface ParallelJobOutcome {
  readonly jobId: string
  /** The job's name: `basis-<k>`. */
  readonly name: string
  /** The counts, or `undefined` when the job failed (then `error` says why). */
  readonly counts?: Readonly<Record<string, number>>
  readonly error?: string
}

/** A job's result or its failure. */
type Settled = { readonly job: RemoteJob } & (
  { readonly result: Result } | { readonly error: unknown }
)

/**
 * Prepares the basis states |0⟩…|n-1⟩ of three qubits, one job each, submitted together.
 *
 * @param service - a service with an account
 * @param log - where to print
 * @param count - how many jobs (at most 8)
 * @returns the jobs in the order they finished
 */
export async function main(
  service: QfabricService,
  log: (...values: unknown[]) => void = console.log,
  count = 6,
): Promise<ParallelJobOutcome[]> {
  const backend = await service.backend('qasm_simulator')
  const circuits = Array.from({ length: count }, (_, k) => basisState(k, 3))
  // All submissions in flight at once; each resolves when the service has queued its job.
  const jobs = await Promise.all(
    circuits.map((circuit) => backend.run(circuit, { shots: 200, name: circuit.name })),
  )
  log(`submitted ${jobs.length} jobs: ${jobs.map((j) => j.id).join(', ')}`)

  const pending = new Map<string, Promise<Settled>>(
    jobs.map((job) => [
      job.id,
      job.result().then(
        (result) => ({ job, result }),
        (error: unknown) => ({ job, error }),
      ),
    ]),
  )
  const finished: ParallelJobOutcome[] = []
  while (pending.size > 0) {
    const settled = await Promise.race(pending.values())
    pending.delete(settled.job.id)
    const base = { jobId: settled.job.id, name: settled.job.name ?? '' }
    if ('result' in settled) {
      const counts = settled.result.getCounts().toObject()
      log(`${base.name} (${base.jobId}) done:`, counts)
      finished.push({ ...base, counts })
    } else {
      const error = settled.error instanceof Error ? settled.error.message : String(settled.error)
      log(`${base.name} (${base.jobId}) failed: ${error}`)
      finished.push({ ...base, error })
    }
  }
  return finished
}

/** A circuit preparing |k⟩ (X on the qubits whose bit is set in k) and measuring every qubit. */
function basisState(k: number, width: number): QuantumCircuit {
  const circuit = new QuantumCircuit(width, width, { name: `basis-${k}` })
  for (let q = 0; q < width; q++) if ((k >> q) & 1) circuit.x(q)
  return circuit.measure([...Array(width).keys()], [...Array(width).keys()])
}

await runStandAlone(import.meta.url, main)
