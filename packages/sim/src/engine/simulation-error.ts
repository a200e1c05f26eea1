/**
 * Errors the statevector engine throws on purpose.
 */

/**
 * The stable codes of {@link SimulationError}. Never reworded once released.
 *
 * - `simulation.too-many-qubits`: the state would not fit the engine's limits
 * - `simulation.loop-limit`: a while loop ran more iterations than allowed
 * - `simulation.unsupported-operation`: an operation the engine cannot simulate
 * - `simulation.invalid-program`: a program referring to bits it does not have
 */
export const SIMULATION_ERROR_CODES = [
  'simulation.too-many-qubits',
  'simulation.loop-limit',
  'simulation.unsupported-operation',
  'simulation.invalid-program',
] as const

/** A code of {@link SimulationError}. */
export type SimulationErrorCode = (typeof SIMULATION_ERROR_CODES)[number]

/**
 * A program the engine cannot run as asked (too wide, a runaway loop, an unsupported op).
 *
 * It carries `code` like every qfabric error; `isQfabricError` recognizes it structurally.
 * (It extends `Error` rather than `QfabricError` only because `@qfabric/core` does not export
 * the root class yet.)
 */
export class SimulationError extends Error {
  /** A stable code: `simulation.detail`. */
  readonly code: SimulationErrorCode

  /**
   * @param code - the stable code
   * @param message - what went wrong
   * @param options - the ES2022 `cause`
   */
  constructor(code: SimulationErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = 'SimulationError'
  }
}
