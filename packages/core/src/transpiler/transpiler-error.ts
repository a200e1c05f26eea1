import { QfabricError } from '../internal/qfabric-error.js'

/**
 * The stable codes a {@link TranspilerError} carries. Never reworded once released.
 *
 * - `transpiler.failed`: a pass failed for another reason (the message says why)
 * - `transpiler.invalid-pass`: a pass or flow controller that breaks the pass contract
 * - `transpiler.unknown-plugin`: a stage plugin name that is not registered
 * - `transpiler.duplicate-plugin`: a stage plugin name registered twice
 * - `transpiler.circuit-too-wide`: the circuit has more qubits than the target
 * - `transpiler.layout-failed`: no layout could be found or the given one does not fit
 * - `transpiler.invalid-layout`: a layout that is not an injective map into the device
 * - `transpiler.disconnected`: the circuit's interactions cannot be placed on the couplings
 * - `transpiler.routing-failed`: routing could not make every interaction adjacent
 * - `transpiler.not-physical`: a routing or direction pass got a circuit not yet laid out
 * - `transpiler.multi-qubit-operation`: an operation on three or more qubits reached routing
 * - `transpiler.gate-direction`: a two-qubit gate that cannot be flipped to a supported direction
 * - `transpiler.basis-translation`: an operation with no rule into the target's basis
 * - `transpiler.synthesis`: a unitary that could not be synthesised
 * - `transpiler.scheduling`: a circuit that cannot be scheduled (e.g. a missing duration)
 */
export const TRANSPILER_ERROR_CODES = [
  'transpiler.failed',
  'transpiler.invalid-pass',
  'transpiler.unknown-plugin',
  'transpiler.duplicate-plugin',
  'transpiler.circuit-too-wide',
  'transpiler.layout-failed',
  'transpiler.invalid-layout',
  'transpiler.disconnected',
  'transpiler.routing-failed',
  'transpiler.not-physical',
  'transpiler.multi-qubit-operation',
  'transpiler.gate-direction',
  'transpiler.basis-translation',
  'transpiler.synthesis',
  'transpiler.scheduling',
] as const

/** A code of {@link TranspilerError}. */
export type TranspilerErrorCode = (typeof TRANSPILER_ERROR_CODES)[number]

/**
 * A circuit that the transpiler cannot compile for its target (Qiskit's `TranspilerError`); the
 * message names the reason. Subclasses narrow the area: {@link LayoutError},
 * {@link RoutingError}, {@link BasisTranslationError}, {@link CircuitTooWideError}.
 */
export class TranspilerError extends QfabricError {
  declare readonly code: TranspilerErrorCode

  /**
   * @param code - the stable code, one of {@link TRANSPILER_ERROR_CODES}
   * @param message - what went wrong, and where
   * @param options - the ES2022 `cause`
   */
  constructor(code: TranspilerErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'TranspilerError'
  }
}

/** No valid initial layout: the given one does not fit, or none can be found. */
export class LayoutError extends TranspilerError {
  /**
   * @param code - `transpiler.layout-failed`, `transpiler.invalid-layout` or
   *   `transpiler.disconnected`
   * @param message - what went wrong
   * @param options - the ES2022 `cause`
   */
  constructor(
    code: Extract<
      TranspilerErrorCode,
      'transpiler.layout-failed' | 'transpiler.invalid-layout' | 'transpiler.disconnected'
    >,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options)
    this.name = 'LayoutError'
  }
}

/** Routing failed: an interaction across disconnected qubits, or an unroutable operation. */
export class RoutingError extends TranspilerError {
  /**
   * @param code - `transpiler.routing-failed`, `transpiler.disconnected`,
   *   `transpiler.not-physical`, `transpiler.multi-qubit-operation` or
   *   `transpiler.gate-direction`
   * @param message - what went wrong
   * @param options - the ES2022 `cause`
   */
  constructor(
    code: Extract<
      TranspilerErrorCode,
      | 'transpiler.routing-failed'
      | 'transpiler.disconnected'
      | 'transpiler.not-physical'
      | 'transpiler.multi-qubit-operation'
      | 'transpiler.gate-direction'
    >,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options)
    this.name = 'RoutingError'
  }
}

/** An operation that no equivalence rule translates into the target's basis. */
export class BasisTranslationError extends TranspilerError {
  /**
   * @param message - which operations could not be translated, into which basis
   * @param options - the ES2022 `cause`
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super('transpiler.basis-translation', message, options)
    this.name = 'BasisTranslationError'
  }
}

/** The circuit has more qubits than the target (Qiskit's `CircuitTooWideForTarget`). */
export class CircuitTooWideError extends TranspilerError {
  /** The circuit's qubit count. */
  readonly numCircuitQubits: number
  /** The target's qubit count. */
  readonly numTargetQubits: number

  /**
   * @param numCircuitQubits - the circuit's qubit count
   * @param numTargetQubits - the target's qubit count
   * @param circuitName - the circuit's name, for the message
   */
  constructor(numCircuitQubits: number, numTargetQubits: number, circuitName?: string) {
    super(
      'transpiler.circuit-too-wide',
      `Number of qubits (${numCircuitQubits}) in ${circuitName === undefined ? 'the circuit' : `'${circuitName}'`} ` +
        `is greater than maximum (${numTargetQubits}) in the coupling_map`,
    )
    this.name = 'CircuitTooWideError'
    this.numCircuitQubits = numCircuitQubits
    this.numTargetQubits = numTargetQubits
  }
}
