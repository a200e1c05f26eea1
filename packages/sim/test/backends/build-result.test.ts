import { ClassicalRegister, QuantumCircuit, QuantumRegister } from '@qfabric/core/circuit'
import { Result } from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import { buildResult } from '../../src/backends/build-result.js'

describe('buildResult', () => {
  const qc = new QuantumCircuit(
    new QuantumRegister(3, 'q'),
    new ClassicalRegister(2, 'c0'),
    new ClassicalRegister(1, 'c1'),
    { name: 'regs' },
  )

  it('writes Qiskit’s Result shape with register-formatted keys', () => {
    const result = buildResult({
      backendName: 'qasm_simulator',
      backendVersion: '0.1.0',
      jobId: 'job-1',
      circuits: [qc],
      outcomes: [
        {
          method: 'statevector',
          shots: 4,
          seed: 9,
          counts: { '0x5': 3, '0x2': 1 },
          memory: ['0x5', '0x5', '0x2', '0x5'],
          timeTaken: 0.5,
        },
      ],
      date: new Date('2025-01-01T00:00:00Z'),
    })
    expect(result.getCounts('regs').toObject()).toEqual({ '1 01': 3, '0 10': 1 })
    expect(result.getMemory(0)).toEqual(['1 01', '1 01', '0 10', '1 01'])
    const json = result.toJSON()
    expect(json).toMatchObject({
      backend_name: 'qasm_simulator',
      job_id: 'job-1',
      success: true,
      status: 'COMPLETED',
      date: '2025-01-01T00:00:00.000Z',
      time_taken: 0.5,
    })
    expect(json.results[0]).toMatchObject({
      shots: 4,
      meas_level: 2,
      seed_simulator: 9,
      header: {
        name: 'regs',
        creg_sizes: [
          ['c0', 2],
          ['c1', 1],
        ],
        memory_slots: 3,
      },
      metadata: { method: 'statevector' },
    })
    expect(Result.fromJSON(JSON.parse(JSON.stringify(json))).toJSON()).toEqual(json)
  })

  it('writes states as [re, im] pairs', () => {
    const result = buildResult({
      backendName: 'b',
      backendVersion: 'v',
      jobId: 'j',
      circuits: [new QuantumCircuit(1)],
      outcomes: [
        {
          method: 'density_matrix',
          shots: 1,
          seed: 0,
          statevector: Float64Array.of(0, 1, 0, 0),
          densityMatrix: Float64Array.of(1, 0, 0, 0.5, 0, -0.5, 0, 0),
          unitary: Float64Array.of(0, 0, 1, 0, 1, 0, 0, 0),
          timeTaken: 0,
        },
      ],
    })
    expect(result.data().statevector).toEqual([
      [0, 1],
      [0, 0],
    ])
    expect(result.data()['density_matrix']).toEqual([
      [
        [1, 0],
        [0, 0.5],
      ],
      [
        [0, -0.5],
        [0, 0],
      ],
    ])
    expect([...result.getUnitary().data]).toEqual([0, 0, 1, 0, 1, 0, 0, 0])
  })

  it('refuses a mismatch of circuits and outcomes', () => {
    expect(() =>
      buildResult({
        backendName: 'b',
        backendVersion: 'v',
        jobId: 'j',
        circuits: [qc],
        outcomes: [],
      }),
    ).toThrow(RangeError)
  })
})
