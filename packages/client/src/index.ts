/**
 * `@qfabric/client`: saved accounts, the remote provider, backends and jobs of the qfabric job
 * service, and the job manager. This entry is browser-safe; under Node the `node` export condition
 * picks `node/index.ts`, which adds the accounts file.
 *
 * @packageDocumentation
 */
export const VERSION = '0.1.0'

// The service, its providers, backends and jobs
export {
  QfabricService,
  type AccountStoreOptions,
  type ClientPlatform,
  type LoadAccountOptions,
  type ServiceOptions,
} from './service/qfabric-service.js'
export { RemoteProvider, type RemoteProviderInit } from './remote/remote-provider.js'
export {
  RemoteBackend,
  type RemoteBackendContext,
  type RemoteBackendInit,
  type RemoteBackendOptions,
} from './remote/remote-backend.js'
export {
  RemoteJob,
  type JobRetriever,
  type RemoteJobInit,
  type RemoteJobQueueInfo,
  type RemoteJobRecord,
} from './remote/remote-job.js'
export { FOLLOW_MODES, type FollowMode, type FollowOptions } from './remote/job-follower.js'
export { JobListing, type JobListingInit, type JobListingPage } from './remote/job-listing.js'
export type { RemoteJobFilter } from './remote/remote-job-filter.js'
export type { JobTagsChange } from './remote/job-tags-change.js'
export type { RemoteRunOptions } from './remote/remote-run-options.js'
export type { RemoteRunInput } from './remote/run-input.js'
export { ServiceAdmin, type AdminCallOptions } from './admin/service-admin.js'
export {
  DEFAULT_MEMBER_SCOPES,
  type ProvisionMemberRequest,
  type ProvisionMemberResult,
} from './admin/provision-member.js'
export {
  ServiceTransport,
  type FetchLike,
  type QueryParams,
  type RequestOptions,
  type ServiceResponse,
  type ServiceTransportOptions,
} from './http/service-transport.js'
export type { RetryOptions } from './http/retry-policy.js'
export {
  CLIENT_ERROR_CODES,
  ClientError,
  isServiceRequestError,
  ServiceRequestError,
  type ClientErrorCode,
  type ServiceRequestErrorInit,
} from './errors/client-errors.js'

// Accounts
export {
  Account,
  ACCOUNT_SOURCES,
  type AccountInit,
  type AccountJson,
  type AccountSource,
} from './accounts/account.js'
export {
  ACCOUNT_ERROR_CODES,
  ACCOUNT_ERROR_CODES_BY_KEY,
  AccountError,
  type AccountErrorCode,
} from './accounts/account-errors.js'
export { DEFAULT_ACCOUNT_NAME, type AccountConfig } from './accounts/account-config.js'
export type { AccountInfo } from './accounts/account-info.js'
export {
  EMPTY_ACCOUNTS_FILE,
  type AccountsFile,
  type AccountStore,
} from './accounts/account-store.js'
export { MemoryAccountStore } from './accounts/memory-account-store.js'
export { parseAccountsFile, stringifyAccountsFile } from './accounts/accounts-file-json.js'
export { redactToken } from './accounts/redact-token.js'
export { saveAccount, type SaveAccountOptions } from './accounts/save-account.js'
export { deleteAccount } from './accounts/delete-account.js'
export { listAccounts } from './accounts/list-accounts.js'
export {
  ACCOUNT_ENV_VARS,
  resolveAccount,
  type ResolveAccountOptions,
} from './accounts/resolve-account.js'

// Job manager
export {
  JobManager,
  type JobManagerOptions,
  type JobManagerRunOptions,
} from './job-manager/job-manager.js'
export {
  ManagedJobSet,
  type JobSetErrorEntry,
  type JobSetHandle,
  type JobSetResultsOptions,
  type ManagedJobSetInit,
} from './job-manager/managed-job-set.js'
export {
  ManagedResults,
  type FailedExperiments,
  type ManagedResultSlice,
} from './job-manager/managed-results.js'
export { retrieveJobSet, type JobSetSource } from './job-manager/retrieve-job-set.js'
export type {
  ExperimentRange,
  FailedManagedJob,
  ManagedJob,
  ManagedJobBase,
  MissingManagedJob,
  SubmittedManagedJob,
} from './job-manager/managed-job.js'
export {
  JOB_SET_EVENT_TYPES,
  type JobSetEvent,
  type JobSetEventBase,
  type JobSetEventType,
  type JobSetSubmitFailedEvent,
  type JobSetSubmittedEvent,
  type JobSetWaitingEvent,
} from './job-manager/job-set-event.js'
export {
  JOB_MANAGER_ERROR_CODES,
  JobManagerError,
  JobSetTimeoutError,
  type JobManagerErrorCode,
} from './job-manager/job-manager-errors.js'
export {
  JOB_SET_TAG_PREFIX,
  jobSetIdTag,
  parseJobSetMemberTags,
  type JobSetMemberInfo,
} from './job-manager/job-set-tags.js'
export { isJobLimitError } from './job-manager/is-job-limit-error.js'
