/**
 * Errors of the local simulator backends and fake devices.
 */
import { QfabricError } from '@qfabric/core/providers'

/**
 * The stable codes of {@link LocalSimulatorError}. Never reworded once released.
 *
 * - `sim.backend.too-many-qubits`: the circuit is wider than the method can simulate
 * - `sim.backend.memory-limit`: the simulation would need more memory than `maxMemoryMb`
 * - `sim.backend.non-unitary`: a measurement, reset or classical control given to the unitary
 *   simulator
 * - `sim.backend.unbound-parameters`: a circuit with free parameters
 * - `sim.backend.unsupported-noise`: a noise model given to a method that cannot simulate it
 * - `sim.backend.not-in-target`: an instruction a fake device does not have on those qubits
 *   (transpile the circuit for the device first)
 * - `sim.backend.worker-failed`: the worker thread running the job stopped unexpectedly
 */
export const LOCAL_SIMULATOR_ERROR_CODES = [
  'sim.backend.too-many-qubits',
  'sim.backend.memory-limit',
  'sim.backend.non-unitary',
  'sim.backend.unbound-parameters',
  'sim.backend.unsupported-noise',
  'sim.backend.not-in-target',
  'sim.backend.worker-failed',
] as const

/** A code of {@link LocalSimulatorError}. */
export type LocalSimulatorErrorCode = (typeof LOCAL_SIMULATOR_ERROR_CODES)[number]

/**
 * A circuit or setting a local simulator cannot run. Thrown by `backend.run()` when the
 * submission is refused, or reported as the failed job's `remoteCode` when found while running.
 *
 * @example
 * ```ts
 * try {
 *   await fakeManila.run(untranspiled)
 * } catch (e) {
 *   if (e instanceof LocalSimulatorError && e.code === 'sim.backend.not-in-target') { … }
 * }
 * ```
 */
export class LocalSimulatorError extends QfabricError {
  declare readonly code: LocalSimulatorErrorCode

  /**
   * @param code - the stable code
   * @param message - what went wrong, and where
   * @param options - the ES2022 `cause`
   */
  constructor(code: LocalSimulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'LocalSimulatorError'
  }
}
