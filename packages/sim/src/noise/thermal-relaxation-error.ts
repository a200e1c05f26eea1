/**
 * T1/T2 relaxation towards the thermal state (Qiskit Aer's `thermal_relaxation_error`).
 */
import { ComplexMatrix } from '@qfabric/core/math'
import { choiToKraus, NOISE_ATOL } from './channel-math.js'
import { RESET_TO_ONE, RESET_TO_ZERO } from './kraus-error.js'
import { NoiseError, requireInRange } from './noise-error.js'
import { QuantumError } from './quantum-error.js'

/**
 * The single-qubit thermal relaxation channel over a time `time`: populations relax towards the
 * thermal state `(1 − p₁)|0⟩⟨0| + p₁|1⟩⟨1|` as `e^{−t/T1}`, coherences decay as `e^{−t/T2}`.
 * All times in the same unit (seconds in qfabric). `Infinity` is allowed for `t1` and `t2`.
 *
 * As in Aer, for `T2 ≤ T1` the channel is a mixture of identity, Z and resets to |0⟩ and |1⟩
 * (probabilities `p_reset·(1 − p₁)` and `p_reset·p₁` with `p_reset = 1 − e^{−t/T1}`, and
 * `p_z = (1 − p_reset)(1 − e^{−t(1/T2 − 1/T1)})/2`); for `T1 < T2 ≤ 2·T1` it has no such
 * form and is built from its Choi matrix as a Kraus channel.
 *
 * @param t1 - the relaxation time `T1 > 0`
 * @param t2 - the dephasing time, `0 < T2 ≤ 2·T1`
 * @param time - the duration, `≥ 0`
 * @param excitedStatePopulation - `p₁ ∈ [0, 1]`, the thermal excited-state population (0 at zero
 *   temperature)
 * @returns the error
 * @throws NoiseError `sim.noise.invalid-parameter` naming `t1`, `t2`, `time` or
 *   `excitedStatePopulation` when out of range
 * @example
 * ```ts
 * // 50 ns on a qubit with T1 = 100 µs, T2 = 80 µs
 * const e = thermalRelaxationError(100e-6, 80e-6, 50e-9)
 * ```
 */
// Four positional parameters on purpose: this is Aer's `thermal_relaxation_error(t1, t2, time,
// excited_state_population=0)` signature, which users port code from.
// eslint-disable-next-line max-params
export function thermalRelaxationError(
  t1: number,
  t2: number,
  time: number,
  excitedStatePopulation = 0,
): QuantumError {
  const { p1, pReset, expT2 } = relaxationParameters({ t1, t2, time, excitedStatePopulation })
  const p0 = 1 - p1
  if (t2 > t1)
    return new QuantumError([{ probability: 1, kraus: relaxationKraus(p1, pReset, expT2) }])
  const pZ = ((1 - pReset) * (1 - Math.exp(-time * (rate(t2) - rate(t1))))) / 2
  return new QuantumError([
    { probability: Math.max(0, 1 - pZ - pReset), pauli: 'I' },
    { probability: pZ, pauli: 'Z' },
    { probability: pReset * p0, kraus: RESET_TO_ZERO },
    { probability: pReset * p1, kraus: RESET_TO_ONE },
  ])
}

function relaxationParameters({
  t1,
  t2,
  time,
  excitedStatePopulation,
}: {
  t1: number
  t2: number
  time: number
  excitedStatePopulation: number
}): { p1: number; pReset: number; expT2: number } {
  const p1 = requireInRange(excitedStatePopulation, 'excitedStatePopulation', [0, 1])
  requireInRange(time, 'time', [0, Infinity])
  if (typeof t1 !== 'number' || Number.isNaN(t1) || t1 <= 0) {
    throw new NoiseError('sim.noise.invalid-parameter', `t1 must be > 0, got ${String(t1)}`, {
      argument: 't1',
    })
  }
  if (typeof t2 !== 'number' || Number.isNaN(t2) || t2 <= 0) {
    throw new NoiseError('sim.noise.invalid-parameter', `t2 must be > 0, got ${String(t2)}`, {
      argument: 't2',
    })
  }
  // `Infinity - Infinity` is NaN, so two infinite times pass, as in Aer.
  if (t2 - 2 * t1 > 0) {
    throw new NoiseError(
      'sim.noise.invalid-parameter',
      `t2 must not exceed 2·t1 (t1 = ${t1}, t2 = ${t2})`,
      { argument: 't2' },
    )
  }
  return { p1, pReset: 1 - Math.exp(-time * rate(t1)), expT2: Math.exp(-time * rate(t2)) }
}

function rate(t: number): number {
  return t === Infinity ? 0 : 1 / t
}

/**
 * Canonical Kraus operators from the Choi matrix (input index major)
 * `[[1 − p₁·r, 0, 0, c], [0, p₁·r, 0, 0], [0, 0, p₀·r, 0], [c, 0, 0, 1 − p₀·r]]`
 * with `r = p_reset` and `c = e^{−t/T2}`.
 */
function relaxationKraus(p1: number, pReset: number, expT2: number): ComplexMatrix[] {
  const p0 = 1 - p1
  const choi = ComplexMatrix.fromRows([
    [1 - p1 * pReset, 0, 0, expT2],
    [0, p1 * pReset, 0, 0],
    [0, 0, p0 * pReset, 0],
    [expT2, 0, 0, 1 - p0 * pReset],
  ])
  // Eigenvalues below the noise tolerance are rounding residue of a rank-deficient Choi matrix.
  return choiToKraus(choi, NOISE_ATOL * NOISE_ATOL)
}
