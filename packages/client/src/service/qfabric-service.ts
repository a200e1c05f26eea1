import type { AbortableOptions, BackendFilter, TimeoutProvider } from '@qfabric/core/providers'
import {
  PATHS,
  instanceResourcePath,
  type InstanceAccess,
  type InstanceLimits,
  type MeResponse,
  type VersionInfo,
} from '@qfabric/protocol'
import type { AccountConfig } from '../accounts/account-config.js'
import { toAccountInfo, type AccountInfo } from '../accounts/account-info.js'
import type { AccountStore } from '../accounts/account-store.js'
import { Account } from '../accounts/account.js'
import { deleteAccount } from '../accounts/delete-account.js'
import { listAccounts } from '../accounts/list-accounts.js'
import { resolveAccount } from '../accounts/resolve-account.js'
import { saveAccount, type SaveAccountOptions } from '../accounts/save-account.js'
import { ClientError } from '../errors/client-errors.js'
import type { RetryOptions } from '../http/retry-policy.js'
import { ServiceTransport, type FetchLike } from '../http/service-transport.js'
import type { FollowOptions } from '../remote/job-follower.js'
import { JobListing } from '../remote/job-listing.js'
import type { RemoteBackend } from '../remote/remote-backend.js'
import type { RemoteJobFilter } from '../remote/remote-job-filter.js'
import { RemoteJob } from '../remote/remote-job.js'
import { RemoteProvider } from '../remote/remote-provider.js'

/**
 * What differs between environments: where saved accounts live (a file under Node, nowhere in
 * a browser unless the application brings a store) and where the environment comes from.
 */
export interface ClientPlatform {
  /** The default account store, if the platform has one. */
  readonly accountStore?: (() => AccountStore) | undefined
  /** The environment variables (`QFABRIC_URL`, …); empty in a browser. */
  readonly env: () => Readonly<Record<string, string | undefined>>
}

/** Options of a {@link QfabricService}. */
export interface ServiceOptions {
  /** The `fetch` to use (default the global one); required for `proxy` or `verifyTls: false`. */
  readonly fetch?: FetchLike | undefined
  /** Retry behaviour of every request. */
  readonly retry?: RetryOptions | undefined
  /** The timer seam for backoff and polling waits. */
  readonly timers?: TimeoutProvider | undefined
  /** How jobs are followed while waiting (SSE → long-poll → polling by default). */
  readonly follow?: FollowOptions | undefined
}

/** Options of the static account methods. */
export interface AccountStoreOptions {
  /** The store to use instead of the platform's (a `MemoryAccountStore` in tests). */
  readonly store?: AccountStore | undefined
}

/** Options of {@link QfabricService.loadAccount}. */
export interface LoadAccountOptions extends ServiceOptions, AccountStoreOptions {
  /** Credentials given in the call (`url` + `token` win; `instance` overrides). */
  readonly explicit?: Partial<AccountConfig> | undefined
  /** The environment to read (default the platform's). */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
}

function processEnv(): Readonly<Record<string, string | undefined>> {
  // Through globalThis: this file runs in browsers and must not import node:process.
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
  return process?.env ?? {}
}

/** The store of an account call: the given one, else the platform's (if it has one). */
function storeOf(platform: ClientPlatform, options: AccountStoreOptions): AccountStore | undefined {
  // A module function, not a static #private: subclasses call the statics with `this` bound
  // to themselves, and a class's #private members do not exist on its subclasses.
  return options.store ?? platform.accountStore?.()
}

/**
 * The entry point to a qfabric job service (Qiskit's `QiskitRuntimeService` / `IBMProvider`):
 * an account (URL, token, default instance) and, through it, one {@link RemoteProvider} per
 * instance the token can use, their backends and jobs. Saved accounts are managed by the static
 * methods; `@qfabric/client` under Node keeps them in `<config dir>/qfabric/accounts.json`, in a
 * browser there is no store unless one is given.
 *
 * @example
 * ```ts
 * await QfabricService.saveAccount({ url: 'http://127.0.0.1:8080', token, instance: 'acme/research/vqe' })
 * const service = await QfabricService.loadAccount()
 * const backend = await service.backend('qasm_simulator')
 * const result = await (await backend.run(circuit, { shots: 1000 })).result()
 * ```
 */
export class QfabricService {
  /** The platform's seams; the Node subclass adds the accounts file. */
  protected static platform: ClientPlatform = { env: processEnv }

  /** The transport every request goes through (also for `ServiceAdmin` and tools). */
  readonly transport: ServiceTransport
  readonly #account: Account
  readonly #follow: FollowOptions | undefined
  #me: Promise<MeResponse> | undefined
  readonly #providers = new Map<string, RemoteProvider>()

