import { ComplexMatrix } from '@qfabric/core/math'
import { describe, expect, it } from 'vitest'
import { applyChannelToDensityMatrix } from '../../src/noise/apply-channel.js'
import { amplitudeDampingError } from '../../src/noise/damping-errors.js'
import { depolarizingError } from '../../src/noise/depolarizing-error.js'
import { embedOperator } from '../../src/noise/embed-operator.js'
import { resetError } from '../../src/noise/kraus-error.js'
import { NoiseModel } from '../../src/noise/noise-model.js'
import type { QuantumError } from '../../src/noise/quantum-error.js'
import { thermalRelaxationError } from '../../src/noise/thermal-relaxation-error.js'
import {
  sampleTrajectoryOp,
  trajectoryOps,
  type TrajectoryOp,
  type UniformSource,
} from '../../src/noise/trajectory-sampler.js'
import { BELL_STEPS, bellFidelity, noisyBell } from './support/bell.js'
import { MANILA_TARGET } from './support/manila.js'
import { maxDiff, real, uniformSource } from './support/numeric.js'

/** What an engine does with a sampled op, on a column state vector (dense, small n). */
function applyOp(
  psi: ComplexMatrix,
  op: TrajectoryOp,
  where: { qargs: readonly number[]; n: number; rng: UniformSource },
): ComplexMatrix {
  if (op.kind === 'unitary') {
    return op.isIdentity ? psi : embedOperator(op.matrix, where.qargs, where.n).mul(psi)
  }
  const u = where.rng.nextDouble()
  let acc = 0
  let last = psi
  for (const k of op.operators) {
    const next = embedOperator(k, where.qargs, where.n).mul(psi)
    const weight = next.adjoint().mul(next).get(0, 0).re
    acc += weight
    last = next.scale(1 / Math.sqrt(weight || 1))
    if (u < acc) return last
  }
  return last
}

function column(amplitudes: readonly number[]): ComplexMatrix {
  return real(amplitudes.map((a) => [a]))
}

describe('sampleTrajectoryOp', () => {
  it('picks terms with their probabilities', () => {
    const e = depolarizingError(0.4, 1)
    const rng = uniformSource(1)
    const counts = new Map<TrajectoryOp, number>()
    const shots = 50_000
    for (let s = 0; s < shots; s++) {
      const op = sampleTrajectoryOp(e, rng)
      counts.set(op, (counts.get(op) ?? 0) + 1)
    }
    for (const [op, p] of trajectoryOps(e)) {
      const f = (counts.get(op) ?? 0) / shots
      expect(Math.abs(f - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / shots))
    }
  })

  it('returns shared frozen ops: identity flagged, Pauli labels kept, Kraus operators heaviest first', () => {
    const e = depolarizingError(0.4, 1)
    const ops = trajectoryOps(e).map(([op]) => op)
    expect(ops[0]).toMatchObject({ kind: 'unitary', isIdentity: true, pauli: 'I' })
    expect(ops.slice(1).map((op) => op.kind === 'unitary' && op.pauli)).toEqual(['X', 'Y', 'Z'])
    expect(Object.isFrozen(ops[1])).toBe(true)
    expect(sampleTrajectoryOp(e, { nextDouble: () => 0 })).toBe(ops[0])
    expect(sampleTrajectoryOp(e, { nextDouble: () => 0.9999999999 })).toBe(ops[3])
    const [[kraus]] = trajectoryOps(amplitudeDampingError(0.2)) as [[TrajectoryOp, number]]
    expect(kraus.kind).toBe('kraus')
    if (kraus.kind !== 'kraus') return
    const w = kraus.operators.map((k) => k.data.reduce((s, x) => s + x * x, 0))
    expect(w[0]).toBeGreaterThanOrEqual(w[1]!)
  })

  const channels: [string, QuantumError][] = [
    ['thermal relaxation, T2 ≤ T1 (resets)', thermalRelaxationError(10e-6, 6e-6, 8e-6, 0.2)],
    ['thermal relaxation, T2 > T1 (Kraus)', thermalRelaxationError(10e-6, 18e-6, 8e-6, 0.1)],
    ['amplitude damping', amplitudeDampingError(0.6)],
    ['depolarizing ∘ reset', depolarizingError(0.5, 1).compose(resetError(0.3, 0.1))],
  ]
  for (const [name, error] of channels) {
    it(`averages to the channel over trajectories: ${name}`, () => {
      const psi0 = column([0.6, 0.8])
      const rho0 = psi0.mul(psi0.adjoint())
      const rng = uniformSource(17)
      const shots = 20_000
      let sum = new ComplexMatrix(2, 2)
      for (let s = 0; s < shots; s++) {
        const psi = applyOp(psi0, sampleTrajectoryOp(error, rng), { qargs: [0], n: 1, rng })
        sum = sum.add(psi.mul(psi.adjoint()))
      }
      const exact = applyChannelToDensityMatrix(rho0, error, [0])
      // entries of |ψ⟩⟨ψ| are bounded by 1/2 off the diagonal: 5σ ≤ 5·0.5/√shots
      expect(maxDiff(sum.scale(1 / shots), exact)).toBeLessThan((5 * 0.5) / Math.sqrt(shots))
      expect(maxDiff(exact, rho0)).toBeGreaterThan(0.05)
    })
  }

  it('reproduces the exact Bell fidelity on manila with trajectories', () => {
    const model = NoiseModel.fromBackend(MANILA_TARGET)
    const exact = bellFidelity(noisyBell(model))
    const rng = uniformSource(99)
    const shots = 20_000
    let total = 0
    for (let s = 0; s < shots; s++) {
      let psi = column([1, 0, 0, 0])
      for (const [name, u, qubits] of BELL_STEPS) {
        psi = embedOperator(u, qubits, 2).mul(psi)
        for (const e of model.errorsFor(name, qubits)) {
          psi = applyOp(psi, sampleTrajectoryOp(e, rng), { qargs: qubits, n: 2, rng })
        }
      }
      const overlap = psi.get(0, 0).add(psi.get(3, 0)).abs2() / 2
      total += overlap
    }
    const sigma = Math.sqrt((exact * (1 - exact)) / shots)
    expect(Math.abs(total / shots - exact)).toBeLessThan(5 * sigma)
    expect(1 - total / shots).toBeGreaterThan(5 * sigma)
  })
})
