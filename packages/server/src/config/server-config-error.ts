import { QfabricError } from '@qfabric/core/providers'

/** Codes of {@link ServerConfigError}. */
export const SERVER_CONFIG_ERROR_CODES = [
  'server.config-invalid',
  'server.config-unreadable',
  'server.backend-source-unknown',
] as const

/** A code of {@link ServerConfigError}. */
export type ServerConfigErrorCode = (typeof SERVER_CONFIG_ERROR_CODES)[number]

/**
 * The server cannot start with its configuration: a backends file that is missing, not JSON or
 * not valid, duplicate names, or a backend source nobody registered.
 */
export class ServerConfigError extends QfabricError {
  /**
   * @param code - the stable code
   * @param message - what is wrong and where
   * @param options - the ES2022 `cause`
   */
  constructor(code: ServerConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'ServerConfigError'
  }
}
