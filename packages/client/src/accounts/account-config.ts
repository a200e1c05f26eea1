import { AccountError } from './account-errors.js'
import { redactUrlCredentials } from './redact-token.js'

/**
 * One saved or enabled account: where the service is and the token that opens it. This is the
 * in-memory shape; on disk the keys are snake_case (`verify_tls`, service-api.md §8.11).
 */
export interface AccountConfig {
  /** The service's base URL, `http(s)://host[:port][/path]`, e.g. `http://127.0.0.1:8080`. */
  readonly url: string
  /** The API token (secret). */
  readonly token: string
  /** The default instance, `hub/group/project`. */
  readonly instance?: string | undefined
  /** Whether to verify the server's TLS certificate (default `true`). */
  readonly verifyTls?: boolean | undefined
  /** An HTTP(S) proxy URL. */
  readonly proxy?: string | undefined
}

/** The name a saved account gets when none is given. */
export const DEFAULT_ACCOUNT_NAME = 'default'

const NAME_RE = /^[A-Za-z0-9._-]{1,64}$/
// Three non-empty names; which characters a name may hold is the service's rule, not ours.
const INSTANCE_RE = /^[^/\s]+\/[^/\s]+\/[^/\s]+$/
const MAX_TOKEN_LENGTH = 4096
// A token travels in an `Authorization` header: printable ASCII only, no spaces.
const TOKEN_RE = /^[\x21-\x7e]+$/

function invalid(message: string): AccountError {
  return new AccountError('account.invalid', message)
}

/**
 * Checks an account name: 1–64 characters of `A–Z a–z 0–9 . _ -`.
 *
 * @param name - the candidate
 * @param where - what the name came from, for the message (e.g. `QFABRIC_ACCOUNT`)
 * @returns the name
 * @throws {@link AccountError} `account.invalid` when it has another shape
 */
export function checkAccountName(name: unknown, where = 'account name'): string {
  if (typeof name === 'string' && NAME_RE.test(name)) return name
  const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : typeof name
  throw invalid(`Invalid ${where} ${shown}: use 1–64 characters of letters, digits, '.', '_', '-'.`)
}

function checkHttpUrl(value: unknown, what: string): URL {
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw invalid(`Invalid ${what}: expected an absolute http(s) URL.`)
  }
  const url = new URL(value)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(
      `Invalid ${what} ${redactUrlCredentials(value)}: the scheme must be http or https.`,
    )
  }
  return url
}

/**
 * Checks and normalizes a service URL: absolute `http`/`https`, no credentials, query or
 * fragment; trailing slashes are dropped so that paths can be appended.
 *
 * @param value - the candidate
 * @param what - what it came from, for the message
 * @returns the URL without trailing slashes
 * @throws {@link AccountError} `account.invalid`
 */
export function checkServiceUrl(value: unknown, what = 'url'): string {
  const url = checkHttpUrl(value, what)
  // The token goes in a header; a URL carrying secrets would be shown and logged.
  if (url.username !== '' || url.password !== '') {
    throw invalid(`Invalid ${what}: it must not contain credentials (pass the token as token).`)
  }
  if (url.search !== '' || url.hash !== '') {
    throw invalid(`Invalid ${what} ${url.origin}${url.pathname}: no query or fragment allowed.`)
  }
  return url.href.replace(/\/+$/, '')
}

/**
 * Checks an instance path: three non-empty names `hub/group/project`, without spaces.
 *
 * @param value - the candidate
 * @param what - what it came from, for the message
 * @returns the instance
 * @throws {@link AccountError} `account.invalid`
 */
export function checkInstance(value: unknown, what = 'instance'): string {
  if (typeof value === 'string' && INSTANCE_RE.test(value)) return value
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 200)) : typeof value
  throw invalid(`Invalid ${what} ${shown}: expected hub/group/project (three non-empty names).`)
}

/**
 * Checks a token's shape (not whether the service accepts it). The message never shows it.
 *
 * @param value - the candidate
 * @param what - what it came from, for the message
 * @returns the token
 * @throws {@link AccountError} `account.invalid`
 */
export function checkToken(value: unknown, what = 'token'): string {
  if (typeof value === 'string' && value.length <= MAX_TOKEN_LENGTH && TOKEN_RE.test(value)) {
    return value
  }
  throw invalid(
    `Invalid ${what}: expected a non-empty string of printable characters without spaces.`,
  )
}

/**
 * Checks a proxy URL: absolute `http`/`https` (credentials allowed; they are redacted
 * wherever the proxy is shown).
 *
 * @param value - the candidate
 * @param what - what it came from, for the message
 * @returns the proxy URL as given
 * @throws {@link AccountError} `account.invalid`
 */
export function checkProxy(value: unknown, what = 'proxy'): string {
  checkHttpUrl(value, what)
  return value as string
}

/**
 * Checks every field of an account and returns it normalized: URL without trailing slashes,
 * absent optional fields left out.
 *
 * @param config - the candidate (fields of unknown type are checked too)
 * @param where - a prefix for the field names in messages, e.g. `accounts.lab`
 * @returns the account
 * @throws {@link AccountError} `account.invalid` naming the first bad field
 */
export function normalizeAccountConfig(
  config: Readonly<Record<string, unknown>>,
  where?: string,
): AccountConfig {
  const label = (field: string): string => (where === undefined ? field : `${where}.${field}`)
  const out: { -readonly [K in keyof AccountConfig]: AccountConfig[K] } = {
    url: checkServiceUrl(config['url'], label('url')),
    token: checkToken(config['token'], label('token')),
  }
  const { instance, verifyTls, proxy } = config
  if (instance !== undefined) out.instance = checkInstance(instance, label('instance'))
  if (verifyTls !== undefined) {
    if (typeof verifyTls !== 'boolean')
      throw invalid(`Invalid ${label('verifyTls')}: expected a boolean.`)
    out.verifyTls = verifyTls
  }
  if (proxy !== undefined) out.proxy = checkProxy(proxy, label('proxy'))
  return out
}
