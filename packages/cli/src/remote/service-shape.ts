/**
 * The part of `@qfabric/client` the CLI uses, declared structurally (STYLE: depend on the
 * shape, not the package), so the commands are testable with any service of that shape.
 */
import type { Backend, BackendFilter, Job } from '@qfabric/core/providers'

/** A saved account as listed (`AccountInfo`: the token redacted). */
export interface AccountInfoShape {
  readonly name: string
  readonly url: string
  readonly instance?: string | undefined
  readonly isDefault: boolean
  /** Redacted, e.g. `qjs_…abcd`. */
  readonly token: string
}

/** The job filter of `QfabricService.jobs` and `RemoteProvider.jobs`. */
export interface JobListFilter {
  readonly limit?: number | undefined
  /** A status (`QUEUED`, `DONE`, …; the service's own names too, e.g. `COMPLETED`). */
  readonly status?: string | readonly string[] | undefined
  readonly backendName?: string | undefined
  readonly name?: string | undefined
  readonly tags?: readonly string[] | undefined
  readonly createdAfter?: Date | string | undefined
}

/** A service instance's provider (`RemoteProvider`). */
export interface ProviderShape {
  /** `hub/group/project`. */
  readonly instance: string
  backends(filter?: BackendFilter): Promise<readonly Backend[]>
  getBackend(name: string): Promise<Backend>
  jobs(filter?: JobListFilter): AsyncIterable<Job>
}

/** A connected service (`QfabricService`). */
export interface ServiceShape {
  readonly url: string
  getProvider(instance?: string): Promise<ProviderShape>
  retrieveJob(id: string): Promise<Job>
  jobs(filter?: JobListFilter): AsyncIterable<Job>
}

/** What `qfabric account save` passes to `QfabricService.saveAccount`. */
export interface SaveAccountShape {
  readonly name?: string | undefined
  readonly url: string
  readonly token: string
  readonly instance?: string | undefined
  readonly setAsDefault?: boolean | undefined
  readonly overwrite?: boolean | undefined
}

/** The static side of `QfabricService` (saved accounts, connecting). */
export interface ServiceClassShape {
  saveAccount(options: SaveAccountShape): Promise<AccountInfoShape>
  savedAccounts(): Promise<readonly AccountInfoShape[]>
  deleteAccount(name: string): Promise<boolean>
  loadAccount(name?: string): Promise<ServiceShape>
}
