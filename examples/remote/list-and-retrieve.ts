/**
 * Finds jobs again: lists them with filters (tags, status, creation time, a limit), then
 * retrieves one by id — as a later session would, knowing only the id.
 *
 * Run it with `node examples/dist/remote/list-and-retrieve.js` (a saved account or `QFABRIC_*`).
 */
import type { QfabricService } from '@qfabric/client'
import { QuantumCircuit } from '@qfabric/core/circuit'
import { runStandAlone } from './run-stand-alone.js'

/** What {@link main} found. */
export interface ListAndRetrieveOutcome {
  /** The tag the example's jobs carry (unique per run). */
  readonly tag: string
  /** The jobs it submitted, in order. */
  readonly submittedIds: readonly string[]
  /** `tags: [tag]`: every one of them, newest first. */
  readonly taggedIds: readonly string[]
  /** `tags: [tag], status: 'DONE', limit: 2`: the two newest finished ones. */
  readonly newestDoneIds: readonly string[]
  /** `createdAfter` the second submission, oldest first (`descending: false`). */
  readonly createdAfterIds: readonly string[]
  /** The job `retrieveJob` returned for the first id, and what it says. */
  readonly retrieved: {
    readonly id: string
    readonly name: string | undefined
    readonly status: string
  }
}

/**
 * Submits three tagged jobs, lists them with filters and retrieves the first by id.
 *
 * @param service - a service with an account
 * @param log - where to print
 * @returns the ids each listing returned
 */
export async function main(
  service: QfabricService,
  log: (...values: unknown[]) => void = console.log,
): Promise<ListAndRetrieveOutcome> {
  const tag = `list-example-${new Date().toISOString()}`
  const backend = await service.backend('qasm_simulator')
  const circuit = new QuantumCircuit(1, 1).h(0).measure(0, 0)
  const jobs = []
  for (const name of ['coin-a', 'coin-b', 'coin-c']) {
    jobs.push(await backend.run(circuit, { shots: 100, name, tags: [tag, 'coins'] }))
  }
  await Promise.all(jobs.map((job) => job.waitForFinalState()))
  const submittedIds = jobs.map((j) => j.id)
  log(`submitted ${submittedIds.join(', ')} tagged ${tag}`)

  // A listing is an async iterable over the service's pages; toArray() collects it.
  const ids = async (listing: AsyncIterable<{ readonly id: string }>): Promise<string[]> => {
    const out: string[] = []
    for await (const job of listing) out.push(job.id)
    return out
  }
  const taggedIds = await ids(service.jobs({ tags: [tag] }))
  log(`tagged ${tag}:`, taggedIds)
  const newestDoneIds = await ids(service.jobs({ tags: [tag], status: 'DONE', limit: 2 }))
  log('the 2 newest DONE:', newestDoneIds)
  const createdAfterIds = await ids(
    backend.jobs({ tags: [tag], createdAfter: jobs[1]!.creationDate, descending: false }),
  )
  log(`created at or after ${jobs[1]!.creationDate?.toISOString()}:`, createdAfterIds)

  // Only the id is needed to find a job again, e.g. in another process.
  const job = await service.retrieveJob(submittedIds[0]!)
  const status = await job.status()
  log(
    `retrieved ${job.id}: ${job.name} on ${job.backendName}, ${status}, tags ${job.tags.join(', ')}`,
  )
  return {
    tag,
    submittedIds,
    taggedIds,
    newestDoneIds,
    createdAfterIds,
    retrieved: { id: job.id, name: job.name, status },
  }
}

await runStandAlone(import.meta.url, main)
