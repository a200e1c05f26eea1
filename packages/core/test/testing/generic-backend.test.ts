import { describe, expect, it } from 'vitest'
import { Gate } from '../../src/circuit/gate.js'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { experimentHeaderOf } from '../../src/providers/experiment-header.js'
import { toHexCounts } from '../../src/providers/format-count-key.js'
import { Result } from '../../src/providers/result.js'
import { CouplingMap } from '../../src/target/coupling-map.js'
import { BackendConfigurationError } from '../../src/target/target-errors.js'
import { GenericBackend, type GenericBackendSimulator } from '../../src/testing/generic-backend.js'
import { GENERIC_NOISE_DEFAULTS } from '../../src/testing/generic-target.js'

/** An ideal simulator for circuits that only measure: every shot reads zero. */
const zeroSimulator: GenericBackendSimulator = ({ backend, circuits, options, jobId }) =>
  new Result({
    backend_name: backend.name,
    backend_version: backend.backendVersion ?? '',
    job_id: jobId,
    success: true,
    results: circuits.map((c) => ({
      shots: options.shots,
      success: true,
      data: { counts: toHexCounts([[0, options.shots]]) },
      header: experimentHeaderOf(c),
    })),
  })

describe('GenericBackend (qiskit-semantics §A.9 GenericBackendV2)', () => {
  it('A.9 name generic_backend_<n>q; default basis cx, id, rz, sx, x plus reset, delay, measure', () => {
    const b = new GenericBackend({ numQubits: 3 })
    expect(b.name).toBe('generic_backend_3q')
    expect(b.description).toBe('This is a device with 3 qubits and generic settings.')
    expect(b.operationNames).toEqual(['cx', 'id', 'rz', 'sx', 'x', 'reset', 'delay', 'measure'])
    expect(b.maxCircuits).toBeNull()
    expect(b.target.isFrozen).toBe(true)
  })

  it('A.9 the default coupling map is fully connected, and 2-qubit gates sit on every edge', () => {
    const b = new GenericBackend({ numQubits: 4 })
    expect(b.couplingMap?.getEdges().length).toBe(12)
    expect(b.target.qargsForOperationName('cx')?.length).toBe(12)
    expect(b.target.qargsForOperationName('sx')?.length).toBe(4)
  })

  it('A.9 a given coupling map must have num_qubits qubits', () => {
    const line = CouplingMap.fromLine(5)
    expect(new GenericBackend({ numQubits: 5, couplingMap: line }).couplingMap?.getEdges()).toEqual(
      line.getEdges(),
    )
    expect(() => new GenericBackend({ numQubits: 4, couplingMap: line })).toThrow(
      /must match the size/,
    )
    expect(
      new GenericBackend({
        numQubits: 3,
        couplingMap: [
          [0, 1],
          [1, 2],
        ],
      }).couplingMap?.hasEdge(1, 0),
    ).toBe(false)
  })

  it('A.9 seeded properties are drawn from realistic ranges: T1/T2 100–200 µs, 5–5.5 GHz, dt 0.222 ns', () => {
    const b = new GenericBackend({ numQubits: 6, seed: 3 })
    expect(b.dt).toBe(0.222e-9)
    for (let q = 0; q < 6; q++) {
      const p = b.qubitProperties(q)!
      expect(p.t1).toBeGreaterThanOrEqual(100e-6)
      expect(p.t1).toBeLessThan(200e-6)
      expect(p.t2).toBeGreaterThanOrEqual(100e-6)
      expect(p.frequency).toBeGreaterThanOrEqual(5e9)
      expect(p.frequency).toBeLessThan(5.5e9)
    }
    for (const [name, qmap] of b.target) {
      const spec = GENERIC_NOISE_DEFAULTS[name]!
      for (const [, props] of qmap) {
        if (spec.length === 4) {
          expect(props!.duration).toBeGreaterThanOrEqual(spec[0])
          expect(props!.duration).toBeLessThan(spec[1])
          expect(props!.error).toBeGreaterThanOrEqual(spec[2])
          expect(props!.error).toBeLessThan(spec[3])
        } else {
          expect([props!.duration, props!.error]).toEqual([spec[0], spec[1]])
        }
      }
    }
    expect(b.target.concurrentMeasurements).toEqual([[0, 1, 2, 3, 4, 5]])
  })

  it('the same seed gives the same backend; another seed another one', () => {
    const props = (seed: number): unknown[] => {
      const b = new GenericBackend({ numQubits: 3, seed })
      return [b.qubitProperties(0)?.t1, b.target.get('cx')?.get([0, 1])?.error]
    }
    expect(props(7)).toEqual(props(7))
    expect(props(7)).not.toEqual(props(8))
  })

  it('noiseInfo: false leaves durations and errors unknown', () => {
    const b = new GenericBackend({ numQubits: 2, noiseInfo: false })
    expect(b.target.get('cx')?.get([0, 1])?.error).toBeNull()
  })

  it('any basis, including a custom native gate; unknown names are refused', () => {
    const myGate = new Gate({ name: 'my_gate', numQubits: 2, params: [] })
    const b = new GenericBackend({
      numQubits: 2,
      basisGates: ['rz', 'sx', 'my_gate'],
      customGates: { my_gate: myGate },
    })
    expect(b.operationNames).toEqual(['rz', 'sx', 'my_gate', 'reset', 'delay', 'measure'])
    expect(b.target.instructionSupported({ operationName: 'my_gate', qargs: [1, 0] })).toBe(true)
    expect(() => new GenericBackend({ numQubits: 2, basisGates: ['nope'] })).toThrow(TypeError)
    expect(() => new GenericBackend({ numQubits: 3, basisGates: ['ccx'] })).toThrow(RangeError)
    expect(() => new GenericBackend({ numQubits: 0 })).toThrow(RangeError)
  })

  it('controlFlow adds the control-flow instructions globally', () => {
    const b = new GenericBackend({ numQubits: 2, controlFlow: true })
    expect(b.operationNames).toEqual(
      expect.arrayContaining(['if_else', 'while_loop', 'for_loop', 'box']),
    )
  })

  it('without a simulator run() rejects; withSimulator shares the target and runs', async () => {
    const b = new GenericBackend({ numQubits: 2, seed: 1 })
    const qc = new QuantumCircuit(2, 2, { name: 'm' })
    qc.measure(0, 0).measure(1, 1)
    await expect(b.run(qc)).rejects.toBeInstanceOf(BackendConfigurationError)
    const runnable = b.withSimulator(zeroSimulator)
    expect(runnable.target).toBe(b.target)
    const result = await (await runnable.run(qc, { shots: 10 })).result()
    expect(result.getCounts('m').toObject()).toEqual({ '00': 10 })
    expect((await runnable.status()).statusMsg).toBe('active')
  })
})
