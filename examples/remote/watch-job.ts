/**
 * Submits a job and watches it without blocking on its result: every status change and queue
 * position as the service reports it, then the outcome.
 *
 * Run it with `node examples/dist/remote/watch-job.js` (a saved account or `QFABRIC_*`).
 */
import type { QfabricService } from '@qfabric/client'
import { QuantumCircuit } from '@qfabric/core/circuit'
import type { JobStatus } from '@qfabric/core/providers'
import { transpile } from '@qfabric/core/transpiler'
import { runStandAlone } from './run-stand-alone.js'

/** What {@link main} returns. */
export interface WatchJobOutcome {
  readonly jobId: string
  /** Every status event, in order (a status repeats when only its queue position changed). */
  readonly statuses: readonly JobStatus[]
  /** The queue positions announced while queued. */
  readonly queuePositions: readonly number[]
  /** The most frequent outcome. */
  readonly mostFrequent: string
}

/**
 * Runs a 5-qubit GHZ circuit on the noisy `fake_manila`, printing each event as it arrives.
 *
 * @param service - a service with an account
 * @param log - where to print
 * @returns the statuses and positions seen, and the most frequent outcome
 */
export async function main(
  service: QfabricService,
  log: (...values: unknown[]) => void = console.log,
): Promise<WatchJobOutcome> {
  const ghz = new QuantumCircuit(5, 5, { name: 'ghz5' }).h(0)
  for (let q = 0; q < 4; q++) ghz.cx(q, q + 1)
  ghz.measure([0, 1, 2, 3, 4], [0, 1, 2, 3, 4])
  const backend = await service.backend('fake_manila')
  const job = await backend.run(transpile(ghz, { backend, optimizationLevel: 3, seed: 5 }), {
    shots: 4000,
    name: 'watched-ghz',
  })
  const queue = await job.queueInfo()
  const where = queue === undefined ? 'not waiting in a queue' : `queue ${JSON.stringify(queue)}`
  log(`job ${job.id} submitted; ${where}`)

  const statuses: JobStatus[] = []
  const queuePositions: number[] = []
  // The events of a job this client just submitted start at its first status, so nothing is
  // missed however fast the job runs; the iteration ends when the job is final.
  for await (const event of job.events()) {
    // (INITIALIZING is the client's own state before it has read the job's record.)
    if (event.type === 'status' && event.status !== 'INITIALIZING') {
      statuses.push(event.status)
      if (event.queuePosition !== undefined) queuePositions.push(event.queuePosition)
      const position = event.queuePosition === undefined ? '' : ` (position ${event.queuePosition})`
      log(`${event.timestamp}  ${event.status}${position}`)
    } else if (event.type === 'progress') {
      log(`${event.timestamp}  ${event.done}/${event.total} ${event.unit ?? ''}`.trimEnd())
    } else if (event.type === 'result') {
      log(`${event.timestamp}  result ready (success: ${event.success})`)
    }
  }
  const mostFrequent = (await job.result()).getCounts().mostFrequent()
  log(`most frequent outcome: ${mostFrequent}`)
  return { jobId: job.id, statuses, queuePositions, mostFrequent }
}

await runStandAlone(import.meta.url, main)
