import type { QuantumCircuit } from '../circuit/quantum-circuit.js'
import type { Complex } from '../math/complex.js'
import type { ComplexMatrix } from '../math/complex-matrix.js'
import type { Backend } from './backend.js'
import type { AbortableOptions } from './job.js'

/** Options of the simulator capabilities. */
export interface SimulateOptions extends AbortableOptions {
  /** A seed for any sampling the simulation does. */
  readonly seed?: number | undefined
}

/**
 * An observable as a sum of Pauli terms: `[label, coefficient]`, labels over `I`, `X`, `Y`, `Z`
 * with qubit 0 the **rightmost** character (Qiskit's `SparsePauliOp.from_list` input).
 */
export type PauliSumTerms = readonly (readonly [label: string, coeff: number | Complex])[]

/**
 * A backend that computes final statevectors directly (Cirq's `SimulatesFinalState`), for
 * primitives and tests. Sampling-only backends implement just `Backend`.
 */
export interface SimulatesStatevector extends Backend {
  /**
   * The state a measurement-free circuit prepares from `|0…0⟩`.
   *
   * @returns interleaved amplitudes `[re0, im0, re1, im1, …]`, little-endian (index bit `k` is
   *   qubit `k`)
   */
  simulateStatevector(circuit: QuantumCircuit, options?: SimulateOptions): Promise<Float64Array>
}

/** A backend that computes final density matrices (noise included). */
export interface SimulatesDensityMatrix extends Backend {
  /** The density matrix a circuit prepares from `|0…0⟩⟨0…0|` (little-endian indices). */
  simulateDensityMatrix(circuit: QuantumCircuit, options?: SimulateOptions): Promise<ComplexMatrix>
}

/** A backend that computes exact expectation values. */
export interface SimulatesExpectationValues extends Backend {
  /** `⟨ψ|O|ψ⟩` (real part) for each observable, on the state the circuit prepares. */
  simulateExpectationValues(
    circuit: QuantumCircuit,
    observables: readonly PauliSumTerms[],
    options?: SimulateOptions,
  ): Promise<number[]>
}

function hasMethod(value: unknown, name: string): boolean {
  return typeof (value as Record<string, unknown> | null)?.[name] === 'function'
}

/**
 * Whether a backend computes statevectors.
 *
 * @param backend - any backend
 * @returns true when it has `simulateStatevector()`
 */
export function supportsStatevector(backend: Backend): backend is SimulatesStatevector {
  return hasMethod(backend, 'simulateStatevector')
}

/**
 * Whether a backend computes density matrices.
 *
 * @param backend - any backend
 * @returns true when it has `simulateDensityMatrix()`
 */
export function supportsDensityMatrix(backend: Backend): backend is SimulatesDensityMatrix {
  return hasMethod(backend, 'simulateDensityMatrix')
}

/**
 * Whether a backend computes expectation values.
 *
 * @param backend - any backend
 * @returns true when it has `simulateExpectationValues()`
 */
export function supportsExpectationValues(backend: Backend): backend is SimulatesExpectationValues {
  return hasMethod(backend, 'simulateExpectationValues')
}
