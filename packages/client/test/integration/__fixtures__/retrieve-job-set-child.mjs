// A fresh process, as a user's later program: it imports the *built* @qfabric/client, loads the
// account from the environment (QFABRIC_URL, QFABRIC_TOKEN, QFABRIC_INSTANCE), rebuilds the job
// set whose id is argv[2] from the server alone, waits for its results and prints them as JSON.
import { QfabricService, retrieveJobSet } from '@qfabric/client'

const jobSetId = process.argv[2]
if (jobSetId === undefined) throw new Error('usage: retrieve-job-set-child.mjs <job set id>')
const service = await QfabricService.loadAccount()
const provider = await service.getProvider()
const set = await retrieveJobSet(jobSetId, provider)
const results = await set.results({ timeoutMs: 30_000 })
process.stdout.write(
  JSON.stringify({
    source: service.activeAccount().name,
    instance: provider.instance,
    jobSetId: set.jobSetId,
    name: set.name,
    tags: set.tags,
    ranges: set.managedJobs().map((m) => [m.kind, m.startIndex, m.endIndex]),
    counts: results.getAllCounts().map((counts) => counts.toObject()),
    combinedNames: results.combineResults().results.map((r) => r.header?.name ?? null),
  }),
)
