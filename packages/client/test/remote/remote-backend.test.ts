import { QuantumCircuit } from '@qfabric/core'
import { JobError, OptionValidationError } from '@qfabric/core/providers'
import { BackendProperties, BackendStatus } from '@qfabric/core/target'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ClientError, isServiceRequestError } from '../../src/errors/client-errors.js'
import type { FetchLike } from '../../src/http/service-transport.js'
import type { RemoteBackend } from '../../src/remote/remote-backend.js'
import { QfabricService } from '../../src/service/qfabric-service.js'
import { BELL_QASM, bellCircuit } from '../support/circuits.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

describe('RemoteBackend', () => {
  let fixture: ServiceFixture
  let service: QfabricService
  let simulator: RemoteBackend
  let manila: RemoteBackend

  beforeAll(async () => {
    fixture = await startServiceFixture()
    service = QfabricService.enableAccount({ url: fixture.url, token: fixture.token })
    simulator = await service.backend('qasm_simulator')
    manila = await service.backend('fake_manila')
  })
  afterAll(async () => {
    await fixture.close()
  })

  it('describes a device from the service: target, coupling map, calibration, limits', async () => {
    expect(manila.kind).toBe('qpu')
    expect(manila.numQubits).toBe(5)
    expect(manila.couplingMap?.getEdges().length).toBeGreaterThan(0)
    expect(manila.operationNames).toEqual(expect.arrayContaining(['cx', 'measure']))
    expect(manila.qubitProperties(0)?.t1).toBeGreaterThan(0)
    expect(manila.dt).toBeGreaterThan(0)
    const properties = await manila.properties()
    expect(properties).toBeInstanceOf(BackendProperties)
    expect(manila.target.qubitProperties?.[0]?.t1).toBe(properties?.t1(0))
    expect((await manila.configuration()).numQubits).toBe(5)
    expect(manila.instance).toBe(fixture.instance)
    expect(manila.maxCircuits).toBe(manila.info.limits.max_circuits)
    expect(manila.options.validator('shots')).toMatchObject({
      kind: 'range',
      min: 1,
      max: manila.info.limits.max_shots ?? (await manila.configuration()).maxShots,
    })
  })

  it('reports status, and null properties for a simulator', async () => {
    const status = await simulator.status()
    expect(status).toBeInstanceOf(BackendStatus)
    expect(status.operational).toBe(true)
    expect(status.statusMsg).toBe('active')
    expect(await simulator.properties()).toBeNull()
    expect(await simulator.properties({ refresh: true })).toBeNull()
    expect(simulator.kind).toBe('simulator')
  })

  it('runs OpenQASM text, a circuit, and a mix; names experiments after the circuits', async () => {
    const job = await simulator.run([BELL_QASM, bellCircuit('second')], { shots: 40, seed: 7 })
    const result = await job.result()
    expect(result.results).toHaveLength(2)
    expect(result.getCounts('second').shots()).toBe(40)
    expect(result.getCounts(0).shots()).toBe(40)
    // The seed reaches the simulator: the same run again gives the same counts.
    const again = await (
      await simulator.run([BELL_QASM, bellCircuit('second')], { shots: 40, seed: 7 })
    ).result()
    expect(again.getCounts('second').toObject()).toEqual(result.getCounts('second').toObject())
  })

  it('files the job with name, tags, metadata and returns memory when asked', async () => {
    const job = await simulator.run(bellCircuit(), {
      shots: 5,
      memory: true,
      name: 'filed',
      tags: ['a', 'b'],
      metadata: { notebook: 'x.ipynb' },
      visibility: 'project',
    })
    expect(job.name).toBe('filed')
    expect(job.tags).toEqual(['a', 'b'])
    expect(job.record.metadata).toEqual({ notebook: 'x.ipynb' })
    expect(job.record.visibility).toBe('project')
    expect(job.options).toMatchObject({ shots: 5, memory: true })
    expect((await job.result()).getMemory(0)).toHaveLength(5)
  })

  it('validates options locally without changing the stored options', async () => {
    const before = simulator.options.toJSON()
    const max = simulator.info.limits.max_shots ?? 1_000_000
    await expect(simulator.run(bellCircuit(), { shots: max + 1 })).rejects.toBeInstanceOf(
      OptionValidationError,
    )
    await expect(simulator.run(bellCircuit(), { shots: 1.5 })).rejects.toBeInstanceOf(
      OptionValidationError,
    )
    await expect(
      simulator.run(bellCircuit(), { memory: 'yes' as unknown as boolean }),
    ).rejects.toBeInstanceOf(OptionValidationError)
    await expect(simulator.run(bellCircuit(), { custom: { deep: 1 } })).rejects.toBeInstanceOf(
      OptionValidationError,
    )
    expect(simulator.options.toJSON()).toEqual(before)
  })

  it('refuses bad input before sending it', async () => {
    await expect(simulator.run([])).rejects.toBeInstanceOf(RangeError)
    await expect(manila.run(new QuantumCircuit(6, 6))).rejects.toBeInstanceOf(RangeError)
    const notInput = await simulator.run([42 as unknown as string]).catch((e: unknown) => e)
    expect(notInput).toBeInstanceOf(ClientError)
    expect((notInput as ClientError).code).toBe('client.invalid-input')
  })

  it('surfaces the service refusal of a circuit that does not parse', async () => {
    const error = await simulator
      .run('OPENQASM 2.0;\nqreg q[1];\nfoo q[0];\n')
      .catch((e: unknown) => e)
    expect(isServiceRequestError(error)).toBe(true)
    expect((error as { status: number }).status).toBe(422)
  })

  it('makes one job per idempotency key, however often run is called with it', async () => {
    const parked = await service.backend('parked')
    const first = await parked.run(bellCircuit(), {
      shots: 3,
      idempotencyKey: 'backend-test-key-1',
    })
    const again = await parked.run(bellCircuit(), {
      shots: 3,
      idempotencyKey: 'backend-test-key-1',
    })
    expect(again.id).toBe(first.id)
    const other = await parked.run(bellCircuit(), { shots: 3 })
    expect(other.id).not.toBe(first.id)
    await first.cancel()
    await other.cancel()
  })

  it('retries a submission whose answer was lost: one job, thanks to the idempotency key', async () => {
    let lost = 0
    // The first POST reaches the server, but its answer is lost on the way back (a 502 from a
    // proxy, say); the retry carries the same key, so the server replays the job it made.
    const lossy: FetchLike = async (input, init) => {
      const response = await fetch(input, init)
      if (init.method === 'POST' && input.endsWith('/v1/jobs') && lost++ === 0) {
        await response.body?.cancel()
        return new Response('bad gateway', { status: 502 })
      }
      return response
    }
    const flaky = QfabricService.enableAccount(
      { url: fixture.url, token: fixture.token },
      { fetch: lossy, retry: { baseDelayMs: 1 } },
    )
    const parked = await flaky.backend('parked')
    const job = await parked.run(bellCircuit(), { shots: 2, tags: ['lossy'] })
    expect(lost).toBe(2)
    const listed = await parked.jobs({ tags: ['lossy'] }).toArray()
    expect(listed.map((j) => j.id)).toEqual([job.id])
    await job.cancel()
  })

  it('lists its active jobs and job limit, and retrieves only its own jobs', async () => {
    const parked = await service.backend('parked')
    const job = await parked.run(bellCircuit(), { shots: 3, tags: ['active'] })
    const active = await parked.activeJobs()
    expect(active.map((j) => j.id)).toContain(job.id)
    const limit = await parked.jobLimit()
    expect(limit.activeJobs).toBeGreaterThanOrEqual(1)
    const remaining = await parked.remainingJobsCount()
    if (limit.maximumJobs === null) expect(remaining).toBeNull()
    else expect(remaining).toBe(limit.maximumJobs - limit.activeJobs)
    expect((await parked.retrieveJob(job.id)).id).toBe(job.id)
    const elsewhere = await simulator.retrieveJob(job.id).catch((e: unknown) => e)
    expect(elsewhere).toBeInstanceOf(JobError)
    const listed = await parked.jobs({ tags: ['active'] }).toArray()
    expect(listed.map((j) => j.id)).toEqual([job.id])
    await job.cancel()
  })
})
