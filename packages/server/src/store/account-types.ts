import type {
  AvailabilityWindow,
  BackendKind,
  BackendLimits,
  BackendServiceStatus,
  InstanceLevel,
  MembershipRole,
  TokenInfo,
  TokenScope,
  UserRole,
  UserStatus,
} from '@qfabric/protocol'

/** A user to create. */
export interface NewUser {
  /** Default `user_<ULID>`. */
  readonly id?: string | undefined
  readonly login: string
  /** Default: the login. */
  readonly display_name?: string | undefined
  /** Default `member`. */
  readonly role?: UserRole | undefined
  /** Default `active`. */
  readonly status?: UserStatus | undefined
}

/** Changes to a user. */
export interface UserPatch {
  readonly display_name?: string | undefined
  readonly role?: UserRole | undefined
  readonly status?: UserStatus | undefined
}

/** A token to store. The caller made the secret and hashed it (`hashToken`). */
export interface NewToken {
  /** The id embedded in the token (`qjs_<id>_<secret>`). */
  readonly id: string
  readonly user_id: string
  readonly name: string
  /** The characters shown to recognise it (`apiTokenDisplayPrefix`). */
  readonly prefix: string
  /** `hashToken(token)`; the secret itself is never stored. */
  readonly token_hash: string
  readonly scopes: readonly TokenScope[]
  readonly instances?: readonly string[] | null | undefined
  /** ISO 8601; null = never. */
  readonly expires_at?: string | null | undefined
}

/** A stored token: its public record, the hash and revocation time. */
export interface StoredToken extends TokenInfo {
  readonly token_hash: string
  readonly revoked_at: string | null
}

/** The settings of one level of the instance tree; `null` = inherit from above. */
export interface InstanceSettingsValues {
  readonly description: string | null
  readonly max_running_jobs: number | null
  readonly max_pending_jobs: number | null
  readonly submit_rate_per_minute: number | null
  readonly max_execution_seconds: number | null
  readonly result_ttl_days: number | null
  readonly record_ttl_days: number | null
}

/** A node of the instance tree (`hub`, `hub/group` or `hub/group/project`). */
export interface StoredInstance extends InstanceSettingsValues {
  readonly path: string
  readonly level: InstanceLevel
  readonly parent: string | null
  readonly created_at: string
  readonly updated_at: string
}

/**
 * A project's settings after inheritance (project overrides group overrides hub) and defaults:
 * `result_ttl_days` 30; the others unlimited (`null`).
 */
export interface EffectiveInstanceSettings {
  readonly instance: string
  readonly max_running_jobs: number | null
  readonly max_pending_jobs: number | null
  readonly submit_rate_per_minute: number | null
  readonly max_execution_seconds: number | null
  readonly result_ttl_days: number | null
  readonly record_ttl_days: number | null
}

/** A membership to create. */
export interface NewMembership {
  readonly user_id: string
  /** A prefix: hub, hub/group or hub/group/project (created if missing). */
  readonly instance: string
  readonly role: MembershipRole
}

/** A backend's configuration snapshot as the store keeps it. */
export interface StoredBackend {
  readonly name: string
  /** The instance prefix allowed to use it; null = every instance. */
  readonly instance: string | null
  readonly kind: BackendKind
  readonly status: BackendServiceStatus
  readonly status_message: string | null
  readonly accepting_jobs: boolean
  readonly num_qubits: number
  readonly limits: BackendLimits
  readonly availability_windows: readonly AvailabilityWindow[]
  /** The device configuration JSON (IBM snapshot shape), if any. */
  readonly config: unknown
  readonly version: string | null
  readonly calibration_id: string | null
  readonly updated_at: string
}

/** A backend snapshot to write (`updated_at` is set by the store). */
export type BackendSnapshot = Omit<StoredBackend, 'updated_at'>