  /**
   * @param account - the resolved account
   * @param options - fetch, retries, timers, follow options
   * @throws ClientError `client.invalid-input` when the account needs a proxy or skips TLS
   *   verification and no `fetch` that does so is given
   */
  constructor(account: Account, options: ServiceOptions = {}) {
    if (options.fetch === undefined && (account.proxy !== undefined || !account.verifyTls)) {
      throw new ClientError(
        'client.invalid-input',
        'this account uses a proxy or skips TLS verification: pass a `fetch` that does so',
      )
    }
    this.#account = account
    this.#follow = options.follow
    this.transport = new ServiceTransport({
      url: account.url,
      token: account.token,
      fetch: options.fetch,
      retry: options.retry,
      timers: options.timers,
    })
  }

  // ---- accounts ---------------------------------------------------------------------------

  /**
   * Saves an account (it is not loaded: use {@link QfabricService.loadAccount}).
   *
   * @param account - name (default `default`), URL, token, instance, `setAsDefault`, `overwrite`
   * @param options - the store (default: the platform's)
   * @returns the saved account, token redacted
   * @throws AccountError `account.exists` without `overwrite`; `account.store-unavailable`
   *   where there is no store
   */
  static saveAccount(
    account: SaveAccountOptions,
    options: AccountStoreOptions = {},
  ): Promise<AccountInfo> {
    return saveAccount(storeOf(this.platform, options), account)
  }

  /**
   * Resolves an account — explicit credentials, then the named saved account (or
   * `QFABRIC_ACCOUNT`), then `QFABRIC_URL`/`QFABRIC_TOKEN`/`QFABRIC_INSTANCE`, then the default
   * saved account — and returns a service for it.
   *
   * @param name - a saved account's name
   * @param options - explicit credentials, store, environment, service options
   * @returns the service
   * @throws AccountError `account.not-found`, `account.not-configured`, …
   */
  static async loadAccount<TService extends typeof QfabricService>(
    this: TService,
    name?: string,
    options: LoadAccountOptions = {},
  ): Promise<InstanceType<TService>> {
    const account = await resolveAccount({
      explicit: options.explicit,
      name,
      store: storeOf(this.platform, options),
      env: options.env ?? this.platform.env(),
    })
    // `this` is the class called on: the Node subclass builds a Node service.
    return new this(account, options) as InstanceType<TService>
  }

  /**
   * A service for credentials given in the call, kept in memory only (nothing is saved).
   *
   * @param config - URL, token, default instance
   * @param options - service options
   * @returns the service
   * @throws AccountError `account.invalid` for a malformed URL, token or instance
   */
  static enableAccount<TService extends typeof QfabricService>(
    this: TService,
    config: AccountConfig,
    options: ServiceOptions = {},
  ): InstanceType<TService> {
    return new this(
      new Account({ ...config, source: 'explicit' }),
      options,
    ) as InstanceType<TService>
  }

  /**
   * Deletes a saved account.
   *
   * @param name - its name
   * @param options - the store
   * @returns whether there was one
   */
  static deleteAccount(name: string, options: AccountStoreOptions = {}): Promise<boolean> {
    return deleteAccount(storeOf(this.platform, options), name)
  }

  /**
   * The saved accounts, tokens redacted.
   *
   * @param options - the store
   * @returns the accounts
   */
  static savedAccounts(options: AccountStoreOptions = {}): Promise<AccountInfo[]> {
    return listAccounts(storeOf(this.platform, options))
  }

  /** The service's base URL. */
  get url(): string {
    return this.transport.url
  }

  /** The account in use, token redacted. */
  activeAccount(): AccountInfo {
    const account = this.#account
    return toAccountInfo(
      account.name ?? account.source,
      account.toConfig(),
      account.source === 'default',
    )
  }

  // ---- who, where ------------------------------------------------------------------------

