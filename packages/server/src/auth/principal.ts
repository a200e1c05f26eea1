import type { Membership, TokenInfo, User } from '@qfabric/protocol'

/**
 * The authenticated caller of a request: the user, the token used (its scopes and instance
 * restriction) and the user's memberships. Built once per request by the authentication hook;
 * every access decision is a pure function of it (see `access-policy.ts`).
 */
export interface Principal {
  readonly user: User
  readonly token: TokenInfo
  readonly memberships: readonly Membership[]
}
