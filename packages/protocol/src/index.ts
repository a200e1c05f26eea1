/* eslint-disable max-lines -- a deliberate, explicit export list (STYLE.md §5.9), not logic */
/**
 * `@qfabric/protocol`: the HTTP contract of the qfabric job service
 * (`shared/reference/service-api.md` §8), shared by the server (`@qfabric/server`, Fastify +
 * TypeBox), the client (`@qfabric/client`) and the dashboard. Browser-safe: no Node imports.
 *
 * - **Paths and endpoints**: {@link PATHS} (templates), {@link buildPath},
 *   {@link toRoutePattern}, and {@link ENDPOINTS} — method, auth scope and the TypeBox schema of
 *   params, query, headers, body and each success response; {@link API_VERSION}, {@link HEADERS}.
 * - **Schemas** (`…Schema`, each with a `$id`) and their `Static` types for every body:
 *   accounts, tokens, instances, backends, job submission, the job record (§8.3), listings,
 *   cancel, results (Qiskit `Result.to_dict()`), events (§8.5), problem documents (§8.10).
 * - **Job state machine** (§8.2): {@link SERVICE_JOB_STATUSES}, {@link JOB_PHASES_BY_STATUS},
 *   {@link SERVICE_TO_JOB_STATUS}, {@link SERVICE_JOB_TRANSITION_RULES},
 *   {@link transitionServiceJob} (consistent with core's `transitionJob`),
 *   {@link JOB_REASON_CODES}.
 * - **Errors**: {@link SERVICE_ERROR_CODES} (code → HTTP status, title, retryable),
 *   {@link problemDocument}, {@link httpStatusForCode}, {@link isProblemDocument},
 *   {@link ProtocolError}.
 * - **Helpers**: validation with JSON-pointer field errors ({@link validateValue}), listing
 *   queries and cursors ({@link parseJobListQuery}, {@link createJobListCursor}), idempotency
 *   keys, API tokens, instance paths, `ETag`/`Prefer`/`Retry-After`, and server-sent events
 *   ({@link formatSseEvent}, {@link parseSseStream}, {@link parseJobEventStream}).
 *
 * Request schemas reject unknown fields (a typo is a 422, not a silently ignored option);
 * response schemas allow them, so clients keep working against newer servers.
 *
 * @example
 * ```ts
 * import { ENDPOINTS, PATHS, buildPath, validateValue, JobSubmissionSchema } from '@qfabric/protocol'
 *
 * const url = new URL(buildPath(PATHS.job, { id: 'job_01J9Z3K7Q8V2M4N6P0R2S4T6V8' }), base)
 * const checked = validateValue(JobSubmissionSchema, body, { in: 'body' })
 * if (!checked.ok) console.log(checked.problem.errors) // [{ pointer: '/shots', code: 'below_min', … }]
 * ```
 *
 * @packageDocumentation
 */
export const VERSION = '0.1.0'

export { API_VERSION, SUPPORTED_API_VERSIONS, negotiateApiVersion } from './api-version.js'
export { PROTOCOL_LIMITS } from './protocol-limits.js'

// HTTP
export { ACCOUNT_ENDPOINTS } from './http/account-endpoints.js'
export { BACKEND_ENDPOINTS } from './http/backend-endpoints.js'
export {
  ADMIN,
  ANY_SCOPE,
  BACKENDS_READ,
  JOBS_READ,
  JOBS_WRITE,
  type EndpointDefinition,
  type HttpMethod,
} from './http/endpoint-definition.js'
export { ENDPOINTS, ERROR_RESPONSES, type EndpointName } from './http/endpoints.js'
export { JOB_ENDPOINTS } from './http/job-endpoints.js'
export { etagMatches, formatEtag } from './http/etag.js'
export { CONTENT_TYPES, HEADERS, formatBearer, parseBearer } from './http/headers.js'
export {
  PATHS,
  buildPath,
  instanceResourcePath,
  toRoutePattern,
  type PathParamNames,
  type PathParams,
  type PathTemplate,
} from './http/paths.js'
export { formatPreferWait, parsePreferWait } from './http/prefer-wait.js'
export { formatRetryAfter, parseRetryAfter } from './http/retry-after.js'

