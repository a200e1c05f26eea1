/**
 * Connecting `qfabric admin` to the job service's administration endpoints: which URL and admin
 * token to use, and the `ServiceAdmin` of `@qfabric/client` built from them.
 */
import type { ServiceAdmin } from '@qfabric/client'
import type { CliContext } from '../cli-context.js'
import { CliError } from '../cli-error.js'

/** The credential options every `qfabric admin` command takes. */
export interface AdminCredentialOptions {
  /** The service URL (default `QFABRIC_URL`). */
  readonly url?: string | undefined
  /** An admin token (default `QFABRIC_ADMIN_TOKEN`, else `QFABRIC_TOKEN`). */
  readonly token?: string | undefined
  /** A saved account holding an admin token (instead of `--url`/`--token`). */
  readonly account?: string | undefined
}

/** The URL and token `qfabric admin` talks to the service with. */
export interface AdminCredentials {
  readonly url: string
  readonly token: string
}

/** The environment variable of the admin token (the one `qfabric serve` seeds). */
const ADMIN_TOKEN_ENV = 'QFABRIC_ADMIN_TOKEN'

function envValue(context: CliContext, name: string): string | undefined {
  const value = context.env[name]
  // `QFABRIC_ADMIN_TOKEN=` (set but empty) means unset, as everywhere in qfabric.
  return value === undefined || value === '' ? undefined : value
}

/**
 * Chooses the credentials of an admin command, first match wins:
 * 1. `--account NAME`: the saved account (read from the accounts file itself, since
 *    `QfabricService.savedAccounts()` redacts tokens) — `--url`/`--token` may not be mixed in;
 * 2. `--url` (else `QFABRIC_URL`) with `--token` (else `QFABRIC_ADMIN_TOKEN`, else
 *    `QFABRIC_TOKEN`), when both are there;
 * 3. the client's account resolution: `QFABRIC_ACCOUNT`, else the default saved account.
 *
 * @param options - `--url`, `--token`, `--account`
 * @param context - the environment (`QFABRIC_*`, `XDG_CONFIG_HOME`)
 * @returns the URL and token
 * @throws CliError `cli.usage` for half-given credentials or `--account` mixed with them;
 *   AccountError when no account resolves (the message lists what was tried)
 */
export async function resolveAdminCredentials(
  options: AdminCredentialOptions,
  context: CliContext,
): Promise<AdminCredentials> {
  if (options.account !== undefined) {
    if (options.url !== undefined || options.token !== undefined) {
      throw new CliError('cli.usage', 'give either --account or --url and --token, not both')
    }
    return savedCredentials(options.account, context)
  }
  const url = options.url ?? envValue(context, 'QFABRIC_URL')
  const token =
    options.token ?? envValue(context, ADMIN_TOKEN_ENV) ?? envValue(context, 'QFABRIC_TOKEN')
  if (url !== undefined && token !== undefined) return { url, token }
  if (options.url !== undefined || options.token !== undefined) {
    const missing =
      url === undefined
        ? 'the service URL (--url or QFABRIC_URL)'
        : `an admin token (--token, ${ADMIN_TOKEN_ENV} or QFABRIC_TOKEN)`
    throw new CliError('cli.usage', `give ${missing}`)
  }
  return savedCredentials(undefined, context)
}

/** A saved account's URL and (unredacted) token, through the client's own resolution. */
async function savedCredentials(
  name: string | undefined,
  context: CliContext,
): Promise<AdminCredentials> {
  const { FileAccountStore, defaultAccountsPath, resolveAccount } = await import('@qfabric/client')
  // QFABRIC_URL/QFABRIC_TOKEN were handled above: only QFABRIC_ACCOUNT and the saved accounts
  // are left for the client to consult.
  const env = { QFABRIC_ACCOUNT: context.env['QFABRIC_ACCOUNT'] }
  const account = await resolveAccount({
    name,
    store: new FileAccountStore(defaultAccountsPath(context.env)),
    env,
  })
  return { url: account.url, token: account.token }
}

/**
 * The admin client of the chosen credentials (`@qfabric/client` is loaded only now, so other
 * commands start fast).
 *
 * @param options - `--url`, `--token`, `--account`
 * @param context - the environment
 * @returns the admin client
 * @throws CliError `cli.usage`, AccountError — see {@link resolveAdminCredentials}
 */
export async function connectAdmin(
  options: AdminCredentialOptions,
  context: CliContext,
): Promise<ServiceAdmin> {
  const credentials = await resolveAdminCredentials(options, context)
  const { ServiceAdmin: Admin } = await import('@qfabric/client')
  return new Admin(credentials)
}
