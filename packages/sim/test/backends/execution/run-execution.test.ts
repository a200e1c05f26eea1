import { circuitToJson, QuantumCircuit } from '@qfabric/core/circuit'
import { describe, expect, it } from 'vitest'
import type { ExecutionOptions } from '../../../src/backends/execution/execution-request.js'
import { runExecution } from '../../../src/backends/execution/run-execution.js'
import { depolarizingError } from '../../../src/noise/depolarizing-error.js'
import { NoiseModel } from '../../../src/noise/noise-model.js'

const options: ExecutionOptions = {
  kind: 'qasm',
  method: 'automatic',
  shots: 1000,
  seed: 5,
  memory: false,
  fusion: 'auto',
  threads: 1,
  memoryBudgetBytes: 2 ** 28,
  noiseModel: null,
  dt: null,
  densityMatrixMaxQubits: 8,
}

function noisyJson(): ReturnType<NoiseModel['toJSON']> {
  const noise = new NoiseModel()
  noise.addAllQubitQuantumError(depolarizingError(0.05, 1), ['h', 'rx'])
  return noise.toJSON()
}

const ghz = (n: number): QuantumCircuit => {
  const qc = new QuantumCircuit(n, n).h(0)
  for (let q = 1; q < n; q++) qc.cx(q - 1, q)
  return qc.measure([...Array(n).keys()], [...Array(n).keys()])
}

describe('runExecution', () => {
  it('chooses the density matrix for small noisy circuits and trajectories otherwise', async () => {
    const small = ghz(3)
    const wide = ghz(11) // 2^11 > 1000 shots
    const midCircuit = new QuantumCircuit(1, 2).h(0).measure(0, 0).h(0).measure(0, 1)
    const outcomes = await runExecution({
      circuits: [small, wide, midCircuit].map((c) => circuitToJson(c)),
      options: { ...options, noiseModel: noisyJson() },
    })
    expect(outcomes.map((o) => o.method)).toEqual(['density_matrix', 'statevector', 'statevector'])
  })

  it('reports progress over all experiments and uses seed + i', async () => {
    const progress: [number, number][] = []
    const outcomes = await runExecution(
      {
        circuits: [ghz(2), ghz(2)].map((c) => circuitToJson(c)),
        options: { ...options, shots: 100 },
      },
      { onProgress: (done, total) => progress.push([done, total]) },
    )
    expect(progress).toEqual([
      [100, 200],
      [200, 200],
    ])
    expect(outcomes.map((o) => o.seed)).toEqual([5, 6])
    expect(outcomes.map((o) => o.shots)).toEqual([100, 100])
  })

  it('returns no counts for circuits without clbits, as Aer', async () => {
    const [outcome] = await runExecution({
      circuits: [circuitToJson(new QuantumCircuit(2).h(0))],
      options,
    })
    expect(outcome?.counts).toBeUndefined()
  })

  it('stops when its signal aborts', async () => {
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    await expect(
      runExecution({ circuits: [circuitToJson(ghz(2))], options }, { signal: controller.signal }),
    ).rejects.toThrow('stop')
  })
})