  /**
   * The caller: user, token, memberships and usable instances (`GET /v1/me`, fetched once).
   *
   * @param options - a signal; `refresh` to fetch again
   * @returns the answer
   */
  me(options: AbortableOptions & { readonly refresh?: boolean } = {}): Promise<MeResponse> {
    if (this.#me === undefined || options.refresh === true) {
      const fetching = this.transport.get<MeResponse>(PATHS.me, { signal: options.signal })
      this.#me = fetching
      fetching.catch(() => {
        if (this.#me === fetching) this.#me = undefined
      })
    }
    return this.#me
  }

  /**
   * The instances the token can use, with the caller's role in each.
   *
   * @param options - a signal
   * @returns the instances
   */
  async instances(options: AbortableOptions = {}): Promise<readonly InstanceAccess[]> {
    return (await this.me(options)).instances
  }

  /**
   * One provider per instance the token can use.
   *
   * @param options - a signal
   * @returns the providers, in the service's order
   */
  async providers(options: AbortableOptions = {}): Promise<RemoteProvider[]> {
    return (await this.instances(options)).map((i) => this.#provider(i.instance))
  }

  /**
   * The provider of an instance: the given one, else the account's, else the only one.
   *
   * @param instance - `hub/group/project` (or its parts)
   * @param options - a signal
   * @returns the provider
   * @throws ClientError `client.instance-not-found` for an instance the token cannot use;
   *   `client.no-instance` when none is given and the token can use none or several
   */
  async getProvider(
    instance?: string | { readonly hub: string; readonly group: string; readonly project: string },
    options: AbortableOptions = {},
  ): Promise<RemoteProvider> {
    const wanted =
      typeof instance === 'object'
        ? `${instance.hub}/${instance.group}/${instance.project}`
        : (instance ?? this.#account.instance)
    const usable = (await this.instances(options)).map((i) => i.instance)
    if (wanted !== undefined) {
      if (!usable.includes(wanted)) {
        throw new ClientError(
          'client.instance-not-found',
          `This token cannot use instance ${wanted} (it can use: ${usable.join(', ') || 'none'}).`,
        )
      }
      return this.#provider(wanted)
    }
    const [only, ...others] = usable
    if (only === undefined || others.length > 0) {
      throw new ClientError(
        'client.no-instance',
        only === undefined
          ? 'This token can use no instance.'
          : `Choose an instance (this token can use ${usable.join(', ')}).`,
      )
    }
    return this.#provider(only)
  }

  // ---- backends and jobs (of the default provider) ----------------------------------------

  /**
   * The backends of the default instance.
   *
   * @param filter - criteria (core `filterBackends`)
   * @returns the backends
   */
  async backends(filter: BackendFilter = {}): Promise<RemoteBackend[]> {
    return (await this.getProvider(undefined, filter)).backends(filter)
  }

  /**
   * One backend of the default instance.
   *
   * @param name - the backend's name
   * @param filter - more criteria
   * @returns the backend
   * @throws BackendNotFoundError when there is no such backend
   */
  async backend(name: string, filter: Omit<BackendFilter, 'name'> = {}): Promise<RemoteBackend> {
    return (await this.getProvider(undefined, filter)).getBackend(name, filter)
  }

  /**
   * The least busy backend of the default instance.
   *
   * @param filter - criteria
   * @returns the backend
   * @throws BackendNotFoundError when none qualifies
   */
  async leastBusy(filter: BackendFilter = {}): Promise<RemoteBackend> {
    return (await this.getProvider(undefined, filter)).leastBusy(filter)
  }

  /**
   * A job by id, in any instance the token can see.
   *
   * @param id - the job's id
   * @param options - a signal
   * @returns the job
   * @throws JobError `job.error` when there is no such job
   */
  retrieveJob(id: string, options: AbortableOptions = {}): Promise<RemoteJob> {
    return RemoteJob.retrieve(this.transport, id, { ...options, follow: this.#follow })
  }

  /**
   * The caller's jobs in every instance (or `filter.instance`), newest first.
   *
   * @param filter - statuses, backend, name prefix, tags, dates, order, limit
   * @returns the listing
   */
  jobs(filter: RemoteJobFilter = {}): JobListing {
    return new JobListing({
      transport: this.transport,
      filter,
      toJob: (record) => new RemoteJob({ transport: this.transport, record, follow: this.#follow }),
    })
  }

  /**
   * The effective limits of an instance and their use (running, pending, submit rate).
   *
   * @param instance - `hub/group/project` (default: the default provider's)
   * @param options - a signal
   * @returns the limits
   */
  async limits(instance?: string, options: AbortableOptions = {}): Promise<InstanceLimits> {
    const chosen = instance ?? (await this.getProvider(undefined, options)).instance
    return this.transport.get(instanceResourcePath(PATHS.instanceLimits, chosen), options)
  }

  /**
   * The server's version and the API versions and client versions it supports.
   *
   * @param options - a signal
   * @returns the version information
   */
  version(options: AbortableOptions = {}): Promise<VersionInfo> {
    return this.transport.get(PATHS.version, options)
  }

  #provider(instance: string): RemoteProvider {
    let provider = this.#providers.get(instance)
    if (provider === undefined) {
      provider = new RemoteProvider({
        transport: this.transport,
        instance,
        service: this,
        follow: this.#follow,
      })
      this.#providers.set(instance, provider)
    }
    return provider
  }
}
