import {
  checkAccountName,
  checkInstance,
  checkProxy,
  checkServiceUrl,
  checkToken,
  type AccountConfig,
} from './account-config.js'
import { AccountError } from './account-errors.js'
import type { AccountsFile, AccountStore } from './account-store.js'
import { Account, type AccountSource } from './account.js'
import { requireStore } from './update-accounts.js'

/** The environment variables {@link resolveAccount} reads (service-api.md §8.11). */
export const ACCOUNT_ENV_VARS = {
  /** The service URL (with `QFABRIC_TOKEN`). */
  url: 'QFABRIC_URL',
  /** The token (with `QFABRIC_URL`). */
  token: 'QFABRIC_TOKEN',
  /** The instance for the environment's account. */
  instance: 'QFABRIC_INSTANCE',
  /** Which saved account to use. */
  account: 'QFABRIC_ACCOUNT',
} as const

/** What {@link resolveAccount} chooses from. */
export interface ResolveAccountOptions {
  /**
   * Credentials given in the call. `url` and `token` together win over everything; `instance`,
   * `verifyTls` and `proxy` override whichever account is chosen.
   */
  readonly explicit?: Partial<AccountConfig> | undefined
  /** The saved account to use (else `QFABRIC_ACCOUNT`). */
  readonly name?: string | undefined
  /** Where accounts are saved (none in a browser unless the application brings one). */
  readonly store?: AccountStore | undefined
  /** The environment (default `process.env` where there is one, else nothing). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
}

type Env = Readonly<Record<string, string | undefined>>

function processEnv(): Env {
  // Read through globalThis: this file runs in browsers too and must not import node:process.
  const process = (globalThis as { process?: { env?: Env } }).process
  return process?.env ?? {}
}

function envValue(env: Env, key: string): string | undefined {
  const value = env[key]
  return value === undefined || value === '' ? undefined : value
}

function fromExplicit(explicit: Partial<AccountConfig> | undefined): AccountConfig | undefined {
  const url = explicit?.url
  const token = explicit?.token
  if (url === undefined && token === undefined) return undefined
  // Pairing a given URL with a saved token (or the reverse) could send a token to a server it
  // was never meant for: both or neither.
  if (url === undefined || token === undefined) {
    throw new AccountError(
      'account.invalid',
      `Explicit credentials need both url and token; only ${url === undefined ? 'token' : 'url'} was given.`,
    )
  }
  return { url, token }
}

function fromEnv(env: Env): AccountConfig | undefined {
  const url = envValue(env, ACCOUNT_ENV_VARS.url)
  const token = envValue(env, ACCOUNT_ENV_VARS.token)
  if (url === undefined || token === undefined) return undefined
  const instance = envValue(env, ACCOUNT_ENV_VARS.instance)
  return {
    url: checkServiceUrl(url, ACCOUNT_ENV_VARS.url),
    token: checkToken(token, ACCOUNT_ENV_VARS.token),
    instance:
      instance === undefined ? undefined : checkInstance(instance, ACCOUNT_ENV_VARS.instance),
  }
}

function envTried(env: Env): string {
  const url = envValue(env, ACCOUNT_ENV_VARS.url) !== undefined
  const token = envValue(env, ACCOUNT_ENV_VARS.token) !== undefined
  if (url === token) return 'QFABRIC_URL and QFABRIC_TOKEN are not set'
  return url
    ? 'QFABRIC_URL is set but QFABRIC_TOKEN is not'
    : 'QFABRIC_TOKEN is set but QFABRIC_URL is not'
}

interface Chosen {
  readonly config: AccountConfig
  readonly source: AccountSource
  readonly name?: string | undefined
}

function savedAccount(file: AccountsFile, name: string, location: string): AccountConfig {
  if (Object.hasOwn(file.accounts, name)) return file.accounts[name]!
  const names = Object.keys(file.accounts)
  const known = names.length === 0 ? 'none are saved' : `saved: ${names.sort().join(', ')}`
  throw new AccountError(
    'account.not-found',
    `No account named "${name}" in ${location} (${known}).`,
  )
}

async function choose(options: ResolveAccountOptions, env: Env): Promise<Chosen> {
  const explicit = fromExplicit(options.explicit)
  if (explicit !== undefined) return { config: explicit, source: 'explicit' }

  const fromArgument = options.name !== undefined
  const name = options.name ?? envValue(env, ACCOUNT_ENV_VARS.account)
  if (name !== undefined) {
    checkAccountName(name, fromArgument ? 'account name' : ACCOUNT_ENV_VARS.account)
    const store = requireStore(options.store, `load the account "${name}"`)
    return { config: savedAccount(await store.read(), name, store.location), source: 'saved', name }
  }

  const environment = fromEnv(env)
  if (environment !== undefined) return { config: environment, source: 'env' }

  const tried = ['no url and token given', 'QFABRIC_ACCOUNT is not set', envTried(env)]
  if (options.store !== undefined) {
    const file = await options.store.read()
    if (file.default !== undefined) {
      const config = savedAccount(file, file.default, options.store.location)
      return { config, source: 'default', name: file.default }
    }
    tried.push(`no default account in ${options.store.location}`)
  } else {
    tried.push('no account store to hold a default account')
  }
  throw new AccountError(
    'account.not-configured',
    `No qfabric account found: ${tried.join('; ')}. Save one with saveAccount(), or pass url and token.`,
  )
}

/**
 * Finds the credentials to use, in IBM's order (service-api.md §8.11):
 * 1. `explicit.url` and `explicit.token`, when both are given — the store is not read;
 * 2. the saved account named by `name`, else by `QFABRIC_ACCOUNT` — missing is an error, not a
 *    reason to look further;
 * 3. `QFABRIC_URL` and `QFABRIC_TOKEN` (both set), with `QFABRIC_INSTANCE`;
 * 4. the store's default account.
 *
 * Then `explicit.instance`, `explicit.verifyTls` and `explicit.proxy`, when given, override
 * what the chosen account says.
 *
 * @param options - explicit credentials, an account name, the store and the environment
 * @returns the account, with `source` saying which rung it came from
 * @throws {@link AccountError} `account.not-found` for a name not saved;
 *   `account.not-configured` when no rung gives an account (the message lists what was
 *   tried); `account.invalid` for malformed values (naming the variable, never the token);
 *   `account.store-unavailable` for a name without a store; and what the store throws
 * @example
 * ```ts
 * const account = await resolveAccount({ store: new FileAccountStore(), env: process.env })
 * ```
 */
export async function resolveAccount(options: ResolveAccountOptions = {}): Promise<Account> {
  const env = options.env ?? processEnv()
  const chosen = await choose(options, env)
  const { instance, verifyTls, proxy } = options.explicit ?? {}
  return new Account({
    ...chosen.config,
    ...(instance === undefined ? {} : { instance: checkInstance(instance) }),
    ...(verifyTls === undefined ? {} : { verifyTls }),
    ...(proxy === undefined ? {} : { proxy: checkProxy(proxy) }),
    name: chosen.name,
    source: chosen.source,
  })
}
