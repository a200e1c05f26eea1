import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { ClassicalRegister, QuantumRegister } from '../../src/circuit/register.js'
import { experimentHeaderOf } from '../../src/providers/experiment-header.js'
import { toHexCounts } from '../../src/providers/format-count-key.js'
import { Result } from '../../src/providers/result.js'

describe('experimentHeaderOf (qiskit-semantics §A.8 result headers)', () => {
  it('A.8 creg_sizes are [name, size] in circuit order and memory_slots counts the clbits', () => {
    const qc = new QuantumCircuit(
      new QuantumRegister(3, 'q'),
      new ClassicalRegister(2, 'c0'),
      new ClassicalRegister(1, 'c1'),
      { name: 'regs', metadata: { run: 1 } },
    )
    expect(experimentHeaderOf(qc)).toEqual({
      name: 'regs',
      creg_sizes: [
        ['c0', 2],
        ['c1', 1],
      ],
      memory_slots: 3,
      qreg_sizes: [['q', 3]],
      n_qubits: 3,
      clbit_labels: [
        ['c0', 0],
        ['c0', 1],
        ['c1', 0],
      ],
      qubit_labels: [
        ['q', 0],
        ['q', 1],
        ['q', 2],
      ],
      global_phase: 0,
      metadata: { run: 1 },
    })
  })

  it('with toHexCounts, gives Qiskit-formatted counts (last register leftmost)', () => {
    const qc = new QuantumCircuit(
      new QuantumRegister(3, 'q'),
      new ClassicalRegister(2, 'c0'),
      new ClassicalRegister(1, 'c1'),
    )
    const result = new Result({
      backend_name: 'b',
      backend_version: '1',
      job_id: 'j',
      success: true,
      results: [
        {
          shots: 4,
          success: true,
          data: {
            counts: toHexCounts([
              [5, 3],
              [5n, 1],
            ]),
          },
          header: experimentHeaderOf(qc),
        },
      ],
    })
    expect(result.results[0]!.data.counts).toEqual({ '0x5': 4 })
    expect(result.getCounts(0).toObject()).toEqual({ '1 01': 4 })
    expect(() => toHexCounts([[-1, 1]])).toThrow(RangeError)
  })
})
