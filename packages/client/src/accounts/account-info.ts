import type { AccountConfig } from './account-config.js'
import { redactToken, redactUrlCredentials } from './redact-token.js'

/** What a listing shows of a saved account: everything, with the token redacted. */
export interface AccountInfo {
  /** The account's name. */
  readonly name: string
  /** The service's base URL. */
  readonly url: string
  /** The default instance, `hub/group/project`. */
  readonly instance?: string
  /** Whether it is the default account. */
  readonly isDefault: boolean
  /** The token, redacted (see {@link redactToken}), e.g. `qjs_7k2m…wxyz`. */
  readonly token: string
  /** Whether the server's TLS certificate is verified. */
  readonly verifyTls: boolean
  /** The proxy URL, its password redacted. */
  readonly proxy?: string
}

/**
 * The listing form of an account.
 *
 * @param name - its name
 * @param account - its settings
 * @param isDefault - whether it is the default account
 * @returns the account with its token (and proxy password) redacted
 */
export function toAccountInfo(
  name: string,
  account: AccountConfig,
  isDefault: boolean,
): AccountInfo {
  return {
    name,
    url: account.url,
    ...(account.instance === undefined ? {} : { instance: account.instance }),
    isDefault,
    token: redactToken(account.token),
    verifyTls: account.verifyTls ?? true,
    ...(account.proxy === undefined ? {} : { proxy: redactUrlCredentials(account.proxy) }),
  }
}
