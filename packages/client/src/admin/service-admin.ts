import type { AbortSignalLike } from '@qfabric/core/providers'
import {
  PATHS,
  buildPath,
  instanceResourcePath,
  type CreateMembershipRequest,
  type CreateTokenRequest,
  type CreateUserRequest,
  type CreatedToken,
  type Instance,
  type InstanceList,
  type InstanceSettings,
  type Membership,
  type MembershipList,
  type MembershipListQuery,
  type TokenInfo,
  type TokenList,
  type UpdateInstanceSettings,
  type User,
  type UserList,
} from '@qfabric/protocol'
import { ServiceTransport, type ServiceTransportOptions } from '../http/service-transport.js'
import {
  provisionMember,
  type ProvisionMemberRequest,
  type ProvisionMemberResult,
} from './provision-member.js'

/** Every admin call takes a signal. */
export interface AdminCallOptions {
  readonly signal?: AbortSignalLike | undefined
}

/**
 * The administration endpoints of the job service (`service-api.md` §8.4 "Accounts and
 * tokens"): instances, users, memberships and tokens. Thin and typed: bodies and answers are the
 * contract's (`@qfabric/protocol`), in its snake_case. Needs a token with the `admin` scope
 * (`createToken` and `listTokens` work with any token, for its own user). Used by the CLI, the
 * demo and tests to provision a service; {@link ServiceAdmin.provisionMember} does the usual
 * sequence (instance, user, membership, token) in one call.
 *
 * @example
 * ```ts
 * const admin = new ServiceAdmin({ url, token: adminToken })
 * const { token } = await admin.provisionMember({ instance: 'acme/research/vqe', login: 'alice' })
 * const service = QfabricService.enableAccount({ url, token: token.token, instance: 'acme/research/vqe' })
 * ```
 */
export class ServiceAdmin {
  readonly #http: ServiceTransport

  /** @param options - the service URL and an admin token (or a ready transport) */
  constructor(options: ServiceTransportOptions | { readonly transport: ServiceTransport }) {
    this.#http = 'transport' in options ? options.transport : new ServiceTransport(options)
  }

  /** The service's base URL. */
  get url(): string {
    return this.#http.url
  }

  /**
   * Gives a person a working token for one project, creating or reusing what is needed: the
   * instance (created with `settings` when missing), the user (by login), their membership with
   * `role` (default `member`; the service upserts it) and a new token with `scopes` (default
   * `jobs:read`, `jobs:write`, `backends:read`) named `tokenName` (default: the login). Safe to
   * repeat: each call makes one more token.
   *
   * @param request - instance, login and the optional role, scopes, token name, settings, signal
   * @returns the instance, user, membership and token (with its secret, shown this once), and
   *   whether the instance and the user are new
   * @throws ServiceRequestError `forbidden` without the `admin` scope, `validation_failed` for a
   *   malformed instance path or login
   * @example
   * ```ts
   * const made = await admin.provisionMember({
   *   instance: 'acme/research/vqe',
   *   login: 'alice',
   *   scopes: ['jobs:read'],
   *   settings: { description: 'VQE runs' },
   * })
   * console.log(made.isNewUser ? 'created' : 'reused', made.user.login, made.token.token)
   * ```
   */
  provisionMember(request: ProvisionMemberRequest): Promise<ProvisionMemberResult> {
    return provisionMember(this, request)
  }

  /**
   * Creates a project (and its hub and group when new).
   *
   * @param instance - `hub/group/project`
   * @param settings - description and limits (inherited when left out)
   * @param options - a signal
   * @returns the instance as the admin sees it
   * @throws ServiceRequestError `invalid_state` when it exists, `forbidden` without `admin`
   */
  createInstance(
    instance: string,
    settings: InstanceSettings = {},
    options: AdminCallOptions = {},
  ): Promise<Instance> {
    return this.#http.post(instanceResourcePath(PATHS.instance, instance), settings, options)
  }

  /**
   * Changes a project's settings (limits, retention, description).
   *
   * @param instance - `hub/group/project`
   * @param settings - the fields to change (`null` = inherit)
   * @param options - a signal
   * @returns the updated instance
   */
  async updateInstance(
    instance: string,
    settings: UpdateInstanceSettings,
    options: AdminCallOptions = {},
  ): Promise<Instance> {
    const path = instanceResourcePath(PATHS.instance, instance)
    return (await this.#http.request<Instance>('PATCH', path, { ...options, body: settings })).body
  }

  /**
   * The instances the token can use (for an admin: all of them), with limits and usage.
   *
   * @param options - an optional `prefix` (`hub` or `hub/group`) and a signal
   * @returns the instances
   */
  async listInstances(
    options: AdminCallOptions & { readonly prefix?: string | undefined } = {},
  ): Promise<readonly Instance[]> {
    const list = await this.#http.get<InstanceList>(PATHS.instances, {
      query: { prefix: options.prefix },
      signal: options.signal,
    })
    return list.items
  }

  /**
   * Creates a user.
   *
   * @param user - login, display name, role (`member` by default)
   * @param options - a signal
   * @returns the user
   */
  createUser(user: CreateUserRequest, options: AdminCallOptions = {}): Promise<User> {
    return this.#http.post(PATHS.users, user, options)
  }

  /**
   * Every user.
   *
   * @param options - a signal
   * @returns the users
   */
  async listUsers(options: AdminCallOptions = {}): Promise<readonly User[]> {
    return (await this.#http.get<UserList>(PATHS.users, options)).items
  }

  /**
   * Gives a user a role in a hub, group or project (inherited downwards).
   *
   * @param membership - user id, instance prefix, role
   * @param options - a signal
   * @returns the membership
   */
  createMembership(
    membership: CreateMembershipRequest,
    options: AdminCallOptions = {},
  ): Promise<Membership> {
    return this.#http.post(PATHS.memberships, membership, options)
  }

  /**
   * Memberships, optionally of one user or under one instance prefix.
   *
   * @param query - filters
   * @param options - a signal
   * @returns the memberships
   */
  async listMemberships(
    query: MembershipListQuery = {},
    options: AdminCallOptions = {},
  ): Promise<readonly Membership[]> {
    const list = await this.#http.get<MembershipList>(PATHS.memberships, {
      query: { ...query },
      signal: options.signal,
    })
    return list.items
  }

  /**
   * Creates an API token — for another user with `user_id` (admins only). The secret `token` is
   * in this answer and nowhere else, ever.
   *
   * @param request - name, scopes, optional instances, expiry and user
   * @param options - a signal
   * @returns the token's record and its secret
   */
  createToken(request: CreateTokenRequest, options: AdminCallOptions = {}): Promise<CreatedToken> {
    return this.#http.post(PATHS.tokens, request, options)
  }

  /**
   * The caller's tokens (never their secrets).
   *
   * @param options - a signal
   * @returns the tokens
   */
  async listTokens(options: AdminCallOptions = {}): Promise<readonly TokenInfo[]> {
    return (await this.#http.get<TokenList>(PATHS.tokens, options)).items
  }

  /**
   * Revokes a token, immediately.
   *
   * @param id - the token's id
   * @param options - a signal
   */
  async revokeToken(id: string, options: AdminCallOptions = {}): Promise<void> {
    await this.#http.request('DELETE', buildPath(PATHS.token, { id }), options)
  }
}
