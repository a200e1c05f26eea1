/**
 * `qfabric admin user create`: a member of an instance and their token, printed once and
 * optionally saved as a local account so that `qfabric run` works right after.
 */
import { InvalidArgumentError } from 'commander'
import { writeJson, type CliContext } from '../cli-context.js'
import { CliError } from '../cli-error.js'
import { parseList } from '../option-parsers.js'
import { connectAdmin, type AdminCredentialOptions } from '../remote/connect-admin.js'
import { loadServiceClass } from '../remote/connect-service.js'
import {
  provisionMember,
  type MembershipRole,
  type ProvisionMemberResult,
  type TokenScope,
} from './provision-member.js'

/** The roles `--role` accepts. */
export const MEMBERSHIP_ROLE_NAMES = [
  'member',
  'admin',
  'viewer',
] as const satisfies readonly MembershipRole[]

/** The scopes `--scopes` accepts. */
export const TOKEN_SCOPE_NAMES = [
  'jobs:read',
  'jobs:write',
  'backends:read',
  'admin',
] as const satisfies readonly TokenScope[]

/** The options of `qfabric admin user create`. */
export interface UserCreateOptions extends AdminCredentialOptions {
  readonly instance: string
  readonly role: MembershipRole
  readonly tokenName?: string
  readonly scopes: readonly TokenScope[]
  readonly saveAccount?: string
  readonly default?: boolean
  readonly overwrite?: boolean
  readonly json?: boolean
}

function isScope(text: string): text is TokenScope {
  return (TOKEN_SCOPE_NAMES as readonly string[]).includes(text)
}

/**
 * Parses `--scopes`: a comma-separated list of token scopes.
 *
 * @param text - e.g. `jobs:read,backends:read`
 * @returns the scopes, without repeats
 * @throws InvalidArgumentError for an unknown scope or an empty list
 */
export function parseScopes(text: string): TokenScope[] {
  const scopes = parseList(text)
  const unknown = scopes.filter((s) => !isScope(s))
  if (unknown.length > 0 || scopes.length === 0) {
    throw new InvalidArgumentError(
      `expected scopes among ${TOKEN_SCOPE_NAMES.join(', ')}${unknown.length > 0 ? `, got '${unknown.join(',')}'` : ''}`,
    )
  }
  return [...new Set(scopes.filter(isScope))]
}

/**
 * The action of `qfabric admin user create`.
 *
 * @param context - outputs, environment, signal
 * @returns the action: creates the member, prints the token once (alone on standard output, or
 *   in `{user, membership, token}` with `--json`), saves the account with `--save-account`
 */
export function createMember(
  context: CliContext,
): (login: string, options: UserCreateOptions) => Promise<void> {
  return async (login, options) => {
    // Refuse a taken account name before anything is created on the service.
    if (options.saveAccount !== undefined && options.overwrite !== true) {
      const saved = await (await loadServiceClass(context)).savedAccounts()
      if (saved.some((a) => a.name === options.saveAccount)) {
        throw new CliError(
          'cli.usage',
          `an account named '${options.saveAccount}' is already saved (pass --overwrite to replace it)`,
        )
      }
    }
    const admin = await connectAdmin(options, context)
    const result = await provisionMember(admin, {
      login,
      instance: options.instance,
      role: options.role,
      tokenName: options.tokenName,
      scopes: options.scopes,
      signal: context.signal,
    })
    const { user, membership, token } = result
    if (options.json === true) writeJson(context.stdout, { user, membership, token })
    else {
      context.stderr.write(describe(result))
      context.stdout.write(`${token.token}\n`)
    }
    if (options.saveAccount === undefined) return
    const account = await (
      await loadServiceClass(context)
    ).saveAccount({
      name: options.saveAccount,
      url: admin.url,
      token: token.token,
      instance: options.instance,
      setAsDefault: options.default,
      overwrite: options.overwrite,
    })
    context.stderr.write(
      account.isDefault
        ? `saved account '${account.name}' (default): 'qfabric run' now uses it\n`
        : `saved account '${account.name}': use it with 'qfabric run --account ${account.name}'\n`,
    )
  }
}

/** What was made, for standard error (the token itself goes to standard output). */
function describe({ user, isNewUser, membership, token }: ProvisionMemberResult): string {
  return [
    `${isNewUser ? 'created' : 'reusing'} user ${user.login} (${user.id})`,
    `${user.login} is ${membership.role} of ${membership.instance}`,
    `token '${token.name}' (id ${token.id}, scopes ${token.scopes.join(',')}), shown once:`,
    '',
  ].join('\n')
}
