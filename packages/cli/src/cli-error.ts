import { QfabricError } from '@qfabric/core/providers'

/** Codes of {@link CliError}. */
export const CLI_ERROR_CODES = ['cli.unknown-command', 'cli.not-implemented'] as const

/** A code of {@link CliError}. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number]

/** The `qfabric` command line names a command that does not exist, or not yet. */
export class CliError extends QfabricError {
  /**
   * @param code - the stable code
   * @param message - what is wrong and what to do
   * @param options - the ES2022 `cause`
   */
  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'CliError'
  }
}
