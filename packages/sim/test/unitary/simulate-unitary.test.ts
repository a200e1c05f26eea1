import { readFileSync } from 'node:fs'
import { circuitToMatrix, clbitCondition, QuantumCircuit } from '@qfabric/core/circuit'
import { ComplexMatrix } from '@qfabric/core/math'
import { parseQasm2 } from '@qfabric/core/qasm'
import { Operator } from '@qfabric/core/quantum-info'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { terminateWorkers } from '../../src/engine/parallel/thread-executor.js'
import { SimulationError } from '../../src/engine/simulation-error.js'
import { simulateUnitary, UNITARY_MAX_QUBITS } from '../../src/unitary/simulate-unitary.js'
import { fullEntry } from '../helpers/dense-reference.js'
import { randomOps } from '../helpers/random-ops.js'
import { maxDiff } from '../density/support/matrices.js'
import { arbitraryCircuit } from '../density/support/random-circuit.js'

interface AerCase {
  readonly id: string
  readonly kind: string
  readonly qasm2: string
  readonly expected_unitary?: [number, number][][]
  readonly matches_phase_exact?: boolean
}

const AER_CASES = (
  JSON.parse(
    readFileSync(
      `${process.env['QFABRIC_SHARED']}/data/qiskit-aer-reference/simulator_cases.json`,
      'utf8',
    ),
  ) as { cases: AerCase[] }
).cases.filter((c) => c.kind === 'unitary')

describe('simulateUnitary', () => {
  it('equals circuitToMatrix on random circuits, global phase included', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCircuit(6), async (qc) => {
        const u = await simulateUnitary(qc, { threads: 1 })
        expect(maxDiff(u, circuitToMatrix(qc).data)).toBeLessThan(1e-10)
      }),
      { seed: 1234, numRuns: 60 },
    )
  })

  it('equals Operator.fromCircuit and is unitary', async () => {
    const qc = new QuantumCircuit(3).h(0).cx(0, 2).rzz(0.4, 1, 2).cswap(2, 0, 1).sx(1)
    qc.globalPhase = 0.7
    const u = await simulateUnitary(qc)
    const op = Operator.fromCircuit(qc).data
    expect(maxDiff(u, op.data)).toBeLessThan(1e-12)
    const m = new ComplexMatrix(8, 8, Float64Array.from(u))
    expect(m.isUnitary(1e-12)).toBe(true)
  })

  it('equals the brute-force product on programs of every op kind and fusion mode', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer(),
        fc.constantFrom('off' as const, 'dense' as const, 'codegen' as const),
        async (n, length, seed, fusion) => {
          const ops = randomOps(n, length, seed)
          const d = 2 ** n
          let expected = ComplexMatrix.identity(d)
          for (const op of ops) {
            const full = new ComplexMatrix(d, d)
            for (let i = 0; i < d; i++) {
              for (let j = 0; j < d; j++) {
                const [re, im] = fullEntry(op, i, j)
                full.data[2 * (i * d + j)] = re
                full.data[2 * (i * d + j) + 1] = im
              }
            }
            expected = full.mul(expected)
          }
          const u = await simulateUnitary(
            { numQubits: n, numClbits: 0, ops },
            { fusion, threads: 1 },
          )
          expect(maxDiff(u, expected.data)).toBeLessThan(1e-10)
        },
      ),
      { seed: 8, numRuns: 50 },
    )
  })

  it(`matches Aer's reference unitaries (${AER_CASES.length} cases)`, async () => {
    expect(AER_CASES.length).toBeGreaterThan(10)
    for (const c of AER_CASES) {
      const u = await simulateUnitary(parseQasm2(c.qasm2))
      const expected = ComplexMatrix.fromRows(c.expected_unitary!)
      const actual = new ComplexMatrix(expected.rows, expected.cols, Float64Array.from(u))
      if (c.matches_phase_exact === true) expect(actual.equals(expected, 1e-10), c.id).toBe(true)
      else expect(actual.equalsUpToPhase(expected, 1e-10), c.id).toBe(true)
    }
  })

  it('ignores barriers and delays; a circuit without gates is the identity', async () => {
    const qc = new QuantumCircuit(2).barrier().delay(100, 0).delay(5, 1, 'us')
    expect([...(await simulateUnitary(qc))]).toEqual([...ComplexMatrix.identity(4).data])
    expect([...(await simulateUnitary(new QuantumCircuit(0)))]).toEqual([1, 0])
  })

  it('rejects measure, reset and classical control with simulation.unsupported-operation', async () => {
    const cases = [
      new QuantumCircuit(1, 1).h(0).measure(0, 0),
      new QuantumCircuit(1).reset(0),
      new QuantumCircuit(1, 1).ifElse(
        clbitCondition(0),
        new QuantumCircuit(1, 1).x(0),
        undefined,
        [0],
        [0],
      ),
    ]
    for (const qc of cases) {
      await expect(simulateUnitary(qc)).rejects.toBeInstanceOf(SimulationError)
      await expect(simulateUnitary(qc)).rejects.toMatchObject({
        code: 'simulation.unsupported-operation',
      })
    }
  })

  it('rejects more than 14 qubits with simulation.too-many-qubits', async () => {
    expect(UNITARY_MAX_QUBITS).toBe(14)
    await expect(simulateUnitary(new QuantumCircuit(15))).rejects.toMatchObject({
      code: 'simulation.too-many-qubits',
    })
  })

  it('gives the same matrix on worker threads', async () => {
    const qc = new QuantumCircuit(5).h(0).cx(0, 3).rzz(0.4, 1, 4).ccx(4, 2, 0).u(0.1, 0.2, 0.3, 2)
    const one = await simulateUnitary(qc, { threads: 1 })
    const two = await simulateUnitary(qc, { threads: 2 })
    await terminateWorkers()
    expect(maxDiff(two, one)).toBeLessThan(1e-13)
  })

  it('stops with the abort reason', async () => {
    const controller = new AbortController()
    const reason = new Error('stop')
    controller.abort(reason)
    await expect(
      simulateUnitary(new QuantumCircuit(2).h(0), { signal: controller.signal }),
    ).rejects.toBe(reason)
  })
})
