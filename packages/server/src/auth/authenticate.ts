import { parseApiToken, parseBearer } from '@qfabric/protocol'
import { ServiceError } from '../http/service-error.js'
import type { Clock } from '../store/clock.js'
import type { JobStore } from '../store/job-store.js'
import { hashToken, tokenHashesEqual } from '../store/token-hash.js'
import { toTokenInfo } from './issue-token.js'
import type { Principal } from './principal.js'
import type { PrincipalCache } from './principal-cache.js'

/** `last_used_at` is written at most this often per token (not on every request). */
export const TOUCH_INTERVAL_MS = 60_000

/** A hash no token has, compared against when the id is unknown (keeps timing flat). */
const NO_HASH = '0'.repeat(64)

function unauthenticated(detail: string): ServiceError {
  return new ServiceError('unauthenticated', detail, {
    headers: { 'WWW-Authenticate': 'Bearer realm="qfabric"' },
    solution: 'Send Authorization: Bearer <API token>; create tokens with POST /v1/tokens.',
  })
}

/**
 * Authenticates a request's `Authorization: Bearer <token>`: the token's id finds its stored
 * hash, which is compared with the presented token's hash in constant time; revoked and expired
 * tokens and disabled users are refused. Records `last_used_at` (at most once a minute). With a
 * {@link PrincipalCache}, a token authenticated moments ago is not looked up again (the cache
 * is emptied whenever accounts change, and checks the token's expiry itself).
 *
 * @param header - the `Authorization` header value
 * @param deps - the store, the clock and optionally the principal cache
 * @returns the caller
 * @throws ServiceError `unauthenticated` (401) for a missing, malformed, unknown, revoked or
 *   expired token, or a disabled user
 */
export async function authenticate(
  header: string | undefined,
  deps: {
    readonly store: JobStore
    readonly clock: Clock
    readonly principals?: PrincipalCache | undefined
  },
): Promise<Principal> {
  const presented = parseBearer(header)
  if (presented === undefined) throw unauthenticated('An API token is required.')
  const parts = parseApiToken(presented)
  if (parts === undefined) throw unauthenticated('The API token is malformed.')
  const presentedHash = hashToken(presented)
  const cached = deps.principals?.get(presentedHash)
  if (cached !== undefined) return cached
  const generation = deps.principals?.generation ?? 0
  const { principal, expiresAt } = await loadPrincipal(parts.id, presentedHash, deps)
  deps.principals?.set(presentedHash, principal, { expiresAt, generation })
  return principal
}

/** Looks the token up, checks it and its user, records the use; returns the principal. */
async function loadPrincipal(
  tokenId: string,
  presentedHash: string,
  deps: { readonly store: JobStore; readonly clock: Clock },
): Promise<{ principal: Principal; expiresAt: number | null }> {
  const stored = await deps.store.getToken(tokenId)
  const matches = tokenHashesEqual(presentedHash, stored?.token_hash ?? NO_HASH)
  if (stored === undefined || !matches) throw unauthenticated('The API token is not valid.')
  const now = deps.clock.now()
  if (stored.revoked_at !== null) throw unauthenticated('The API token was revoked.')
  const expiresAt = stored.expires_at === null ? null : Date.parse(stored.expires_at)
  if (expiresAt !== null && expiresAt <= now) throw unauthenticated('The API token has expired.')
  const user = await deps.store.getUser(stored.user_id)
  if (user?.status !== 'active') throw unauthenticated('The account is disabled.')
  const memberships = await deps.store.listMemberships({ userId: user.id })
  if (stored.last_used_at === null || now - Date.parse(stored.last_used_at) >= TOUCH_INTERVAL_MS) {
    await deps.store.touchToken(stored.id, now)
  }
  return { principal: { user, token: toTokenInfo(stored), memberships }, expiresAt }
}
