import { checkAccountName, normalizeAccountConfig, type AccountConfig } from './account-config.js'
import { AccountError } from './account-errors.js'
import type { AccountsFile } from './account-store.js'
import { jsonSyntaxErrorOffset } from './json-syntax-error-offset.js'

/** How `verifyTls` is spelled: snake_case in the file, camelCase in memory. */
type VerifyKey = 'verify_tls' | 'verifyTls'

function fileInvalid(location: string, message: string): AccountError {
  return new AccountError('account.file-invalid', `${location}: ${message}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// The file may hold `null` for an unset field (Python writers do); memory never does.
function optional(value: unknown): unknown {
  return value === null ? undefined : value
}

function checkEntry(
  name: string,
  entry: unknown,
  context: { location: string; verifyKey: VerifyKey },
): AccountConfig {
  const where = `accounts.${name}`
  if (!isRecord(entry)) throw fileInvalid(context.location, `${where} must be an object.`)
  try {
    return normalizeAccountConfig(
      {
        url: entry['url'],
        token: entry['token'],
        instance: optional(entry['instance']),
        verifyTls: optional(entry[context.verifyKey]),
        proxy: optional(entry['proxy']),
      },
      where,
    )
  } catch (error) {
    if (!(error instanceof AccountError)) throw error
    throw fileInvalid(context.location, error.message)
  }
}

function checkShape(value: unknown, location: string, verifyKey: VerifyKey): AccountsFile {
  if (!isRecord(value)) {
    throw fileInvalid(location, 'expected a JSON object {"accounts": {…}, "default": "<name>"}.')
  }
  const accounts = value['accounts'] ?? {}
  if (!isRecord(accounts))
    throw fileInvalid(location, '"accounts" must be an object of accounts by name.')
  const entries = Object.entries(accounts).map(([name, entry]): [string, AccountConfig] => {
    try {
      checkAccountName(name)
    } catch (error) {
      throw fileInvalid(location, (error as Error).message)
    }
    return [name, checkEntry(name, entry, { location, verifyKey })]
  })
  // `fromEntries` defines own properties, so even an account named `__proto__` stays data.
  const checked: Record<string, AccountConfig> = Object.fromEntries(entries)
  const defaultName = optional(value['default'])
  if (defaultName === undefined) return { accounts: checked }
  if (typeof defaultName !== 'string') throw fileInvalid(location, '"default" must be a string.')
  if (!Object.hasOwn(checked, defaultName)) {
    throw fileInvalid(
      location,
      `"default" names ${JSON.stringify(defaultName.slice(0, 80))}, which is not a saved account.`,
    )
  }
  return { accounts: checked, default: defaultName }
}

/**
 * Checks an in-memory {@link AccountsFile} (a store's contents) and returns a normalized copy.
 *
 * @param file - the candidate
 * @param location - where it is, for messages
 * @returns the checked copy
 * @throws {@link AccountError} `account.file-invalid` naming `location` and the bad field
 */
export function checkAccountsFile(file: unknown, location: string): AccountsFile {
  return checkShape(file, location, 'verifyTls')
}

/** `line L, column C` (both 1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}

/**
 * Reads the accounts file format (service-api.md §8.11):
 * `{"accounts": {"<name>": {"url", "token", "instance", "verify_tls", "proxy"}}, "default": "<name>"}`.
 * `null` stands for an unset field, unknown keys are ignored, a missing `accounts` is empty.
 *
 * @param text - the file's contents
 * @param location - the file's path, for messages
 * @returns the accounts
 * @throws {@link AccountError} `account.file-invalid` naming `location` and either the line and
 *   column of a JSON syntax error or the field that is wrong (never quoting a token)
 */
export function parseAccountsFile(text: string, location: string): AccountsFile {
  let value: unknown
  try {
    // Editors on Windows may start the file with a byte-order mark, which JSON.parse refuses.
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
  } catch {
    // The engine's message may quote the file around the error, token included: not passed on.
    const offset = jsonSyntaxErrorOffset(text.replace(/^\uFEFF/, ''))
    const at = offset === undefined ? '' : ` at ${lineAndColumn(text, offset)}`
    throw fileInvalid(location, `not valid JSON${at}.`)
  }
  return checkShape(value, location, 'verify_tls')
}

/**
 * Writes the accounts file format: snake_case keys, unset fields left out, two-space indent,
 * a final newline.
 *
 * @param file - the accounts
 * @returns the file's contents
 */
export function stringifyAccountsFile(file: AccountsFile): string {
  const accounts = Object.fromEntries(
    Object.entries(file.accounts).map(([name, account]) => [
      name,
      {
        url: account.url,
        token: account.token,
        instance: account.instance,
        verify_tls: account.verifyTls,
        proxy: account.proxy,
      },
    ]),
  )
  return `${JSON.stringify({ accounts, default: file.default }, null, 2)}\n`
}
