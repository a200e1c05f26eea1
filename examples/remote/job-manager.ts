/**
 * Runs ten circuits as one job set with the `JobManager`, at most three per job: the results
 * are addressed by each circuit's index in the whole list, whichever job ran it; and the set is
 * found again from the service alone with `retrieveJobSet`, as another process would.
 *
 * Run it with `node examples/dist/remote/job-manager.js` (a saved account or `QFABRIC_*`).
 */
import { JobManager, RemoteProvider, retrieveJobSet, type QfabricService } from '@qfabric/client'
import { QuantumCircuit } from '@qfabric/core/circuit'
import { runStandAlone } from './run-stand-alone.js'

/** What {@link main} returns. */
export interface JobManagerOutcome {
  readonly jobSetId: string
  /** The ids of the set's jobs, in order. */
  readonly jobIds: readonly string[]
  /** Counts of experiment `i` of the list, at index `i`. */
  readonly counts: readonly Readonly<Record<string, number>>[]
  /** The same, read through the retrieved set. */
  readonly retrievedCounts: readonly Readonly<Record<string, number>>[]
  /** The retrieved set's job ids, in order. */
  readonly retrievedJobIds: readonly string[]
}

/**
 * Runs circuits `k = 0…9`, each preparing |k⟩ on four qubits, as one job set.
 *
 * @param service - a service with an account
 * @param log - where to print
 * @returns the counts by global index, from the set and from the retrieved set
 */
export async function main(
  service: QfabricService,
  log: (...values: unknown[]) => void = console.log,
): Promise<JobManagerOutcome> {
  const circuits = Array.from({ length: 10 }, (_, k) => basisState(k, 4))
  const backend = await service.backend('qasm_simulator')
  const set = await new JobManager().run(circuits, backend, {
    name: 'basis-sweep',
    maxExperimentsPerJob: 3,
    shots: 100,
  })
  log(`job set ${set.jobSetId}: ${set.jobs().length} jobs`)
  for (const m of set.managedJobs()) log(`  experiments ${m.startIndex}–${m.endIndex}: ${m.kind}`)
  const results = await set.results()
  const counts = circuits.map((_, i) => results.getCounts(i).toObject())
  for (const [i, c] of counts.entries()) log(`  experiment ${i}:`, c)

  // A provider object that never saw the set (in another process: loadAccount().getProvider()).
  // The set's membership is in its jobs' tags, so the service alone is enough to rebuild it.
  const provider = await service.getProvider()
  const fresh = new RemoteProvider({
    transport: service.transport,
    instance: provider.instance,
    service,
  })
  const retrieved = await retrieveJobSet(set.jobSetId, fresh)
  const again = await retrieved.results()
  log(`retrieved ${retrieved.jobSetId} ('${retrieved.name}'): ${retrieved.jobs().length} jobs`)
  log(await retrieved.report())
  return {
    jobSetId: set.jobSetId,
    jobIds: set.jobs().map((j) => j.id),
    counts,
    retrievedCounts: circuits.map((_, i) => again.getCounts(i).toObject()),
    retrievedJobIds: retrieved.jobs().map((j) => j.id),
  }
}

/** A circuit preparing |k⟩ (X on the qubits whose bit is set in k) and measuring every qubit. */
function basisState(k: number, width: number): QuantumCircuit {
  const circuit = new QuantumCircuit(width, width, { name: `basis-${k}` })
  for (let q = 0; q < width; q++) if ((k >> q) & 1) circuit.x(q)
  return circuit.measure([...Array(width).keys()], [...Array(width).keys()])
}

await runStandAlone(import.meta.url, main)
