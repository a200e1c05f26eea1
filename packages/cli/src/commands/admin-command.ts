/**
 * `qfabric admin`: provisioning a self-hosted job service from the command line — instances,
 * members and their tokens — with the admin token `qfabric serve` prints on a fresh database.
 */
import type { ServiceAdmin } from '@qfabric/client'
import { Option, type Command } from 'commander'
import { writeJson, type CliContext } from '../cli-context.js'
import { integerIn } from '../option-parsers.js'
import { connectAdmin, type AdminCredentialOptions } from '../remote/connect-admin.js'
import { renderTable } from '../render/table.js'
import { createMember, MEMBERSHIP_ROLE_NAMES, parseScopes } from './admin-user-create.js'

/** An instance as the service lists it. */
export type AdminInstance = Awaited<ReturnType<ServiceAdmin['listInstances']>>[number]
/** A token as the service lists it (never its secret). */
export type AdminTokenInfo = Awaited<ReturnType<ServiceAdmin['listTokens']>>[number]

const HELP_AFTER = `
Credentials: --url and --token, else QFABRIC_URL with QFABRIC_ADMIN_TOKEN (or QFABRIC_TOKEN),
else a saved account (--account, QFABRIC_ACCOUNT or the default one). The token needs the
admin scope: on a fresh database 'qfabric serve' prints the first one.

Example, right after 'qfabric serve':
  export QFABRIC_URL=http://127.0.0.1:8080 QFABRIC_ADMIN_TOKEN=<admin token>
  qfabric admin instance create acme/research/vqe
  qfabric admin user create alice --instance acme/research/vqe --save-account alice
  qfabric run bell.qasm --backend qasm_simulator --account alice
`

interface InstanceCreateOptions extends AdminCredentialOptions {
  readonly maxRunningJobs?: number
  readonly maxPendingJobs?: number
  readonly description?: string
  readonly json?: boolean
}

/**
 * Adds `admin` (with `instance create|list`, `user create`, `token list|revoke`) to the program.
 *
 * @param program - the `qfabric` command
 * @param context - outputs, environment, signal
 */
export function registerAdminCommand(program: Command, context: CliContext): void {
  const admin = program
    .command('admin')
    .description('provision the service: instances, members and their tokens (admin token)')
    .addHelpText('after', HELP_AFTER)
  registerInstanceCommands(admin, context)
  registerUserCommands(admin, context)
  registerTokenCommands(admin, context)
}

function registerInstanceCommands(admin: Command, context: CliContext): void {
  const instance = admin.command('instance').description('create and list instances')
  withCredentials(instance.command('create'))
    .description('create an instance (and its hub and group when new)')
    .argument('<hub/group/project>', 'the instance, e.g. acme/research/vqe')
    .option('--max-running-jobs <n>', 'jobs running at once (default: inherited)', integerIn(0))
    .option('--max-pending-jobs <n>', 'unfinished jobs accepted (default: inherited)', integerIn(0))
    .option('--description <text>', 'a description')
    .option('--json', 'print the instance as JSON')
    .action(async (path: string, options: InstanceCreateOptions) => {
      const created = await (
        await connectAdmin(options, context)
      ).createInstance(path, instanceSettings(options), { signal: context.signal })
      if (options.json === true) writeJson(context.stdout, created)
      else context.stdout.write(`created instance ${created.instance} (${limitsOf(created)})\n`)
    })
  withCredentials(instance.command('list'))
    .description('list the instances with their limits and use')
    .option('--prefix <hub[/group]>', 'only the instances under this hub or group')
    .option('--json', 'print a JSON array')
    .action(async (options: AdminCredentialOptions & { prefix?: string; json?: boolean }) => {
      const instances = await (
        await connectAdmin(options, context)
      ).listInstances({ prefix: options.prefix, signal: context.signal })
      if (options.json === true) writeJson(context.stdout, instances)
      else context.stdout.write(renderInstances(instances))
    })
}

