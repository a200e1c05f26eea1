import { afterEach, describe, expect, it, vi } from 'vitest'
import { QuantumCircuit, standardGate } from '@qfabric/core/circuit'
import { JobTimeoutError, restoreJob, type JobEvent } from '@qfabric/core/providers'
import { Operator } from '@qfabric/core/quantum-info'
import { describeBackendConformance } from '@qfabric/core/testing'
import { msGate, registerMsEquivalences } from '../writing-a-provider/ms-gate.js'
import { nativeBell } from '../writing-a-provider/native-bell.js'
import { ToyIonBackend } from '../writing-a-provider/toy-backend.js'
import { ToyProvider } from '../writing-a-provider/toy-provider.js'

describe('the writing-a-provider example', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('registers equivalence rules that really are equal to the gates (rxx → ms, cx → ms)', () => {
    const library = registerMsEquivalences()
    const cxRules = library.getEntry(standardGate('cx'))
    const cx = Operator.fromCircuit(new QuantumCircuit(2).cx(0, 1))
    expect(cxRules.some((rule) => rule.data.some((i) => i.operation.name === 'ms'))).toBe(true)
    for (const rule of cxRules) expect(Operator.fromCircuit(rule).equals(cx)).toBe(true)
    const theta = 0.7
    const viaMs = library
      .getEntry(standardGate('rxx', [theta]))
      .find((r) => r.data[0]?.operation.name === 'ms')!
    const ms = new QuantumCircuit(2)
    ms.append(msGate(theta), [0, 1])
    expect(Operator.fromCircuit(viaMs).equals(Operator.fromCircuit(ms))).toBe(true)
  })

  it('finds its backends through the provider, and the target has the custom gate', async () => {
    const provider = new ToyProvider()
    expect((await provider.backends()).map((b) => b.name)).toEqual(['toy_ion_3q', 'toy_ion_5q'])
    const backend = await provider.getBackend('toy_ion_3q')
    expect(backend.operationNames).toEqual(['rx', 'ry', 'rz', 'ms', 'measure'])
    expect(backend.target.instructionSupported({ operationName: 'ms', qargs: [2, 0] })).toBe(true)
    expect(backend.options.validator('shots')).toMatchObject({ kind: 'range', min: 1, max: 2000 })
  })

  it('runs a Bell circuit in native gates: only 00 and 11, seeded, summing to the shots', async () => {
    const backend = await new ToyProvider().getBackend('toy_ion_3q')
    const job = await backend.run(nativeBell(), { shots: 2000, seed: 11 })
    const counts = (await job.result({ timeoutMs: 10_000 })).getCounts('bell')
    expect([...counts.keys()].sort()).toEqual(['00', '11'])
    expect(counts.shots()).toBe(2000)
    expect(Math.abs(counts.get('00')! - 1000)).toBeLessThan(150)
    const again = await (await backend.run(nativeBell(), { shots: 2000, seed: 11 })).result()
    expect(again.getCounts(0).toObject()).toEqual(counts.toObject())
  })

  it('refuses circuits that are not native, and invalid options, at submission', async () => {
    const backend = new ToyIonBackend({ numQubits: 2 })
    await expect(backend.run(new QuantumCircuit(2).cx(0, 1))).rejects.toThrow(/not native/)
    await expect(backend.run(nativeBell(), { shots: 5000 })).rejects.toMatchObject({
      code: 'option.out-of-range',
    })
  })

  it('reports one progress event per circuit, and a timeout neither cancels nor loses the job', async () => {
    vi.useFakeTimers()
    const provider = new ToyProvider()
    const backend = await provider.getBackend('toy_ion_3q')
    const job = await backend.run([nativeBell(), nativeBell(), nativeBell()], {
      stepDelayMs: 1000,
      seed: 3,
    })
    const waiting = expect(job.result({ timeoutMs: 1500 })).rejects.toBeInstanceOf(JobTimeoutError)
    await vi.advanceTimersByTimeAsync(1500)
    await waiting
    expect(await job.status()).toBe('RUNNING')
    await vi.advanceTimersByTimeAsync(1500)
    const events: JobEvent[] = []
    for await (const e of job.events()) events.push(e)
    expect(events.flatMap((e) => (e.type === 'progress' ? [e.done] : []))).toEqual([1, 2, 3])
    expect((await job.result()).results).toHaveLength(3)
    expect(await restoreJob(provider, JSON.parse(JSON.stringify(job)))).toBe(job)
  })

  it('cancels between circuits', async () => {
    vi.useFakeTimers()
    const backend = new ToyIonBackend({ numQubits: 2 })
    const job = await backend.run([nativeBell(), nativeBell()], { stepDelayMs: 1000 })
    await vi.advanceTimersByTimeAsync(0)
    expect(await job.cancel()).toBe('requested')
    await vi.advanceTimersByTimeAsync(1000)
    expect(await job.status()).toBe('CANCELLED')
    const queued = await backend.run(nativeBell())
    expect(await queued.cancel()).toBe('cancelled')
  })
})

describeBackendConformance({
  describe,
  it,
  expect,
  name: 'the writing-a-provider example passes the backend conformance suite',
  createBackend: () => new ToyIonBackend({ numQubits: 3 }),
})
