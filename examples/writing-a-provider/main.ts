/**
 * Runs the guide's example end to end: pick a backend, run a Bell circuit written in the
 * device's native gates, watch its events, print the counts.
 * (`npm run build && node examples/dist/writing-a-provider/main.js`)
 */
import { leastBusy } from '@qfabric/core/providers'
import { nativeBell } from './native-bell.js'
import { ToyProvider } from './toy-provider.js'

const provider = new ToyProvider()
const { backend, status } = await leastBusy(await provider.backends({ minNumQubits: 2 }))
console.log(`running on ${backend.name} (${status.pendingJobs} jobs pending)`)
const job = await backend.run(nativeBell(), { shots: 1000, seed: 7 })
for await (const event of job.events()) {
  console.log(`#${event.seq} ${event.type}${event.type === 'status' ? ` ${event.status}` : ''}`)
}
const result = await job.result({ timeoutMs: 10_000 })
console.log(result.getCounts('bell').toObject())
