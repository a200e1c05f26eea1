import { QfabricError } from '../internal/qfabric-error.js'

/**
 * The stable codes of the target area. Never reworded once released.
 *
 * - `target.duplicate-instruction`: `addInstruction` with a name already in the target
 * - `target.unknown-instruction`: a name the target does not have
 * - `target.unknown-qargs`: qargs the instruction (or the target) does not have
 * - `target.qargs-mismatch`: qargs whose length differs from the operation's qubit count
 * - `target.invalid-instruction`: an operation class added without a name or with properties, or
 *   a basis gate that a factory cannot place
 * - `target.not-two-qubit`: `buildCouplingMap({ twoQGate })` with an operation that is not 2-qubit
 * - `target.frozen`: a builder method called on a frozen target
 * - `target.duration-not-found`: `InstructionDurations.get` found no duration
 * - `target.duration-unit`: a duration conversion that needs a `dt` the durations do not have
 * - `coupling.duplicate-qubit`: a physical qubit added twice to a coupling map
 * - `coupling.no-path`: two qubits with no path between them
 * - `coupling.disconnected`: a reduced coupling map that is not connected
 */
export const TARGET_ERROR_CODES = [
  'target.duplicate-instruction',
  'target.unknown-instruction',
  'target.unknown-qargs',
  'target.qargs-mismatch',
  'target.invalid-instruction',
  'target.not-two-qubit',
  'target.frozen',
  'target.duration-not-found',
  'target.duration-unit',
  'coupling.duplicate-qubit',
  'coupling.no-path',
  'coupling.disconnected',
] as const

/** A code of {@link TargetError} or {@link CouplingError}. */
export type TargetErrorCode = (typeof TARGET_ERROR_CODES)[number]

/**
 * A semantic error in building or querying a {@link Target} (Qiskit raises `TranspilerError`,
 * `KeyError` or `AttributeError` for these). Misuse such as a negative qubit index is a
 * `RangeError`/`TypeError` instead.
 */
export class TargetError extends QfabricError {
  declare readonly code: TargetErrorCode

  /**
   * @param code - a `target.*` code, one of {@link TARGET_ERROR_CODES}
   * @param message - what went wrong, and where
   * @param options - the ES2022 `cause`
   */
  constructor(code: TargetErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'TargetError'
  }
}

/** A semantic error of a {@link CouplingMap} (Qiskit's `CouplingError`), code `coupling.*`. */
export class CouplingError extends TargetError {
  /**
   * @param code - a `coupling.*` code
   * @param message - what went wrong, and where
   * @param options - the ES2022 `cause`
   */
  constructor(
    code: Extract<TargetErrorCode, `coupling.${string}`>,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options)
    this.name = 'CouplingError'
  }
}

/**
 * A backend configuration document that cannot be read: a required field is missing or has the
 * wrong type (Qiskit's `QiskitError` from `BackendConfiguration.from_dict`). Code
 * `backend.configuration`.
 */
export class BackendConfigurationError extends QfabricError {
  /**
   * @param message - which field is wrong, and how
   * @param options - the ES2022 `cause`
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super('backend.configuration', message, options)
    this.name = 'BackendConfigurationError'
  }
}

/**
 * A backend property that does not exist or cannot be converted to SI units (Qiskit's
 * `BackendPropertyError`). Code `backend.property`.
 */
export class BackendPropertyError extends QfabricError {
  /**
   * @param message - which property of which qubit or gate, and why
   * @param options - the ES2022 `cause`
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super('backend.property', message, options)
    this.name = 'BackendPropertyError'
  }
}
