// A second, fresh process for the client tests: it imports the *built* @qfabric/client (as a
// user's program would), restores a job from the handle in argv[2] with the account from the
// environment (QFABRIC_URL, QFABRIC_TOKEN), waits for its result and prints a summary as JSON.
import { QfabricService, RemoteJob } from '@qfabric/client'

const handle = process.argv[2]
if (handle === undefined) throw new Error('usage: retrieve-job-child.mjs <job handle JSON>')
const service = await QfabricService.loadAccount()
const job = await RemoteJob.fromJSON(service, handle)
const result = await job.result({ timeoutMs: 60_000 })
process.stdout.write(
  JSON.stringify({
    id: job.id,
    status: await job.status(),
    source: service.activeAccount().name,
    counts: result.getCounts(0).toObject(),
  }),
)