// Schemas
export {
  CreateMembershipRequestSchema,
  CreateUserRequestSchema,
  InstanceAccessSchema,
  LOGIN_PATTERN,
  MEMBERSHIP_ROLES,
  MembershipListQuerySchema,
  MembershipListSchema,
  MembershipSchema,
  MeResponseSchema,
  UpdateUserRequestSchema,
  USER_ROLES,
  USER_STATUSES,
  UserListSchema,
  UserSchema,
  type CreateMembershipRequest,
  type CreateUserRequest,
  type InstanceAccess,
  type Membership,
  type MembershipList,
  type MembershipListQuery,
  type MembershipRole,
  type MeResponse,
  type UpdateUserRequest,
  type User,
  type UserList,
  type UserRole,
  type UserStatus,
} from './schemas/account.js'
export {
  AVAILABILITY_DAYS,
  AvailabilityWindowSchema,
  BACKEND_KINDS,
  BACKEND_STATUSES,
  BackendLimitsSchema,
  BackendListQuerySchema,
  BackendListSchema,
  BackendParamsSchema,
  BackendPropertiesQuerySchema,
  BackendQueueSchema,
  BackendSchema,
  BackendStatusResponseSchema,
  type AvailabilityDay,
  type AvailabilityWindow,
  type Backend,
  type BackendKind,
  type BackendLimits,
  type BackendList,
  type BackendListQuery,
  type BackendParams,
  type BackendPropertiesQuery,
  type BackendQueue,
  type BackendServiceStatus,
  type BackendStatusResponse,
} from './schemas/backend.js'
export {
  BackendConfigurationJsonSchema,
  BackendPropertiesJsonSchema,
  GateConfigJsonSchema,
  GatePropertiesJsonSchema,
  NduvJsonSchema,
  type BackendConfigurationJsonBody,
  type BackendPropertiesJsonBody,
} from './schemas/backend-device-json.js'
export {
  BACKEND_NAME_PATTERN,
  BackendNameSchema,
  CountSchema,
  DisplayNameSchema,
  IdParamsSchema,
  INSTANCE_PATH_PATTERN,
  INSTANCE_PREFIX_PATTERN,
  INSTANCE_SEGMENT_PATTERN,
  InstancePathSchema,
  InstancePrefixSchema,
  JobIdSchema,
  LimitUsageSchema,
  LiteralUnion,
  MetadataSchema,
  Nullable,
  PRINTABLE_PATTERN,
  PROGRAM_NAME_PATTERN,
  ProgramNameSchema,
  RequiredNameSchema,
  RESOURCE_ID_PATTERN,
  ResourceIdSchema,
  TagSchema,
  TagsSchema,
  TimestampSchema,
  type IdParams,
  type LimitUsage,
  type Metadata,
} from './schemas/common.js'
export {
  INSTANCE_LEVELS,
  InstanceLimitsSchema,
  InstanceListQuerySchema,
  InstanceListSchema,
  InstanceParamsSchema,
  InstanceRetentionSchema,
  InstanceSchema,
  InstanceSettingsSchema,
  RateLimitUsageSchema,
  UpdateInstanceSettingsSchema,
  type Instance,
  type InstanceLevel,
  type InstanceLimits,
  type InstanceList,
  type InstanceListQuery,
  type InstanceParams,
  type InstanceRetention,
  type InstanceSettings,
  type RateLimitUsage,
  type UpdateInstanceSettings,
} from './schemas/instance.js'
export {
  BatchGetJobsRequestSchema,
  BatchGetJobsResponseSchema,
  CancelJobResponseSchema,
  GetJobHeadersSchema,
  JobParamsSchema,
  UpdateJobRequestSchema,
  type BatchGetJobsRequest,
  type BatchGetJobsResponse,
  type CancelJobResponse,
  type GetJobHeaders,
  type JobParams,
  type UpdateJobRequest,
} from './schemas/job-actions.js'
export {
  JOB_LOG_LEVELS,
  JobLogEntrySchema,
  JobLogsSchema,
  JobMetricsSchema,
  type JobLogEntry,
  type JobLogLevelName,
  type JobLogs,
  type JobMetrics,
} from './schemas/job-artifacts.js'
export {
  EventStreamQuerySchema,
  JobEventHistoryQuerySchema,
  JobEventHistorySchema,
  JobLogEventSchema,
  JobProgressEventSchema,
  JobQueueEventSchema,
  JobResultReadyEventSchema,
  JobStatusEventSchema,
  SERVICE_EVENT_TYPES,
  ServiceJobEventSchema,
  SnapshotEventSchema,
  StoredJobEventSchema,
  type EventStreamQuery,
  type JobEventHistory,
  type JobEventHistoryQuery,
  type ServiceEventType,
  type ServiceJobEvent,
  type StoredJobEvent,
} from './schemas/job-events.js'
export {
  JOB_SORT_KEYS,
  JobListPageSchema,
  JobListQuerySchema,
  OWNER_FILTERS,
  SORT_ORDERS,
  TAG_MATCH_MODES,
  type JobListPage,
  type JobListQuery,
  type JobSortKey,
  type SortOrder,
  type TagMatchMode,
} from './schemas/job-list.js'
export {
  BackendSnapshotSchema,
  JOB_SUMMARY_FIELDS,
  JobPhaseSchema,
  JobProgressSchema,
  JobQueueInfoSchema,
  JobRecordSchema,
  JobRequestSummarySchema,
  JobResultInfoSchema,
  JobStatusReasonSchema,
  JobSummarySchema,
  JobUsageSchema,
  ServiceJobStatusSchema,
  StatusTimestampsSchema,
  type JobQueueInfo,
  type JobRecord,
  type JobRequestSummary,
  type JobResultInfo,
  type JobStatusReason,
  type JobSummary,
} from './schemas/job-record.js'
export {
  CircuitInputSchema,
  ClientInfoSchema,
  DEFAULT_JOB_PROGRAM,
  IdempotencyHeadersSchema,
  JOB_VISIBILITIES,
  JobInputSchema,
  JobSubmissionSchema,
  RunOptionValueSchema,
  type CircuitInput,
  type ClientInfo,
  type IdempotencyHeaders,
  type JobInput,
  type JobSubmission,
  type JobVisibility,
} from './schemas/job-submission.js'
export {
  FieldErrorSchema,
  ProblemDocumentSchema,
  REQUEST_PARTS,
  type FieldError,
  type ProblemDocument,
  type RequestPart,
} from './schemas/problem-document.js'
export {
  ComplexJsonSchema,
  ExperimentDataJsonSchema,
  ExperimentHeaderJsonSchema,
  ExperimentResultJsonSchema,
  ResultJsonSchema,
  type ResultJsonBody,
} from './schemas/result-json.js'
export {
  HEALTH_STATES,
  HealthSchema,
  VersionInfoSchema,
  type Health,
  type HealthState,
  type VersionInfo,
} from './schemas/service-info.js'
export {
  CreatedTokenSchema,
  CreateTokenRequestSchema,
  TOKEN_SCOPES,
  TokenInfoSchema,
  TokenListSchema,
  TokenScopeSchema,
  type CreatedToken,
  type CreateTokenRequest,
  type TokenInfo,
  type TokenList,
  type TokenScope,
} from './schemas/token.js'
export { PROTOCOL_SCHEMAS } from './schemas/protocol-schemas.js'

