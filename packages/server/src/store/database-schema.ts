/**
 * The store's tables as Kysely sees them: one interface per table, columns in snake_case, in the
 * shape both dialects return them. Conventions that keep SQLite and PostgreSQL identical:
 * timestamps are integers (milliseconds since the epoch, UTC; `bigint` in PostgreSQL, read back
 * as numbers), booleans are `0 | 1` integers, JSON values are text. Each `*_json` column holds
 * JSON text.
 */
export interface Database {
  users: UsersTable
  api_tokens: ApiTokensTable
  instances: InstancesTable
  memberships: MembershipsTable
  backends: BackendsTable
  jobs: JobsTable
  job_tags: JobTagsTable
  job_events: JobEventsTable
  idempotency_keys: IdempotencyKeysTable
}

/** `users`: accounts (§8.1). */
export interface UsersTable {
  id: string
  login: string
  display_name: string
  role: string
  status: string
  created_at: number
}

/** `api_tokens`: only the hash of each token is kept (§8.11). */
export interface ApiTokensTable {
  id: string
  user_id: string
  name: string
  /** The first characters of the token, shown in listings and used to find it. */
  prefix: string
  token_hash: string
  scopes_json: string
  /** Instance prefixes the token is limited to; null = every instance of its user. */
  instances_json: string | null
  created_at: number
  expires_at: number | null
  revoked_at: number | null
  last_used_at: number | null
}

/** `instances`: the hub/group/project tree; settings are inherited downwards when null. */
export interface InstancesTable {
  /** `hub`, `hub/group` or `hub/group/project`. */
  path: string
  /** `hub`, `group` or `project`. */
  level: string
  parent: string | null
  description: string | null
  max_running_jobs: number | null
  max_pending_jobs: number | null
  submit_rate_per_minute: number | null
  max_execution_seconds: number | null
  result_ttl_days: number | null
  record_ttl_days: number | null
  created_at: number
  updated_at: number
}

/** `memberships`: a user's role at one level of the instance tree. */
export interface MembershipsTable {
  id: string
  user_id: string
  instance: string
  role: string
  created_at: number
}

/** `backends`: a snapshot of each backend's configuration, status, limits and windows. */
export interface BackendsTable {
  name: string
  /** Instance prefix allowed to use it; null = every instance. */
  instance: string | null
  kind: string
  status: string
  status_message: string | null
  accepting_jobs: number
  num_qubits: number
  limits_json: string
  windows_json: string
  config_json: string | null
  version: string | null
  calibration_id: string | null
  updated_at: number
}

/** `jobs`: the job records, and the queue (status `QUEUED`). */
export interface JobsTable {
  id: string
  /** The project path `hub/group/project`. */
  instance: string
  /** `hub/group` of the instance, for prefix filters and visibility. */
  instance_group: string
  /** `hub` of the instance. */
  instance_hub: string
  owner_id: string
  backend: string
  program: string
  name: string | null
  tags_json: string
  metadata_json: string
  visibility: string
  session_id: string | null
  status: string
  phase: string | null
  reason_code: string | null
  reason_message: string | null
  reason_details_json: string | null
  shots: number
  num_circuits: number
  options_json: string
  /** The program's input (OpenQASM circuits as JSON); null once deleted. */
  input_text: string | null
  input_bytes: number
  input_sha256: string
  max_execution_seconds: number
  queue_ttl_seconds: number | null
  /** Higher runs first. */
  priority: number
  idempotency_key: string | null
  request_hash: string | null
  client_json: string | null
  created_at: number
  queued_at: number | null
  started_at: number | null
  ended_at: number | null
  updated_at: number
  /** When the job entered each status (JSON object status → ms). */
  status_times_json: string
  cancel_requested_at: number | null
  lease_owner: string | null
  lease_expires_at: number | null
  attempt: number
  max_attempts: number
  result_body: string | null
  result_bytes: number | null
  result_sha256: string | null
  result_content_type: string | null
  result_format_version: number | null
  result_partial: number
  result_expires_at: number | null
  progress_done: number
  progress_total: number
  usage_device_seconds: number | null
  usage_wall_seconds: number | null
  backend_version: string | null
  backend_calibration_id: string | null
  rev: number
  /** The seq of the job's latest event (0 before the first). */
  event_seq: number
  /** When the record itself is deleted by retention; null = kept. */
  expires_at: number | null
  deleted_at: number | null
}

/** `job_tags`: one row per tag of a job, so tag filters use an index on both dialects. */
export interface JobTagsTable {
  job_id: string
  tag: string
}

/** `job_events`: the append-only event log of each job. */
export interface JobEventsTable {
  job_id: string
  seq: number
  type: string
  data_json: string
  created_at: number
}

/** `idempotency_keys`: `(owner, key)` → the job it created (§8.8), kept until `expires_at`. */
export interface IdempotencyKeysTable {
  owner_id: string
  key: string
  instance: string
  request_hash: string
  job_id: string
  created_at: number
  expires_at: number
}

/** A row of `jobs` as selected. */
export type JobRow = JobsTable
