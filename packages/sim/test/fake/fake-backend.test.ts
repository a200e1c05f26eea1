import { readFileSync } from 'node:fs'
import { QuantumCircuit } from '@qfabric/core/circuit'
import { describeBackendConformance } from '@qfabric/core/testing'
import { describe, expect, it } from 'vitest'
import { LocalSimulatorError } from '../../src/backends/local-simulator-error.js'
import { FakeManila } from '../../src/fake/devices/fake-manila.js'
import { FakeTorino } from '../../src/fake/devices/fake-torino.js'
import { FakeBackend } from '../../src/fake/fake-backend.js'

describeBackendConformance({
  describe,
  it,
  expect,
  createBackend: () => new FakeManila(),
  name: 'FakeManila conformance',
})
describeBackendConformance({
  describe,
  it,
  expect,
  createBackend: () => new FakeTorino(),
  name: 'FakeTorino conformance',
})

/** A Bell pair in the cx basis on qubits (a, b): H = RZ(π/2)·SX·RZ(π/2). */
function basisBell(numQubits: number, a: number, b: number): QuantumCircuit {
  return new QuantumCircuit(numQubits, 2)
    .rz(Math.PI / 2, a)
    .sx(a)
    .rz(Math.PI / 2, a)
    .cx(a, b)
    .measure(a, 0)
    .measure(b, 1)
}

describe('FakeBackend', () => {
  it('describes the device from its snapshot', async () => {
    const manila = new FakeManila()
    expect(manila.name).toBe('fake_manila')
    expect(manila.numQubits).toBe(5)
    expect([...manila.operationNames].sort()).toEqual([
      'cx',
      'delay',
      'for_loop',
      'id',
      'if_else',
      'measure',
      'reset',
      'rz',
      'sx',
      'x',
    ])
    expect(manila.couplingMap?.getEdges().length).toBe(8)
    expect(manila.maxCircuits).toBe(300)
    expect(manila.options.validator('shots')).toMatchObject({ min: 1, max: 100000 })
    expect(manila.dt).toBeCloseTo(2.222e-10, 12)
    const props = await manila.properties()
    const t1 = props?.t1(0)
    expect(manila.qubitProperties(0)?.t1).toBe(t1)
    expect((await manila.configuration()).backendName).toBe('ibmq_manila')
    expect((await manila.status()).operational).toBe(true)
  })

  it('refuses circuits outside its target (not transpiled)', async () => {
    const manila = new FakeManila()
    const h = new QuantumCircuit(2, 2).h(0).measure(0, 0)
    const error = await manila.run(h).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LocalSimulatorError)
    expect(error).toMatchObject({ code: 'sim.backend.not-in-target' })
    expect((error as Error).message).toMatch(/'h' on qubits \[0\]/)
    // cx(0, 2) is not a coupler of manila (a line 0-1-2-3-4)
    await expect(manila.run(new QuantumCircuit(3).cx(0, 2))).rejects.toMatchObject({
      code: 'sim.backend.not-in-target',
    })
  })

  it('simulates with the device noise by default, and ideally with noiseModel: null', async () => {
    const manila = new FakeManila()
    const shots = 20000
    const noisy = (
      await (await manila.run(basisBell(5, 0, 1), { shots, seed: 2 })).result()
    ).getCounts()
    const ideal = (
      await (await manila.run(basisBell(5, 0, 1), { shots, seed: 2, noiseModel: null })).result()
    ).getCounts()
    expect([...ideal.keys()].sort()).toEqual(['00', '11'])
    const wrong = (noisy.get('01') ?? 0) + (noisy.get('10') ?? 0)
    // The calibration's readout errors (q0, q1) and cx(0,1) error bound the Bell error rate.
    const props = (await manila.properties())!
    const ro = props.readoutError(0) + props.readoutError(1)
    const cx = props.gateError('cx', [0, 1])
    const rate = wrong / shots
    expect(rate).toBeGreaterThan(0.5 * ro)
    expect(rate).toBeLessThan(ro + cx + 0.02)
  })

  it('simulates only the qubits a circuit uses on a 133-qubit device', async () => {
    const torino = new FakeTorino()
    const edge = torino.couplingMap!.getEdges()[0]!
    const [a, b] = edge
    const qc = new QuantumCircuit(133, 2)
      .rz(Math.PI / 2, a)
      .sx(a)
      .rz(Math.PI / 2, a)
      .rz(Math.PI / 2, b)
      .sx(b)
      .rz(Math.PI / 2, b)
      .cz(a, b)
      .rz(Math.PI / 2, b)
      .sx(b)
      .rz(Math.PI / 2, b)
      .measure(a, 0)
      .measure(b, 1)
    const result = await (await torino.run(qc, { shots: 2000, seed: 3 })).result()
    expect(result.getCounts().shots()).toBe(2000)
    expect(result.results[0]!['metadata']).toMatchObject({ active_input_qubits: 2 })
  })

  it('builds a device from snapshot JSON (fromJSON)', async () => {
    const dir = `${process.env['QFABRIC_SHARED']}/data/qiskit-fake-backends/lima`
    const backend = FakeBackend.fromJSON({
      configuration: JSON.parse(readFileSync(`${dir}/conf_lima.json`, 'utf8')),
      properties: JSON.parse(readFileSync(`${dir}/props_lima.json`, 'utf8')),
    })
    expect(backend.name).toBe('ibmq_lima')
    expect(backend.numQubits).toBe(5)
    const job = await backend.run(new QuantumCircuit(1, 1).x(0).measure(0, 0), {
      shots: 500,
      seed: 1,
    })
    const counts = (await job.result()).getCounts()
    expect(counts.get('1') ?? 0).toBeGreaterThan(400)
  })

  it('builds its full noise model on request', () => {
    const model = new FakeManila().noiseModel
    expect(model.noiseInstructions).toEqual(expect.arrayContaining(['cx', 'measure', 'sx', 'x']))
    expect(model.errorsFor('cx', [0, 1]).length).toBe(1)
    expect(model.readoutErrorFor(0)).toBeDefined()
  })
})
