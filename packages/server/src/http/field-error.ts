import { pointerToField, type FieldError, type RequestPart } from '@qfabric/protocol'

/** The optional members of a field error besides location, code and message. */
export type FieldErrorExtras = Pick<FieldError, 'line' | 'column' | 'gate' | 'qubits' | 'limit'>

/** Where a field error points, and what it says. */
export interface FieldErrorInit extends FieldErrorExtras {
  /** The request part. */
  readonly in: RequestPart
  /** The JSON pointer into it (`/input/circuits/0/qasm`). */
  readonly pointer: string
  /** What is wrong (`max_exceeded`, `qasm2.parse.missing-semicolon`, …). */
  readonly code: string
  /** Why, for people. */
  readonly message: string
}

/**
 * A field error at a JSON pointer, with the dotted `field` derived from it (the two always
 * agree).
 *
 * @param init - part, pointer, code, message and optional line/column, gate/qubits, limit
 * @returns the field error
 */
export function fieldError(init: FieldErrorInit): FieldError {
  return { ...init, field: pointerToField(init.pointer) }
}
