import { clbitCondition, Gate, QuantumCircuit } from '@qfabric/core/circuit'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { compileCircuit } from '../../src/compile/compile-circuit.js'
import { simulateStatevector } from '../../src/engine/simulate-statevector.js'
import { terminateWorkers } from '../../src/engine/parallel/thread-executor.js'
import { SimulationError } from '../../src/engine/simulation-error.js'
import { simulateDensityMatrix } from '../../src/density/simulate-density-matrix.js'
import {
  applyChannelToDensityMatrix,
  applyUnitaryToDensityMatrix,
} from '../../src/noise/apply-channel.js'
import { NoiseModel } from '../../src/noise/noise-model.js'
import { runReference, zeroState } from '../helpers/dense-reference.js'
import { randomOps } from '../helpers/random-ops.js'
import { MANILA_TARGET, reportedGateError } from './support/manila.js'
import { entry, groundState, maxDiff, outerProduct } from './support/matrices.js'
import { arbitraryCircuit } from './support/random-circuit.js'

describe('simulateDensityMatrix on pure circuits', () => {
  it('agrees with the statevector engine: ρ = |ψ⟩⟨ψ| (random standard-gate circuits)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCircuit(6), async (qc) => {
        const { statevector } = await simulateStatevector(compileCircuit(qc), { threads: 1 })
        const { densityMatrix, probabilities } = await simulateDensityMatrix(qc, { threads: 1 })
        expect(maxDiff(densityMatrix, outerProduct(statevector))).toBeLessThan(1e-10)
        const diag = Float64Array.from(
          { length: probabilities.length },
          (_, i) => statevector[2 * i]! ** 2 + statevector[2 * i + 1]! ** 2,
        )
        expect(maxDiff(probabilities, diag)).toBeLessThan(1e-10)
      }),
      { seed: 20240611, numRuns: 60 },
    )
  })

  it('agrees with a brute-force reference on programs of every op kind', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer(),
        fc.constantFrom('off' as const, 'dense' as const, 'codegen' as const),
        async (n, length, seed, fusion) => {
          const ops = randomOps(n, length, seed)
          const psi = runReference(n, ops, zeroState(n))
          const program = { numQubits: n, numClbits: 0, ops }
          const { densityMatrix } = await simulateDensityMatrix(program, { fusion, threads: 1 })
          expect(maxDiff(densityMatrix, outerProduct(psi))).toBeLessThan(1e-10)
        },
      ),
      { seed: 7, numRuns: 60 },
    )
  })

  it('uses the row-major layout: entry (r, c) of ρ at 2(r·2^n + c)', async () => {
    // |ψ⟩ = (|00⟩ + i|01⟩)/√2 → ρ[1][0] = i/2, ρ[0][1] = −i/2
    const qc = new QuantumCircuit(2).h(0).s(0)
    const { densityMatrix } = await simulateDensityMatrix(qc)
    expect(entry(densityMatrix, 1, 0)[1]).toBeCloseTo(0.5, 12)
    expect(entry(densityMatrix, 0, 1)[1]).toBeCloseTo(-0.5, 12)
    expect(entry(densityMatrix, 1, 1)[0]).toBeCloseTo(0.5, 12)
  })

  it('handles an empty register and a circuit without gates', async () => {
    expect((await simulateDensityMatrix(new QuantumCircuit(0))).densityMatrix).toEqual(
      Float64Array.of(1, 0),
    )
    const { probabilities } = await simulateDensityMatrix(new QuantumCircuit(3))
    expect([...probabilities]).toEqual([1, 0, 0, 0, 0, 0, 0, 0])
  })
})

