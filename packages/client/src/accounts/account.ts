import { normalizeAccountConfig, type AccountConfig } from './account-config.js'
import { redactToken, redactUrlCredentials } from './redact-token.js'

/** Where resolved credentials came from (the rungs of {@link resolveAccount}). */
export const ACCOUNT_SOURCES = ['explicit', 'saved', 'env', 'default'] as const

/** Where resolved credentials came from. */
export type AccountSource = (typeof ACCOUNT_SOURCES)[number]

/** What an {@link Account} is made from. */
export interface AccountInit extends AccountConfig {
  /** The saved account's name, when it came from a store. */
  readonly name?: string | undefined
  /** Where the credentials came from. */
  readonly source: AccountSource
}

/** The redacted, serializable form of an {@link Account} (`toJSON()`). */
export interface AccountJson {
  readonly name?: string
  readonly url: string
  /** Redacted. */
  readonly token: string
  readonly instance?: string
  readonly verifyTls: boolean
  /** Its password redacted. */
  readonly proxy?: string
  readonly source: AccountSource
}

// Node's `util.inspect` hook, by its registered symbol: this file must not import `node:util`.
const INSPECT = Symbol.for('nodejs.util.inspect.custom')

/**
 * Resolved credentials: the service URL, the token and the settings to reach it with. Checked
 * on construction; its fields are read-only. The token (and a proxy's password) are readable through
 * {@link Account.token} and {@link Account.proxy}, but every way of printing the account
 * (`toString()`, `JSON.stringify`, `console.log`/`util.inspect`) shows them redacted.
 *
 * @example
 * ```ts
 * const account = new Account({ url: 'http://127.0.0.1:8080', token, source: 'explicit' })
 * console.log(`${account}`) // Account(url=http://127.0.0.1:8080, token=qjs_7k2m…wxyz, …)
 * ```
 */
export class Account {
  /** The saved account's name, when it came from a store. */
  readonly name: string | undefined
  /** The service's base URL, without a trailing slash. */
  readonly url: string
  /** The default instance, `hub/group/project`. */
  readonly instance: string | undefined
  /** Whether to verify the server's TLS certificate. */
  readonly verifyTls: boolean
  /** Where the credentials came from. */
  readonly source: AccountSource
  // A private field: invisible to JSON.stringify, spreading, Object.keys and structuredClone.
  readonly #token: string
  // Private too: a proxy URL may carry a password.
  readonly #proxy: string | undefined

  /**
   * @param init - the credentials and where they came from
   * @throws {@link AccountError} `account.invalid` when the URL, token, instance or proxy has
   *   the wrong shape
   */
  constructor(init: AccountInit) {
    const config = normalizeAccountConfig({ ...init })
    this.name = init.name
    this.url = config.url
    this.#token = config.token
    this.instance = config.instance
    this.verifyTls = config.verifyTls ?? true
    this.#proxy = config.proxy
    this.source = init.source
  }

  /** An HTTP(S) proxy URL, password included. Never log it. */
  get proxy(): string | undefined {
    return this.#proxy
  }

  /** The token itself, for the `Authorization` header. Never log it. */
  get token(): string {
    return this.#token
  }

  /**
   * The same account with another default instance.
   *
   * @param instance - `hub/group/project`, or `undefined` for none
   * @returns a new account
   * @throws {@link AccountError} `account.invalid` for a malformed instance
   */
  withInstance(instance: string | undefined): Account {
    return new Account({ ...this.toConfig(), instance, name: this.name, source: this.source })
  }

  /** @returns the settings, token included (for saving; never for showing) */
  toConfig(): AccountConfig {
    return {
      url: this.url,
      token: this.#token,
      instance: this.instance,
      verifyTls: this.verifyTls,
      proxy: this.#proxy,
    }
  }

  /** @returns the account with its token redacted, what `JSON.stringify` writes */
  toJSON(): AccountJson {
    return {
      ...(this.name === undefined ? {} : { name: this.name }),
      url: this.url,
      token: redactToken(this.#token),
      ...(this.instance === undefined ? {} : { instance: this.instance }),
      verifyTls: this.verifyTls,
      ...(this.#proxy === undefined ? {} : { proxy: redactUrlCredentials(this.#proxy) }),
      source: this.source,
    }
  }

  /** @returns e.g. `Account(name=lab, url=http://…, token=qjs_7k2m…wxyz, source=saved)` */
  toString(): string {
    const fields = Object.entries(this.toJSON()).map(([key, value]) => `${key}=${String(value)}`)
    return `Account(${fields.join(', ')})`
  }

  /** What `console.log` and `util.inspect` show: the redacted form. */
  [INSPECT](): string {
    return this.toString()
  }
}
