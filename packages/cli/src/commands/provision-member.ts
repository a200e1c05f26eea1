/**
 * What `qfabric admin user create` does on the service: a user (or the existing one of that
 * login), their membership of an instance and a token for them.
 */
import type { ServiceAdmin } from '@qfabric/client'
import { CliError } from '../cli-error.js'

/** A user as the service returns it. */
export type AdminUser = Awaited<ReturnType<ServiceAdmin['createUser']>>
/** A membership as the service returns it. */
export type AdminMembership = Awaited<ReturnType<ServiceAdmin['createMembership']>>
/** A new token with its secret (shown this once). */
export type AdminCreatedToken = Awaited<ReturnType<ServiceAdmin['createToken']>>
/** A role in an instance: `admin`, `member` or `viewer`. */
export type MembershipRole = AdminMembership['role']
/** A token scope: `jobs:read`, `jobs:write`, `backends:read`, `admin`. */
export type TokenScope = AdminCreatedToken['scopes'][number]

/** What {@link provisionMember} sets up. */
export interface ProvisionMemberRequest {
  /** The user's login (reused when it exists). */
  readonly login: string
  /** `hub/group/project`; it must exist. */
  readonly instance: string
  readonly role: MembershipRole
  /** The token's name (default: the login). */
  readonly tokenName?: string | undefined
  readonly scopes: readonly TokenScope[]
  readonly signal?: AbortSignal | undefined
}

/** What {@link provisionMember} made. */
export interface ProvisionMemberResult {
  readonly user: AdminUser
  /** Whether the user was created now (else an existing login was reused). */
  readonly isNewUser: boolean
  readonly membership: AdminMembership
  /** The token's record and its secret `token`. */
  readonly token: AdminCreatedToken
}

/**
 * Creates (or reuses) the user, gives them the role in the instance (the service upserts
 * memberships, so running it again changes the role) and creates a token for them.
 *
 * @param admin - an admin client
 * @param request - login, instance, role, token name and scopes
 * @returns the user, membership and token
 * @throws CliError `cli.usage` when the instance does not exist (a membership of a missing
 *   instance would give a token that can use nothing); ServiceRequestError from the service
 */
export async function provisionMember(
  admin: ServiceAdmin,
  request: ProvisionMemberRequest,
): Promise<ProvisionMemberResult> {
  const call = { signal: request.signal }
  const instances = await admin.listInstances(call)
  if (!instances.some((i) => i.instance === request.instance)) {
    throw new CliError(
      'cli.usage',
      `no instance '${request.instance}' on ${admin.url}; create it first: qfabric admin instance create ${request.instance}`,
    )
  }
  const existing = (await admin.listUsers(call)).find((u) => u.login === request.login)
  const user = existing ?? (await admin.createUser({ login: request.login }, call))
  const membership = await admin.createMembership(
    { user_id: user.id, instance: request.instance, role: request.role },
    call,
  )
  const token = await admin.createToken(
    { name: request.tokenName ?? request.login, scopes: [...request.scopes], user_id: user.id },
    call,
  )
  return { user, isNewUser: existing === undefined, membership, token }
}
