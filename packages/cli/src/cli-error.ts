import { QfabricError } from '@qfabric/core/providers'

/** Codes of {@link CliError}. */
export const CLI_ERROR_CODES = [
  'cli.unknown-command',
  'cli.usage',
  'cli.file',
  'cli.not-implemented',
] as const

/** A code of {@link CliError}. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number]

/** Codes whose errors are a bad command line (exit status 2), not a failure of the work. */
const USAGE_CODES: ReadonlySet<string> = new Set([
  'cli.unknown-command',
  'cli.usage',
  'cli.not-implemented',
])

/**
 * A failure of the `qfabric` command line itself: an unknown command, a bad combination of
 * options (`cli.usage`), an unreadable or unwritable file (`cli.file`).
 */
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

  /** Whether the error is a bad command line (exit status 2) rather than a failed command. */
  get isUsageError(): boolean {
    return USAGE_CODES.has(this.code)
  }
}
