/**
 * Amplitude and phase damping (Qiskit Aer's `phase_amplitude_damping_error`,
 * `amplitude_damping_error` and `phase_damping_error`).
 */
import { ComplexMatrix } from '@qfabric/core/math'
import { krausError } from './kraus-error.js'
import { NoiseError, requireInRange } from './noise-error.js'
import type { QuantumError } from './quantum-error.js'

/** Options of {@link phaseAmplitudeDampingError} and {@link amplitudeDampingError}. */
export interface DampingOptions {
  /** The excited-state population `p₁` of the thermal state damped towards (default 0). */
  readonly excitedStatePopulation?: number | undefined
  /** Use canonical (orthogonal, minimal) Kraus operators (default `true`, as in Aer). */
  readonly canonical?: boolean | undefined
}

/**
 * Combined amplitude (`γ`) and phase (`λ`) damping towards the thermal state with excited
 * population `p₁`. With `c₀ = √(1 − p₁)`, `c₁ = √p₁`, `q = 1 − γ − λ`, the Kraus operators are
 * `c₀·[[1, 0], [0, √q]]`, `c₀·[[0, √γ], [0, 0]]`, `c₀·[[0, 0], [0, √λ]]`,
 * `c₁·[[√q, 0], [0, 1]]`, `c₁·[[0, 0], [√γ, 0]]`, `c₁·[[√λ, 0], [0, 0]]` (zero ones dropped).
 * Without amplitude damping the channel is pure dephasing and is stored as a Z mixture.
 *
 * @param paramAmp - `γ ≥ 0`
 * @param paramPhase - `λ ≥ 0`, with `γ + λ ≤ 1`
 * @param options - excited-state population, canonical Kraus form
 * @returns the error
 * @throws NoiseError `sim.noise.invalid-parameter` naming `paramAmp`, `paramPhase` or
 *   `excitedStatePopulation` when out of range
 */
export function phaseAmplitudeDampingError(
  paramAmp: number,
  paramPhase: number,
  options: DampingOptions = {},
): QuantumError {
  const g = requireInRange(paramAmp, 'paramAmp', [0, 1])
  const l = requireInRange(paramPhase, 'paramPhase', [0, 1])
  const p1 = requireInRange(options.excitedStatePopulation ?? 0, 'excitedStatePopulation', [0, 1])
  if (g + l > 1) {
    throw new NoiseError(
      'sim.noise.invalid-parameter',
      `paramAmp + paramPhase must not exceed 1, got ${g + l}`,
      { argument: 'paramPhase' },
    )
  }
  const c0 = Math.sqrt(1 - p1)
  const c1 = Math.sqrt(p1)
  const q = Math.sqrt(1 - g - l)
  const sg = Math.sqrt(g)
  const sl = Math.sqrt(l)
  const candidates = [
    [
      [c0, 0],
      [0, c0 * q],
    ],
    [
      [0, c0 * sg],
      [0, 0],
    ],
    [
      [0, 0],
      [0, c0 * sl],
    ],
    [
      [c1 * q, 0],
      [0, c1],
    ],
    [
      [0, 0],
      [c1 * sg, 0],
    ],
    [
      [c1 * sl, 0],
      [0, 0],
    ],
  ].map((rows) => ComplexMatrix.fromRows(rows))
  // Aer drops operators of norm ≤ 1e-10 before building the channel.
  const ops = candidates.filter((k) => Math.hypot(...k.data) > 1e-10)
  return krausError(ops, { canonical: options.canonical ?? true })
}

/**
 * Amplitude damping `γ` towards the thermal state (Aer's `amplitude_damping_error`); at zero
 * temperature its Kraus operators are `[[1, 0], [0, √(1−γ)]]` and `[[0, √γ], [0, 0]]`.
 *
 * @param paramAmp - `γ ∈ [0, 1]`
 * @param excitedStatePopulation - `p₁ ∈ [0, 1]` (default 0)
 * @returns the error
 * @throws NoiseError `sim.noise.invalid-parameter` for parameters out of range
 */
export function amplitudeDampingError(paramAmp: number, excitedStatePopulation = 0): QuantumError {
  return phaseAmplitudeDampingError(paramAmp, 0, { excitedStatePopulation })
}

/**
 * Phase damping `λ` (Aer's `phase_damping_error`): coherences shrink by `√(1 − λ)`, populations
 * stay. Aer's Kraus operators are `[[1, 0], [0, √(1−λ)]]` and `[[0, 0], [0, √λ]]`; the same
 * channel is stored here as Z with probability `(1 − √(1 − λ))/2`.
 *
 * @param paramPhase - `λ ∈ [0, 1]`
 * @returns the error
 * @throws NoiseError `sim.noise.invalid-parameter` when `λ` is out of range
 */
export function phaseDampingError(paramPhase: number): QuantumError {
  return phaseAmplitudeDampingError(0, paramPhase)
}
