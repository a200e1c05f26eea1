import type { Backend } from '@qfabric/core/providers'
import type { CliContext } from '../cli-context.js'
import { getLocalBackend, isLocalBackendName } from '../local/local-backends.js'
import { connectProvider, type ServiceSelection } from '../remote/connect-service.js'

/** How a command names its backend. */
export interface BackendSelection extends ServiceSelection {
  /** The backend's name. */
  readonly backend: string
  /**
   * `true`: a local simulator or fake device; `false`: the service's; `undefined`: local when
   * the name is a local one and no account or instance is given.
   */
  readonly local?: boolean | undefined
}

/**
 * Finds the selected backend, locally (`@qfabric/sim`) or on the job service.
 *
 * @param selection - name, locality, account and instance
 * @param context - the invocation's context
 * @returns the backend
 * @throws BackendNotFoundError when there is no such backend
 */
export async function selectBackend(
  selection: BackendSelection,
  context: CliContext,
): Promise<Backend> {
  const local =
    selection.local ??
    (isLocalBackendName(selection.backend) &&
      selection.account === undefined &&
      selection.instance === undefined)
  if (local) return getLocalBackend(selection.backend)
  const provider = await connectProvider(selection, context)
  return provider.getBackend(selection.backend)
}
