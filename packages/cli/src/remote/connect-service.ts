/**
 * Connecting to the job service for the remote commands, through `@qfabric/client` (loaded only
 * when a remote command runs, so local commands start fast).
 */
import type { CliContext } from '../cli-context.js'
import type { ProviderShape, ServiceClassShape, ServiceShape } from './service-shape.js'

/** Which saved account and instance a remote command uses (`--account`, `--instance`). */
export interface ServiceSelection {
  /** A saved account's name (default: `QFABRIC_ACCOUNT`, `QFABRIC_URL`/`QFABRIC_TOKEN`, the default account). */
  readonly account?: string | undefined
  /** `hub/group/project` (default: the account's instance, else the only one the token can use). */
  readonly instance?: string | undefined
}

/**
 * The `QfabricService` class: the context's, else the Node class of `@qfabric/client` (saved
 * accounts in `$XDG_CONFIG_HOME/qfabric/accounts.json`).
 *
 * @param context - the invocation's context
 * @returns the class
 */
export async function loadServiceClass(context: CliContext): Promise<ServiceClassShape> {
  if (context.service !== undefined) return context.service
  const { QfabricService } = await import('@qfabric/client')
  // `satisfies` keeps the CLI's structural view checked against the real class.
  return QfabricService satisfies ServiceClassShape
}

/**
 * Connects with the selected account.
 *
 * @param selection - `--account`
 * @param context - the invocation's context
 * @returns the service
 * @throws AccountError when no account resolves (the message lists what was tried)
 */
export async function connectService(
  selection: ServiceSelection,
  context: CliContext,
): Promise<ServiceShape> {
  const Service = await loadServiceClass(context)
  return Service.loadAccount(selection.account)
}

/**
 * Connects and picks the instance's provider.
 *
 * @param selection - `--account`, `--instance`
 * @param context - the invocation's context
 * @returns the provider of the selected (or default) instance
 */
export async function connectProvider(
  selection: ServiceSelection,
  context: CliContext,
): Promise<ProviderShape> {
  const service = await connectService(selection, context)
  return service.getProvider(selection.instance)
}
