/**
 * Errors the stabilizer (Clifford) simulator throws on purpose.
 */
import { QfabricError } from '@qfabric/core/providers'

/**
 * The stable codes of {@link StabilizerError}. Never reworded once released.
 *
 * - `sim.stabilizer.non-clifford`: a gate that is not a Clifford operation (`t`, `rz(0.3)`, …)
 * - `sim.stabilizer.unsupported-operation`: an instruction the simulator cannot run at all (an
 *   opaque gate without matrix or definition, an unknown non-unitary instruction)
 * - `sim.stabilizer.loop-limit`: a while loop ran more iterations than allowed
 */
export const STABILIZER_ERROR_CODES = [
  'sim.stabilizer.non-clifford',
  'sim.stabilizer.unsupported-operation',
  'sim.stabilizer.loop-limit',
] as const

/** A code of {@link StabilizerError}. */
export type StabilizerErrorCode = (typeof STABILIZER_ERROR_CODES)[number]

/** Where in the circuit an error arose. */
export interface StabilizerErrorSite {
  /** The name of the offending operation (the innermost one, e.g. `t` inside `ccx`). */
  readonly operationName?: string | undefined
  /** The index of the top-level instruction in `circuit.data` that contains it. */
  readonly instructionIndex?: number | undefined
  /** The ES2022 cause. */
  readonly cause?: unknown
}

/**
 * A circuit the stabilizer simulator cannot run: a non-Clifford gate, an unsupported
 * instruction or a runaway loop. `operationName` and `instructionIndex` say where.
 *
 * @example
 * ```ts
 * try {
 *   await runStabilizer(new QuantumCircuit(1).t(0), { shots: 1 })
 * } catch (e) {
 *   if (e instanceof StabilizerError && e.code === 'sim.stabilizer.non-clifford') {
 *     console.log(e.operationName, e.instructionIndex) // 't' 0
 *   }
 * }
 * ```
 */
export class StabilizerError extends QfabricError {
  declare readonly code: StabilizerErrorCode
  /** The name of the offending operation, when known. */
  readonly operationName: string | undefined
  /** The index of the top-level instruction holding it, when known. */
  readonly instructionIndex: number | undefined

  /**
   * @param code - the stable code
   * @param message - what went wrong, and where
   * @param site - the operation, its top-level instruction index and a cause
   */
  constructor(code: StabilizerErrorCode, message: string, site: StabilizerErrorSite = {}) {
    super(code, message, site.cause === undefined ? undefined : { cause: site.cause })
    this.name = 'StabilizerError'
    this.operationName = site.operationName
    this.instructionIndex = site.instructionIndex
  }
}
