/**
 * What `qfabric admin user create` does on the service: the client's
 * `ServiceAdmin.provisionMember` (a user, or the existing one of that login, their membership of
 * an instance and a token for them), for an instance that must already exist.
 */
import type { ServiceAdmin } from '@qfabric/client'
import { CliError } from '../cli-error.js'

type ClientRequest = Parameters<ServiceAdmin['provisionMember']>[0]

/** What {@link provisionMember} made: user, membership and token (with its secret). */
export type ProvisionMemberResult = Awaited<ReturnType<ServiceAdmin['provisionMember']>>
/** A role in an instance: `admin`, `member` or `viewer`. */
export type MembershipRole = NonNullable<ClientRequest['role']>
/** A token scope: `jobs:read`, `jobs:write`, `backends:read`, `admin`. */
export type TokenScope = NonNullable<ClientRequest['scopes']>[number]

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

/**
 * Creates (or reuses) the user, gives them the role in the instance (the service upserts
 * memberships, so running it again changes the role) and creates a token for them. Unlike
 * `ServiceAdmin.provisionMember`, it never creates the instance: on the command line a typo
 * would otherwise make a new project silently.
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
  const { instance, signal } = request
  const instances = await admin.listInstances({ prefix: instance, signal })
  if (!instances.some((i) => i.instance === instance)) {
    throw new CliError(
      'cli.usage',
      `no instance '${instance}' on ${admin.url}; create it first: qfabric admin instance create ${instance}`,
    )
  }
  return admin.provisionMember(request)
}
