import { Statevector } from '@qfabric/core/quantum-info'
import { describe, expect, it } from 'vitest'
import { compileStabilizerCircuit } from '../../src/stabilizer/compile-stabilizer.js'
import { randomCliffordCircuit } from '../../src/stabilizer/random-clifford-circuit.js'
import { runUnitaryProgram, stabilizesState } from './clifford-circuits.js'

describe('randomCliffordCircuit', () => {
  it('builds layers of one-qubit Cliffords on every qubit and disjoint cx/cz pairs', () => {
    const qc = randomCliffordCircuit({ numQubits: 7, layers: 5, seed: 3 })
    expect(qc.numClbits).toBe(0)
    expect(qc.data).toHaveLength(5 * (7 + 3))
    for (let layer = 0; layer < 5; layer++) {
      const data = qc.data.slice(layer * 10, (layer + 1) * 10)
      expect(data.slice(0, 7).map((d) => d.qubits[0])).toEqual([0, 1, 2, 3, 4, 5, 6])
      const paired = data.slice(7).flatMap((d) => [...d.qubits])
      expect(new Set(paired).size).toBe(6)
      for (const d of data.slice(7)) expect(['cx', 'cz']).toContain(d.operation.name)
    }
  })

  it('is determined by its seed', () => {
    const names = (seed: number): string[] =>
      randomCliffordCircuit({ numQubits: 6, layers: 4, seed }).data.map(
        (d) => `${d.operation.name}${d.qubits.join(',')}`,
      )
    expect(names(9)).toEqual(names(9))
    expect(names(9)).not.toEqual(names(10))
  })

  it('measures every qubit into its clbit when asked', () => {
    const qc = randomCliffordCircuit({ numQubits: 4, layers: 1, seed: 1, measure: true })
    expect(qc.numClbits).toBe(4)
    expect(qc.data.slice(-4).map((d) => [d.operation.name, d.qubits[0], d.clbits[0]])).toEqual([
      ['measure', 0, 0],
      ['measure', 1, 1],
      ['measure', 2, 2],
      ['measure', 3, 3],
    ])
  })

  it('runs on the tableau to the state the statevector computes', () => {
    for (let seed = 0; seed < 10; seed++) {
      const qc = randomCliffordCircuit({ numQubits: 8, layers: 6, seed })
      expect(
        stabilizesState(
          runUnitaryProgram(compileStabilizerCircuit(qc)),
          Statevector.fromCircuit(qc),
        ),
      ).toBe(true)
    }
  })

  it('checks its options', () => {
    expect(() => randomCliffordCircuit({ numQubits: 0, layers: 1, seed: 1 })).toThrow(RangeError)
    expect(() => randomCliffordCircuit({ numQubits: 2, layers: -1, seed: 1 })).toThrow(RangeError)
  })
})