function registerUserCommands(admin: Command, context: CliContext): void {
  const user = admin.command('user').description('create members of instances')
  withCredentials(user.command('create'))
    .description('create a user (or reuse the login), a membership and a token, printed once')
    .argument('<login>', 'the login, e.g. alice')
    .requiredOption('--instance <hub/group/project>', 'the instance to make the user a member of')
    .addOption(
      new Option('--role <role>', 'the role in the instance')
        .choices(MEMBERSHIP_ROLE_NAMES)
        .default('member'),
    )
    .option('--token-name <name>', "the token's name (default: the login)")
    .option(
      '--scopes <scopes>',
      'the token scopes, comma-separated',
      parseScopes,
      parseScopes('jobs:read,jobs:write,backends:read'),
    )
    .option('--save-account <name>', 'also save the token as a local account (url, instance)')
    .option('--default', 'make the saved account the default one')
    .option('--overwrite', 'replace a saved account of the same name')
    .option('--json', 'print {user, membership, token} as JSON')
    .action(createMember(context))
}

function registerTokenCommands(admin: Command, context: CliContext): void {
  const token = admin.command('token').description("list and revoke the admin's tokens")
  withCredentials(token.command('list'))
    .description("list the tokens of the admin token's own user (never their secrets)")
    .option('--json', 'print a JSON array')
    .action(async (options: AdminCredentialOptions & { json?: boolean }) => {
      const tokens = await (
        await connectAdmin(options, context)
      ).listTokens({ signal: context.signal })
      if (options.json === true) writeJson(context.stdout, tokens)
      else context.stdout.write(renderTokens(tokens))
    })
  withCredentials(token.command('revoke'))
    .description("revoke a token, any user's, at once (its id is in 'user create --json')")
    .argument('<id>', "the token's id")
    .action(async (id: string, options: AdminCredentialOptions) => {
      await (await connectAdmin(options, context)).revokeToken(id, { signal: context.signal })
      context.stdout.write(`revoked token ${id}\n`)
    })
}

/** Adds the credential options every admin command takes. */
function withCredentials(command: Command): Command {
  return command
    .option('--url <url>', 'the service URL (default: $QFABRIC_URL)')
    .option('--token <token>', 'an admin token (default: $QFABRIC_ADMIN_TOKEN, $QFABRIC_TOKEN)')
    .option('--account <name>', 'a saved account with an admin token instead')
}

/** The body of `POST /v1/instances/…`: only what was given (the rest is inherited). */
function instanceSettings(
  options: InstanceCreateOptions,
): Parameters<ServiceAdmin['createInstance']>[1] {
  return {
    ...(options.maxRunningJobs === undefined ? {} : { max_running_jobs: options.maxRunningJobs }),
    ...(options.maxPendingJobs === undefined ? {} : { max_pending_jobs: options.maxPendingJobs }),
    ...(options.description === undefined ? {} : { description: options.description }),
  }
}

function usage(limit: { readonly used: number; readonly limit: number | null }): string {
  return `${limit.used}/${limit.limit ?? 'unlimited'}`
}

function limitsOf(instance: AdminInstance): string {
  const { max_running_jobs: running, max_pending_jobs: pending } = instance.limits
  return `max running jobs ${running.limit ?? 'unlimited'}, max pending jobs ${pending.limit ?? 'unlimited'}`
}

/**
 * The table of `qfabric admin instance list`.
 *
 * @param instances - the instances
 * @returns the table: running and pending jobs as `used/limit`
 */
export function renderInstances(instances: readonly AdminInstance[]): string {
  return renderTable(
    [
      { header: 'instance' },
      { header: 'running', align: 'right' },
      { header: 'pending', align: 'right' },
      { header: 'description' },
    ],
    instances.map((i) => [
      i.instance,
      usage(i.limits.max_running_jobs),
      usage(i.limits.max_pending_jobs),
      i.description ?? '',
    ]),
    { empty: "(no instances: create one with 'qfabric admin instance create')" },
  )
}

/** `2024-05-01T10:00:00.000Z` → `2024-05-01 10:00`. */
function minute(timestamp: string | null, none: string): string {
  return timestamp === null ? none : timestamp.slice(0, 16).replace('T', ' ')
}

/**
 * The table of `qfabric admin token list`.
 *
 * @param tokens - the tokens (without secrets)
 * @returns the table
 */
export function renderTokens(tokens: readonly AdminTokenInfo[]): string {
  return renderTable(
    [
      { header: 'id' },
      { header: 'name' },
      { header: 'prefix' },
      { header: 'scopes' },
      { header: 'last used' },
      { header: 'expires' },
    ],
    tokens.map((t) => [
      t.id,
      t.name,
      t.prefix,
      t.scopes.join(','),
      minute(t.last_used_at, 'never'),
      minute(t.expires_at, 'never'),
    ]),
    { empty: '(no tokens)' },
  )
}
