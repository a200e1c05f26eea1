import { QfabricError } from '@qfabric/core/providers'

/**
 * The stable codes of {@link AccountError}, by the key the client spec names them with
 * (tRPC's `TRPC_ERROR_CODES_BY_KEY`). Branch on `error.code`; the key is for readers.
 */
export const ACCOUNT_ERROR_CODES_BY_KEY = {
  /** No saved account has the requested name. */
  ACCOUNT_NOT_FOUND: 'account.not-found',
  /** `saveAccount` without `overwrite` met a saved account of the same name. */
  ACCOUNT_EXISTS: 'account.exists',
  /** Nothing resolvable: no explicit credentials, no environment, no default account. */
  NO_ACCOUNT: 'account.not-configured',
  /** The accounts file is not valid JSON or not the documented shape. */
  ACCOUNT_FILE_INVALID: 'account.file-invalid',
  /** The accounts file exists but cannot be read or written (permissions, a directory, …). */
  ACCOUNT_FILE_UNREADABLE: 'account.file-unreadable',
  /** A URL, instance, token, proxy or name has the wrong shape. */
  ACCOUNT_INVALID: 'account.invalid',
  /** Saved accounts were asked for where there is no store (a browser). */
  ACCOUNT_STORE_UNAVAILABLE: 'account.store-unavailable',
} as const

/** Every code of {@link AccountError}. */
export const ACCOUNT_ERROR_CODES = Object.values(ACCOUNT_ERROR_CODES_BY_KEY)

/** A code of {@link AccountError}. */
export type AccountErrorCode =
  (typeof ACCOUNT_ERROR_CODES_BY_KEY)[keyof typeof ACCOUNT_ERROR_CODES_BY_KEY]

/**
 * Saved or enabled credentials are missing, malformed or clash. Messages name the account, the
 * environment variable or the file at fault, and never contain a token.
 */
export class AccountError extends QfabricError {
  declare readonly code: AccountErrorCode

  /**
   * @param code - the stable code
   * @param message - what is wrong and where (never a token)
   * @param options - the ES2022 `cause`
   */
  constructor(code: AccountErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'AccountError'
  }
}
