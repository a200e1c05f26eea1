import type { Backend } from './backend.js'
import { filterBackends, type BackendFilter } from './filter-backends.js'
import type { AbortableOptions } from './job.js'
import { BackendNotFoundError } from './provider-errors.js'

/**
 * A source of backends: a local simulator package, a remote service instance, a device
 * vendor's plugin (Qiskit's `ProviderV1` contract, kept by convention after Qiskit 2.0 dropped
 * the class). Two members; extend `BaseProvider` to get both from a list of backends.
 */
export interface Provider {
  /** A name for display, if the provider has one. */
  readonly name?: string | undefined
  /** The backends that match `filter` (all of them without one), in the provider's order. */
  backends(filter?: BackendFilter): Promise<readonly Backend[]>
  /**
   * The one backend with this name (and matching `filter`).
   *
   * @throws BackendNotFoundError when none or more than one matches
   */
  getBackend(name: string, filter?: Omit<BackendFilter, 'name'>): Promise<Backend>
}

/**
 * A provider built on one method, `listBackends()`: `backends(filter)` applies Qiskit's filter
 * semantics to that list and `getBackend(name)` enforces the exactly-one rule.
 *
 * @example
 * ```ts
 * class MyProvider extends BaseProvider {
 *   readonly name = 'my-provider'
 *   protected listBackends() { return [new MyBackend({ provider: this })] }
 * }
 * const backend = await new MyProvider().getBackend('my_device')
 * ```
 */
export abstract class BaseProvider implements Provider {
  /** A name for display. */
  readonly name?: string | undefined

  /**
   * Every backend of the provider, unfiltered.
   *
   * @param options - a signal for remote listings
   */
  protected abstract listBackends(
    options: AbortableOptions,
  ): readonly Backend[] | Promise<readonly Backend[]>

  /** {@inheritDoc Provider.backends} */
  async backends(filter: BackendFilter = {}): Promise<readonly Backend[]> {
    const all = await this.listBackends({ signal: filter.signal })
    return filterBackends(all, filter)
  }

  /** {@inheritDoc Provider.getBackend} */
  async getBackend(name: string, filter: Omit<BackendFilter, 'name'> = {}): Promise<Backend> {
    return exactlyOne(await this.backends({ ...filter, name }), name)
  }
}

/**
 * Qiskit's `get_backend` rule: exactly one match.
 *
 * @param matches - the backends that matched
 * @param name - the requested name (for the message)
 * @returns the single match
 * @throws BackendNotFoundError "No backend matches the criteria" / "More than one backend
 *   matches the criteria"
 */
export function exactlyOne(matches: readonly Backend[], name?: string): Backend {
  const what = name === undefined ? '' : ` (name '${name}')`
  if (matches.length > 1) {
    throw new BackendNotFoundError(`More than one backend matches the criteria${what}.`)
  }
  const [match] = matches
  if (match === undefined) throw new BackendNotFoundError(`No backend matches the criteria${what}.`)
  return match
}