// Jobs
export {
  JOB_REASON_CODES,
  isJobReasonCode,
  type JobReasonCode,
  type JobReasonCodeInfo,
} from './jobs/job-reason-codes.js'
export {
  FINAL_SERVICE_JOB_STATUSES,
  JOB_PHASES_BY_STATUS,
  KNOWN_JOB_PHASES,
  MUTABLE_FIELDS_OF_FINAL_JOBS,
  PENDING_SERVICE_JOB_STATUSES,
  SERVICE_JOB_STATUSES,
  SERVICE_TO_JOB_STATUS,
  defaultPhase,
  isFinalServiceJobStatus,
  isPhaseOf,
  isServiceJobStatus,
  toJobStatus,
  type FinalServiceJobStatus,
  type KnownJobPhase,
  type PendingServiceJobStatus,
  type ServiceJobStatus,
} from './jobs/service-job-status.js'
export {
  SERVICE_JOB_TRANSITIONS,
  SERVICE_JOB_TRANSITION_RULES,
  canTransitionServiceJob,
  findServiceJobTransition,
  transitionServiceJob,
  transitionServiceJobState,
  type ServiceJobState,
  type ServiceJobTransitionName,
  type ServiceJobTransitionRule,
} from './jobs/transition-service-job.js'

// Errors
export {
  qasmParseProblem,
  unsupportedOperationProblem,
  type CircuitParseFailure,
  type QasmDiagnosticLike,
  type UnsupportedOperation,
} from './errors/circuit-problems.js'
export {
  PROBLEM_TYPE_PREFIX,
  isProblemDocument,
  problemDocument,
  problemTypeUri,
  type ProblemExtras,
} from './errors/problem-document.js'
export {
  PROTOCOL_ERROR_CODES,
  ProtocolError,
  type ProtocolErrorCode,
  type ProtocolErrorOptions,
} from './errors/protocol-error.js'
export {
  SERVICE_ERROR_CODES,
  SERVICE_ERROR_CODE_LIST,
  codeForHttpStatus,
  httpStatusForCode,
  isServiceErrorCode,
  type ServiceErrorCode,
  type ServiceErrorCodeInfo,
} from './errors/service-error-codes.js'