describe('simulateDensityMatrix with measurement, reset and classical control', () => {
  it('averages a measurement into dephasing (Bell pair → ½(|00⟩⟨00| + |11⟩⟨11|))', async () => {
    const qc = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0)
    const { densityMatrix } = await simulateDensityMatrix(qc)
    expect(entry(densityMatrix, 0, 0)[0]).toBeCloseTo(0.5, 14)
    expect(entry(densityMatrix, 3, 3)[0]).toBeCloseTo(0.5, 14)
    expect(Math.hypot(...entry(densityMatrix, 0, 3))).toBeLessThan(1e-15)
  })

  it('resets exactly: the reset qubit is |0⟩, its partner keeps its reduced state', async () => {
    const qc = new QuantumCircuit(2).h(0).cx(0, 1).reset(0)
    const { densityMatrix } = await simulateDensityMatrix(qc)
    // |0⟩⟨0| ⊗ I/2 on qubit 1: diag over index (q1 q0) = [½, 0, ½, 0]
    const expected = new Float64Array(32)
    expected[2 * (0 * 4 + 0)] = 0.5
    expected[2 * (2 * 4 + 2)] = 0.5
    expect(maxDiff(densityMatrix, expected)).toBeLessThan(1e-14)
  })

  it('teleports a state exactly when averaged over outcomes', async () => {
    const theta = 1.234
    const phi = 0.567
    const qc = new QuantumCircuit(3, 2)
    qc.ry(theta, 0).rz(phi, 0)
    qc.h(1).cx(1, 2).cx(0, 1).h(0).measure(0, 0).measure(1, 1)
    qc.ifElse(clbitCondition(1), new QuantumCircuit(1, 1).x(0), undefined, [2], [1])
    qc.ifElse(clbitCondition(0), new QuantumCircuit(1, 1).z(0), undefined, [2], [0])
    const { densityMatrix } = await simulateDensityMatrix(qc)
    // Reduced state of qubit 2 = rz(φ)·ry(θ)|0⟩ as a density matrix.
    const reduced = new Float64Array(8)
    for (let r = 0; r < 2; r++) {
      for (let c = 0; c < 2; c++) {
        for (let rest = 0; rest < 4; rest++) {
          const [re, im] = entry(densityMatrix, rest + 4 * r, rest + 4 * c)
          reduced[2 * (2 * r + c)]! += re
          reduced[2 * (2 * r + c) + 1]! += im
        }
      }
    }
    const a = Math.cos(theta / 2)
    const b = Math.sin(theta / 2)
    // ρ01 = a·b·e^{−iφ}
    const expected = Float64Array.of(
      a * a,
      0,
      a * b * Math.cos(phi),
      -a * b * Math.sin(phi),
      a * b * Math.cos(phi),
      a * b * Math.sin(phi),
      b * b,
      0,
    )
    expect(maxDiff(reduced, expected)).toBeLessThan(1e-12)
  })

  it('averages identically when branches must be replayed for lack of memory', async () => {
    const qc = new QuantumCircuit(3, 3)
    for (let k = 0; k < 7; k++) {
      qc.h(k % 3).measure(k % 3, k % 3)
      qc.ifElse(
        clbitCondition(k % 3),
        new QuantumCircuit(1, 1).ry(0.3 * k, 0),
        undefined,
        [(k + 1) % 3],
        [k % 3],
      )
    }
    const copies = await simulateDensityMatrix(qc)
    const replays = await simulateDensityMatrix(qc, { memoryBudgetBytes: 0 })
    expect(maxDiff(replays.densityMatrix, copies.densityMatrix)).toBeLessThan(1e-14)
    await expect(simulateDensityMatrix(qc, { maxBranches: 10 })).rejects.toMatchObject({
      code: 'simulation.unsupported-operation',
    })
  })

  it('averages a repeat-until-success loop to its exact fixed point', async () => {
    // Repeat: h, measure until the outcome is 0 → the qubit ends in |0⟩ with certainty.
    const qc = new QuantumCircuit(1, 1).h(0).measure(0, 0)
    qc.whileLoop(clbitCondition(0), new QuantumCircuit(1, 1).h(0).measure(0, 0), [0], [0])
    const { densityMatrix } = await simulateDensityMatrix(qc)
    expect(entry(densityMatrix, 0, 0)[0]).toBeCloseTo(1, 11)
    expect(entry(densityMatrix, 1, 1)[0]).toBeLessThan(1e-12)
  })

  it('matches single-shot branching semantics of c_if on a register', async () => {
    // x on qubit 1 only when qubit 0 read 1: ρ = ½|00⟩⟨00| + ½|11⟩⟨11|.
    const qc = new QuantumCircuit(2, 1).h(0).measure(0, 0)
    qc.append(new QuantumCircuit(1).x(0).toGate(), [1], [], { condition: clbitCondition(0) })
    const { probabilities } = await simulateDensityMatrix(qc)
    expect([...probabilities].map((p) => Math.round(p * 1e12) / 1e12)).toEqual([0.5, 0, 0, 0.5])
  })
})

