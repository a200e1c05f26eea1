/**
 * `qfabric account save|list|delete`: the saved accounts of `QfabricService` (the file
 * `$XDG_CONFIG_HOME/qfabric/accounts.json`, tokens shown redacted).
 */
import type { Command } from 'commander'
import { writeJson, type CliContext } from '../cli-context.js'
import { CliError } from '../cli-error.js'
import { loadServiceClass } from '../remote/connect-service.js'
import type { AccountInfoShape } from '../remote/service-shape.js'
import { renderTable } from '../render/table.js'

interface SaveOptions {
  readonly url: string
  readonly token?: string
  readonly instance?: string
  readonly name?: string
  readonly default?: boolean
  readonly overwrite?: boolean
}

/**
 * Adds `account` (with `save`, `list`, `delete`) to the program.
 *
 * @param program - the `qfabric` command
 * @param context - outputs, environment
 */
export function registerAccountCommand(program: Command, context: CliContext): void {
  const account = program.command('account').description('save, list and delete service accounts')
  account
    .command('save')
    .description('save an account (url, token, default instance)')
    .requiredOption('--url <url>', 'the service URL, e.g. http://127.0.0.1:8080')
    .option('--token <token>', 'the API token (default: $QFABRIC_TOKEN, kept out of shell history)')
    .option('--instance <hub/group/project>', 'the default instance')
    .option('--name <name>', 'the account name', 'default')
    .option('--default', 'make it the default account')
    .option('--overwrite', 'replace a saved account of the same name')
    .action(async (options: SaveOptions) => {
      await saveAccount(options, context)
    })
  account
    .command('list')
    .description('list the saved accounts (tokens redacted)')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      const accounts = await (await loadServiceClass(context)).savedAccounts()
      if (options.json === true) writeJson(context.stdout, accounts)
      else context.stdout.write(renderAccounts(accounts))
    })
  account
    .command('delete')
    .description('delete a saved account')
    .argument('<name>', 'the account name')
    .action(async (name: string) => {
      if (!(await (await loadServiceClass(context)).deleteAccount(name))) {
        throw new CliError('cli.usage', `no saved account '${name}'`)
      }
      context.stdout.write(`deleted account '${name}'\n`)
    })
}

async function saveAccount(options: SaveOptions, context: CliContext): Promise<void> {
  const token = options.token ?? context.env['QFABRIC_TOKEN']
  if (token === undefined || token === '') {
    throw new CliError('cli.usage', 'give the token with --token or in QFABRIC_TOKEN')
  }
  const saved = await (
    await loadServiceClass(context)
  ).saveAccount({
    name: options.name,
    url: options.url,
    token,
    instance: options.instance,
    setAsDefault: options.default,
    overwrite: options.overwrite,
  })
  const marker = saved.isDefault ? ' (default)' : ''
  context.stdout.write(
    `saved account '${saved.name}'${marker}: ${saved.url}, token ${saved.token}\n`,
  )
}

/**
 * The table of `qfabric account list`.
 *
 * @param accounts - the saved accounts (tokens redacted)
 * @returns the table, the default account marked `*`
 */
export function renderAccounts(accounts: readonly AccountInfoShape[]): string {
  return renderTable(
    [{ header: 'name' }, { header: 'url' }, { header: 'instance' }, { header: 'token' }],
    accounts.map((a) => [a.isDefault ? `${a.name} *` : a.name, a.url, a.instance ?? '', a.token]),
    { empty: '(no saved accounts)' },
  )
}