// Validation
export { fieldErrorsFromAjv, type AjvErrorLike } from './validation/ajv-errors.js'
export {
  FIELD_ERROR_CODES,
  fieldErrorCodeOf,
  type FieldErrorCode,
} from './validation/field-error-codes.js'
export { isRfc3339DateTime, registerProtocolFormats } from './validation/formats.js'
export { formatJsonPointer, parseJsonPointer, pointerToField } from './validation/json-pointer.js'
export {
  assertValid,
  fieldErrors,
  isValid,
  validateValue,
  validationProblem,
  withDefaults,
  type ValidateOptions,
  type ValidationResult,
} from './validation/validate-value.js'

// Listing
export { formatJobListQuery, type JobListQueryInput } from './listing/format-job-list-query.js'
export {
  assertCursorMatches,
  createJobListCursor,
  decodeJobListCursor,
  encodeJobListCursor,
  type JobListCursor,
  type JobListPosition,
} from './listing/job-list-cursor.js'
export {
  CURSOR_BOUND_FIELDS,
  jobListFilterHash,
  type JobListFilter,
} from './listing/job-list-filter.js'
export {
  parseJobListQuery,
  type ParsedJobListQuery,
  type RawQuery,
} from './listing/parse-job-list-query.js'

// Auth, ids, instances
export {
  API_TOKEN_DISPLAY_LENGTH,
  API_TOKEN_PATTERN,
  API_TOKEN_PREFIX,
  apiTokenDisplayPrefix,
  createApiToken,
  formatApiToken,
  isApiToken,
  parseApiToken,
  redactApiToken,
  type ApiTokenParts,
  type CreatedApiToken,
  type RandomBytes,
} from './auth/api-token.js'
export {
  IDEMPOTENCY_KEY_PATTERN,
  createIdempotencyKey,
  isIdempotencyKey,
  parseIdempotencyKey,
} from './auth/idempotency-key.js'
export {
  formatInstancePath,
  instanceAncestors,
  instanceHasPrefix,
  isInstancePath,
  isInstancePrefix,
  parseInstancePath,
  type InstanceName,
} from './instances/instance-path.js'

// Server-sent events
export { decodeJobEvent, parseJobEventStream } from './sse/decode-job-event.js'
export {
  SSE_HEARTBEAT_COMMENT,
  SSE_HEARTBEAT_SECONDS,
  SSE_RESPONSE_HEADERS,
  SSE_RETRY_MS,
  formatSseComment,
  formatSseEvent,
  formatSseMessage,
  formatSseRetry,
  type SseMessageInit,
} from './sse/format-sse.js'
export {
  parseSseStream,
  type ParseSseStreamOptions,
  type ReadableStreamLike,
  type SseSource,
  type StreamReaderLike,
} from './sse/parse-sse-stream.js'
export { SseDecoder, type SseMessage } from './sse/sse-decoder.js'

// Encoding
export { decodeBase64Url, encodeBase64Url } from './encoding/base64url.js'
