import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { OptionValidationError } from '../../src/providers/provider-errors.js'
import { FixtureBackend } from './__fixtures__/fixture-backend.js'

function bell(): QuantumCircuit {
  const qc = new QuantumCircuit(2, 2, { name: 'bell' })
  qc.h(0).cx(0, 1).measure(0, 0).measure(1, 1)
  return qc
}

describe('BaseBackend (qiskit-semantics §A.5)', () => {
  it('A.5 derived members come from the target', () => {
    const b = new FixtureBackend({ name: 'line3', numQubits: 3 })
    expect(b.numQubits).toBe(3)
    expect(b.operationNames).toEqual(['h', 'x', 'cx', 'measure'])
    expect(b.dt).toBe(2e-9)
    expect(b.couplingMap?.getEdges()).toEqual([
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
    ])
    expect(b.couplingMap).toBe(b.couplingMap)
    expect(b.instructionDurations.get('cx', [0, 1], { unit: 's' })).toBeCloseTo(3e-7)
    expect(b.qubitProperties(1)?.t1).toBeCloseTo(1.01e-4)
    expect(() => b.qubitProperties(3)).toThrow(RangeError)
    expect(b.maxCircuits).toBe(5)
    expect(String(b)).toBe('line3')
    expect([b.description, b.onlineDate, b.backendVersion]).toEqual([null, null, '0.1.0'])
  })

  it('A.5 run overrides are validated and never stored', async () => {
    const b = new FixtureBackend({ name: 'line3' })
    const job = await b.run(bell(), { shots: 10 })
    expect(job.options).toMatchObject({ shots: 10 })
    expect(b.options.get('shots')).toBe(1024)
    const result = await job.result()
    expect(result.getCounts('bell').toObject()).toEqual({ '00': 10 })
    await expect(b.run(bell(), { shots: 0 })).rejects.toBeInstanceOf(OptionValidationError)
  })

  it('C.6 unknown run options are rejected by the default policy', async () => {
    const b = new FixtureBackend({ name: 'line3' })
    await expect(b.run(bell(), { shotz: 10 })).rejects.toMatchObject({ code: 'option.unknown' })
  })

  it('S5.8 submission failures reject run(): empty batch, too many circuits, too wide, aborted', async () => {
    const b = new FixtureBackend({ name: 'line3' })
    await expect(b.run([])).rejects.toBeInstanceOf(RangeError)
    await expect(b.run(Array.from({ length: 6 }, bell))).rejects.toThrow(/at most 5 circuits/)
    await expect(b.run(new QuantumCircuit(4))).rejects.toThrow(/has 4 qubits/)
    const controller = new AbortController()
    controller.abort(new Error('no'))
    await expect(b.run(bell(), { signal: controller.signal })).rejects.toThrow('no')
  })

  it('a batch is one job with one result per circuit, in order', async () => {
    const b = new FixtureBackend({ name: 'line3' })
    const c1 = bell()
    const c2 = new QuantumCircuit(1, 1, { name: 'one' })
    const result = await (
      await b.run([c1, c2], { shots: 3, jobName: 'batch', jobTags: ['x'] })
    ).result()
    expect(result.results.map((r) => r.header?.name)).toEqual(['bell', 'one'])
    expect(result.getCounts(1).toObject()).toEqual({ '0': 3 })
  })
})
