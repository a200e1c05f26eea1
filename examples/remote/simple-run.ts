/**
 * The shortest round trip: a Bell circuit on the service's ideal simulator, and its counts.
 *
 * Run it against a service with `node examples/dist/remote/simple-run.js` after saving an
 * account (`qfabric account save …`) or with `QFABRIC_URL`, `QFABRIC_TOKEN` and
 * `QFABRIC_INSTANCE` set.
 */
import type { QfabricService } from '@qfabric/client'
import { QuantumCircuit } from '@qfabric/core/circuit'
import { runStandAlone } from './run-stand-alone.js'

/** What {@link main} returns. */
export interface SimpleRunOutcome {
  readonly jobId: string
  /** Outcome → count; qubit 0 is the rightmost bit. */
  readonly counts: Readonly<Record<string, number>>
}

/**
 * Runs a Bell circuit on `qasm_simulator` and prints its counts.
 *
 * @param service - a service with an account
 * @param log - where to print
 * @returns the job id and the counts
 */
export async function main(
  service: QfabricService,
  log: (...values: unknown[]) => void = console.log,
): Promise<SimpleRunOutcome> {
  const bell = new QuantumCircuit(2, 2, { name: 'bell' }).h(0).cx(0, 1).measure([0, 1], [0, 1])
  const backend = await service.backend('qasm_simulator')
  // `run` resolves once the service has accepted the job; `result` waits for it to finish.
  const job = await backend.run(bell, { shots: 1000 })
  log(`job ${job.id} submitted to ${backend.name}`)
  const counts = (await job.result()).getCounts().toObject()
  log('counts:', counts)
  return { jobId: job.id, counts }
}

await runStandAlone(import.meta.url, main)
