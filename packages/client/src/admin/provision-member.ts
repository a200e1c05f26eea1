import type { AbortSignalLike } from '@qfabric/core/providers'
import type {
  CreatedToken,
  Instance,
  InstanceSettings,
  Membership,
  MembershipRole,
  TokenScope,
  User,
} from '@qfabric/protocol'
import { isServiceRequestError } from '../errors/client-errors.js'
import type { ServiceAdmin } from './service-admin.js'

/** The scopes a member's token gets unless told otherwise: run jobs and read backends. */
export const DEFAULT_MEMBER_SCOPES: readonly TokenScope[] = Object.freeze([
  'jobs:read',
  'jobs:write',
  'backends:read',
])

/** What {@link ServiceAdmin.provisionMember} sets up. */
export interface ProvisionMemberRequest {
  /** The project, `hub/group/project`: created when missing, reused when it exists. */
  readonly instance: string
  /** The user's login: created when missing, reused when taken. */
  readonly login: string
  /** The user's role in the instance (default `member`). */
  readonly role?: MembershipRole | undefined
  /** The token's scopes (default {@link DEFAULT_MEMBER_SCOPES}). */
  readonly scopes?: readonly TokenScope[] | undefined
  /** The token's name (default: the login). */
  readonly tokenName?: string | undefined
  /**
   * The instance's settings (description, limits) when it is created; an existing instance
   * keeps its own (change them with {@link ServiceAdmin.updateInstance}).
   */
  readonly settings?: InstanceSettings | undefined
  readonly signal?: AbortSignalLike | undefined
}

/** What {@link ServiceAdmin.provisionMember} made or found. */
export interface ProvisionMemberResult {
  readonly instance: Instance
  /** Whether the instance was created now (else an existing one was reused). */
  readonly isNewInstance: boolean
  readonly user: User
  /** Whether the user was created now (else an existing login was reused). */
  readonly isNewUser: boolean
  readonly membership: Membership
  /** The token's record and its secret `token` (in this answer and nowhere else, ever). */
  readonly token: CreatedToken
}

/**
 * Gives a person a working token for one project, reusing whatever exists: the instance (created
 * with `settings` when missing), the user (by login), the membership (the service upserts it, so
 * calling again sets the role) and a new token. Safe to repeat; each call makes a new token.
 *
 * @param admin - a client with an `admin` token
 * @param request - instance, login, role, scopes, token name, instance settings
 * @returns what was made or found
 * @throws ServiceRequestError from the service (`forbidden` without the `admin` scope,
 *   `validation_failed` for a malformed instance or login)
 */
export async function provisionMember(
  admin: ServiceAdmin,
  request: ProvisionMemberRequest,
): Promise<ProvisionMemberResult> {
  const call = { signal: request.signal }
  const { record: instance, isNew: isNewInstance } = await findOrCreate(
    () => findInstance(admin, request),
    () => admin.createInstance(request.instance, request.settings ?? {}, call),
  )
  const { record: user, isNew: isNewUser } = await findOrCreate(
    async () => (await admin.listUsers(call)).find((u) => u.login === request.login),
    () => admin.createUser({ login: request.login }, call),
  )
  const membership = await admin.createMembership(
    { user_id: user.id, instance: request.instance, role: request.role ?? 'member' },
    call,
  )
  const token = await admin.createToken(
    {
      name: request.tokenName ?? request.login,
      scopes: [...(request.scopes ?? DEFAULT_MEMBER_SCOPES)],
      user_id: user.id,
    },
    call,
  )
  return { instance, isNewInstance, user, isNewUser, membership, token }
}

async function findInstance(
  admin: ServiceAdmin,
  request: ProvisionMemberRequest,
): Promise<Instance | undefined> {
  const found = await admin.listInstances({ prefix: request.instance, signal: request.signal })
  return found.find((i) => i.instance === request.instance)
}

/**
 * Finds a record, or creates it; when the create loses a race with another one (the service
 * answers `invalid_state`: it exists now), finds it again.
 */
async function findOrCreate<TRecord>(
  find: () => Promise<TRecord | undefined>,
  create: () => Promise<TRecord>,
): Promise<{ readonly record: TRecord; readonly isNew: boolean }> {
  const existing = await find()
  if (existing !== undefined) return { record: existing, isNew: false }
  try {
    return { record: await create(), isNew: true }
  } catch (error) {
    if (!isServiceRequestError(error, 'invalid_state')) throw error
    const raced = await find()
    if (raced === undefined) throw error
    return { record: raced, isNew: false }
  }
}
