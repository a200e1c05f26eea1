import { QfabricError } from '@qfabric/core/providers'

/** Codes of {@link ServeError}. */
export const SERVE_ERROR_CODES = ['serve.invalid-argument'] as const

/** A code of {@link ServeError}. */
export type ServeErrorCode = (typeof SERVE_ERROR_CODES)[number]

/**
 * `qfabric serve` cannot start with its command line: an unknown option, a missing value, a
 * value out of range, or a combination that cannot work (a worker on an in-memory database).
 */
export class ServeError extends QfabricError {
  /**
   * @param code - the stable code
   * @param message - what is wrong, naming the option
   * @param options - the ES2022 `cause`
   */
  constructor(code: ServeErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'ServeError'
  }
}