describe('simulateDensityMatrix on a device noise model (ibmq_manila snapshot)', () => {
  const model = NoiseModel.fromBackend(MANILA_TARGET)
  // A Bell pair in manila's native gates: rz(π/2)·sx·rz(π/2) = H up to phase, then cx.
  const bell = new QuantumCircuit(2)
    .rz(Math.PI / 2, 0)
    .sx(0)
    .rz(Math.PI / 2, 0)
    .cx(0, 1)
  const fidelity = (rho: Float64Array): number =>
    (entry(rho, 0, 0)[0] + entry(rho, 3, 3)[0] + 2 * entry(rho, 0, 3)[0]) / 2

  it('gives a Bell fidelity within a few percent of (1 − e_sx)(1 − e_cx) from calibration', async () => {
    const { densityMatrix } = await simulateDensityMatrix(bell, { noiseModel: model })
    const expected = (1 - reportedGateError('sx', [0])) * (1 - reportedGateError('cx', [0, 1]))
    const f = fidelity(densityMatrix)
    expect(Math.abs(f - expected) / expected).toBeLessThan(0.03)
    expect(f).toBeLessThan(1 - 1e-3)
  })

  it('equals the dense channel-by-channel reference exactly', async () => {
    let rho = groundState(2)
    for (const inst of bell.data) {
      const gate = inst.operation
      if (!(gate instanceof Gate)) throw new TypeError('gates only')
      rho = applyUnitaryToDensityMatrix(rho, gate.toMatrix(), inst.qubits)
      for (const e of model.errorsFor(gate.name, inst.qubits))
        rho = applyChannelToDensityMatrix(rho, e, inst.qubits)
    }
    const { densityMatrix } = await simulateDensityMatrix(bell, { noiseModel: model })
    expect(maxDiff(densityMatrix, rho.data)).toBeLessThan(1e-13)
  })
})

describe('simulateDensityMatrix on worker threads', () => {
  afterAll(async () => {
    await terminateWorkers()
  })

  it('gives the same ρ with the gates split across threads (channels on the caller)', async () => {
    const model = NoiseModel.fromBackend(MANILA_TARGET)
    const qc = new QuantumCircuit(5, 2).rz(0.3, 0).sx(0).cx(0, 1).cx(1, 2).x(3).cx(3, 4).sx(2)
    qc.measure(1, 0).reset(1).sx(1).measure(2, 1)
    const one = await simulateDensityMatrix(qc, { noiseModel: model, threads: 1 })
    const two = await simulateDensityMatrix(qc, { noiseModel: model, threads: 2 })
    expect(maxDiff(two.densityMatrix, one.densityMatrix)).toBeLessThan(1e-13)
  })
})

describe('simulateDensityMatrix limits', () => {
  it('rejects registers above 13 qubits with simulation.too-many-qubits', async () => {
    await expect(simulateDensityMatrix(new QuantumCircuit(14))).rejects.toMatchObject({
      code: 'simulation.too-many-qubits',
    })
    await expect(simulateDensityMatrix(new QuantumCircuit(14))).rejects.toBeInstanceOf(
      SimulationError,
    )
  })

  it('rejects bad indices in programs with RangeError', async () => {
    await expect(
      simulateDensityMatrix({ numQubits: 1, numClbits: 0, ops: [{ kind: 'reset', qubit: 1 }] }),
    ).rejects.toBeInstanceOf(RangeError)
    await expect(
      simulateDensityMatrix({
        numQubits: 2,
        numClbits: 0,
        ops: [{ kind: 'channel', qubits: [0], superop: new Float64Array(8) }],
      }),
    ).rejects.toBeInstanceOf(RangeError)
  })

  it('stops with the abort reason', async () => {
    const controller = new AbortController()
    const reason = new Error('stop')
    controller.abort(reason)
    await expect(
      simulateDensityMatrix(new QuantumCircuit(3).h(0), { signal: controller.signal }),
    ).rejects.toBe(reason)
  })

  it('stops runaway loops with simulation.loop-limit', async () => {
    const qc = new QuantumCircuit(1, 1).x(0).measure(0, 0)
    qc.whileLoop(clbitCondition(0), new QuantumCircuit(1, 1).measure(0, 0), [0], [0])
    await expect(simulateDensityMatrix(qc, { maxLoopIterations: 50 })).rejects.toMatchObject({
      code: 'simulation.loop-limit',
    })
  })
})
