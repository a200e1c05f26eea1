import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QfabricService } from '@qfabric/client'
import { FakeManila } from '@qfabric/sim'
import { runDemo } from '../demo.js'
import { startEmbeddedService, type EmbeddedService } from '../demo/embedded-service.js'
import { main as filterBackends } from '../remote/filter-backends.js'
import { main as jobManager } from '../remote/job-manager.js'
import { main as listAndRetrieve } from '../remote/list-and-retrieve.js'
import { main as parallelJobs } from '../remote/parallel-jobs.js'
import { main as qubitProperties } from '../remote/qubit-properties.js'
import { main as simpleRun } from '../remote/simple-run.js'
import { main as watchJob } from '../remote/watch-job.js'

/** `k` as a bitstring of `width` bits, qubit 0 rightmost. */
const bits = (k: number, width: number): string => k.toString(2).padStart(width, '0')

const quiet = (): void => undefined

describe('the remote examples, against a real service', () => {
  let embedded: EmbeddedService
  let service: QfabricService

  beforeAll(async () => {
    embedded = await startEmbeddedService({ concurrency: 2 })
    service = QfabricService.enableAccount({
      url: embedded.url,
      token: embedded.token,
      instance: embedded.instance,
    })
  })

  afterAll(async () => {
    await embedded.close()
  })

  it('simple-run: a Bell pair on the ideal simulator gives only 00 and 11', async () => {
    const { jobId, counts } = await simpleRun(service, quiet)
    expect(Object.keys(counts).sort()).toEqual(['00', '11'])
    expect(counts['00']! + counts['11']!).toBe(1000)
    expect((await service.retrieveJob(jobId)).backendName).toBe('qasm_simulator')
  })

  it('watch-job: sees the job queued first and done last, and a GHZ outcome most often', async () => {
    const outcome = await watchJob(service, quiet)
    const { statuses } = outcome
    expect(statuses[0]).toBe('QUEUED')
    expect(statuses.at(-1)).toBe('DONE')
    expect(['00000', '11111']).toContain(outcome.mostFrequent)
  })

  it('parallel-jobs: every job finishes, each with its own basis state', async () => {
    const finished = await parallelJobs(service, quiet, 6)
    expect(finished.map((f) => f.name).sort()).toEqual([0, 1, 2, 3, 4, 5].map((k) => `basis-${k}`))
    for (const f of finished) {
      const k = Number(f.name.replace('basis-', ''))
      expect(f.error).toBeUndefined()
      expect(f.counts).toEqual({ [bits(k, 3)]: 200 })
    }
    expect(new Set(finished.map((f) => f.jobId)).size).toBe(6)
  })

  it('filter-backends: each filter keeps the right backends; leastBusy is operational', async () => {
    const outcome = await filterBackends(service, quiet)
    expect([...outcome.all].sort()).toEqual(['fake_manila', 'qasm_simulator'])
    expect(outcome.simulators).toEqual(['qasm_simulator'])
    expect([...outcome.operational].sort()).toEqual(['fake_manila', 'qasm_simulator'])
    expect([...outcome.atLeastFiveQubits].sort()).toEqual(['fake_manila', 'qasm_simulator'])
    expect(outcome.devicesWithCx).toEqual(['fake_manila'])
    const status = await (await service.backend(outcome.leastBusy)).status()
    expect(status.operational).toBe(true)
  })

  it("qubit-properties: the values are the fake_manila snapshot's, in SI units", async () => {
    const qubit = 1
    const calibration = await qubitProperties(service, quiet, qubit)
    const snapshot = (await new FakeManila().properties())!
    expect(calibration).toEqual({
      qubit,
      t1: snapshot.t1(qubit),
      t2: snapshot.t2(qubit),
      frequency: snapshot.frequency(qubit),
      sxError: snapshot.gateError('sx', qubit),
      sxLength: snapshot.gateLength('sx', qubit),
      readoutError: snapshot.readoutError(qubit),
    })
    // SI: T1 of a transmon is tens of microseconds, its frequency a few gigahertz.
    expect(calibration.t1).toBeLessThan(1e-3)
    expect(calibration.frequency).toBeGreaterThan(1e9)
  })

  it('list-and-retrieve: each filter lists the expected jobs; retrieveJob finds one by id', async () => {
    const outcome = await listAndRetrieve(service, quiet)
    const [a, b, c] = outcome.submittedIds
    expect(outcome.taggedIds).toEqual([c, b, a])
    expect(outcome.newestDoneIds).toEqual([c, b])
    expect(outcome.createdAfterIds).toEqual([b, c])
    expect(outcome.retrieved).toEqual({ id: a, name: 'coin-a', status: 'DONE' })
  })

  it('job-manager: counts by global index across 4 jobs, and the same from the retrieved set', async () => {
    const outcome = await jobManager(service, quiet)
    expect(outcome.jobIds).toHaveLength(4) // 10 circuits, at most 3 per job
    const expected = Array.from({ length: 10 }, (_, k) => ({ [bits(k, 4)]: 100 }))
    expect(outcome.counts).toEqual(expected)
    expect(outcome.retrievedCounts).toEqual(expected)
    expect(outcome.retrievedJobIds).toEqual(outcome.jobIds)
  })
})

describe('the demo', () => {
  it('runs the whole workflow: live statuses, queue positions, both histograms, the job list', async () => {
    const lines: string[] = []
    const summary = await runDemo({ log: (line) => lines.push(line), shots: 500 })
    const output = lines.join('\n')

    expect(summary.accountsPath.startsWith(tmpdir())).toBe(true)
    expect(existsSync(summary.accountsPath)).toBe(false) // removed with the temporary directory
    expect(output).toContain(`Saved account 'demo' to ${summary.accountsPath}`)

    expect(summary.traces).toHaveLength(10)
    for (const trace of summary.traces) {
      expect(trace.statuses[0]).toBe('QUEUED')
      expect(trace.statuses.at(-1)).toBe('DONE')
      expect(output).toContain(`${trace.job.id}  `)
    }
    // One worker for ten jobs: some waited behind others.
    expect(summary.traces.some((t) => t.queuePositions.some((p) => p > 0))).toBe(true)
    // Positions count down live, over the event stream.
    expect(
      summary.traces.some(
        (t) => t.queuePositions.length > 1 && t.queuePositions.at(-1)! < t.queuePositions[0]!,
      ),
    ).toBe(true)

    // Side by side: one header line naming both runs, then one row per outcome with both bars.
    const header = lines.find((l) => l.includes('qasm_simulator (ideal)'))
    expect(header).toContain('fake_manila (noisy)')
    expect(output).toMatch(/^bell:\n.*qasm_simulator \(ideal\).*fake_manila \(noisy\)/m)
    expect(output).toMatch(/^11 +\S+ +\d+\.\d% +\S+ +\d+\.\d%$/m)

    expect(summary.listedJobIds).toHaveLength(10)
    expect([...summary.listedJobIds].sort()).toEqual(summary.traces.map((t) => t.job.id).sort())
    expect(output).toMatch(/ID +NAME +BACKEND +STATUS +CREATED/)
    expect(output).toContain('Elapsed:')
  }, 60_000)
})
