import type { Backend, Provider } from '@qfabric/core/providers'
import { ServerConfigError } from '../config/server-config-error.js'

/**
 * Where backends come from: a provider, or anything that finds a backend by name. The server
 * refers to backends as `<source>:<name>` (`local:qasm_simulator`, `fake:fake_manila`), so a
 * plugin adds hardware by registering one source.
 */
export interface BackendSource {
  /**
   * The backend of that name.
   *
   * @throws BackendNotFoundError when the source has none
   */
  getBackend(name: string): Promise<Backend>
}

/**
 * The registry of backend sources (the seam between the server and `@qfabric/sim` or plugins).
 * Sources are looked up by name when a backend is first needed, so a server whose configuration
 * names only plugin backends never loads the simulators.
 *
 * @example
 * ```ts
 * const registry = createDefaultBackendRegistry().register('lab', { getBackend: async (n) => myLab.getBackend(n) })
 * const backend = await registry.resolve('lab:ion-trap-1')
 * ```
 */
export class BackendRegistry {
  readonly #sources = new Map<string, BackendSource>()

  /**
   * Adds (or replaces) a source.
   *
   * @param name - the source name, the part before `:`
   * @param source - where its backends come from
   * @returns this registry
   */
  register(name: string, source: BackendSource): this {
    this.#sources.set(name, source)
    return this
  }

  /**
   * Whether a source of that name is registered.
   *
   * @param name - a source name
   * @returns true when registered
   */
  has(name: string): boolean {
    return this.#sources.has(name)
  }

  /**
   * Finds a backend by reference.
   *
   * @param reference - `<source>:<backend name>`
   * @returns the backend
   * @throws ServerConfigError `server.backend-source-unknown` for an unregistered source or a
   *   malformed reference; the source's own error when it has no such backend
   */
  async resolve(reference: string): Promise<Backend> {
    const colon = reference.indexOf(':')
    const sourceName = colon < 0 ? '' : reference.slice(0, colon)
    const source = this.#sources.get(sourceName)
    if (source === undefined) {
      throw new ServerConfigError(
        'server.backend-source-unknown',
        `no backend source ${JSON.stringify(sourceName)} for ${JSON.stringify(reference)}; ` +
          `registered: ${[...this.#sources.keys()].join(', ') || 'none'}`,
      )
    }
    return source.getBackend(reference.slice(colon + 1))
  }
}

/**
 * A source backed by a provider created on first use.
 *
 * @param createProvider - makes the provider (called once)
 * @returns the source
 */
export function providerSource(createProvider: () => Promise<Provider>): BackendSource {
  let provider: Promise<Provider> | undefined
  return {
    getBackend: async (name) => {
      provider ??= createProvider()
      return (await provider).getBackend(name)
    },
  }
}

/**
 * The provider class `@qfabric/sim` exports under a name, loaded lazily (the simulators are
 * heavy, and a server with only plugin backends never needs them).
 */
async function simProvider(exportName: 'LocalProvider' | 'FakeProvider'): Promise<Provider> {
  const sim = (await import('@qfabric/sim')) as Readonly<Record<string, unknown>>
  const ProviderClass = sim[exportName]
  if (typeof ProviderClass !== 'function') {
    throw new ServerConfigError(
      'server.backend-source-unknown',
      `@qfabric/sim does not export ${exportName}`,
    )
  }
  return new (ProviderClass as new () => Provider)()
}

/**
 * The registry with the built-in sources: `local` (`@qfabric/sim`'s `LocalProvider`: the
 * simulators) and `fake` (its `FakeProvider`: fake devices from real snapshots).
 *
 * @returns a new registry
 */
export function createDefaultBackendRegistry(): BackendRegistry {
  return new BackendRegistry()
    .register(
      'local',
      providerSource(() => simProvider('LocalProvider')),
    )
    .register(
      'fake',
      providerSource(() => simProvider('FakeProvider')),
    )
}
