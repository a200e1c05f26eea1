import { parseApiToken, parseBearer } from '@qfabric/protocol'
import { ServiceError } from '../http/service-error.js'
import type { Clock } from '../store/clock.js'
import type { JobStore } from '../store/job-store.js'
import { hashToken, tokenHashesEqual } from '../store/token-hash.js'
import { toTokenInfo } from './issue-token.js'
import type { Principal } from './principal.js'

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
 * tokens and disabled users are refused. Records `last_used_at` (at most once a minute).
 *
 * @param header - the `Authorization` header value
 * @param deps - the store and the clock
 * @returns the caller
 * @throws ServiceError `unauthenticated` (401) for a missing, malformed, unknown, revoked or
 *   expired token, or a disabled user
 */
export async function authenticate(
  header: string | undefined,
  deps: { readonly store: JobStore; readonly clock: Clock },
): Promise<Principal> {
  const presented = parseBearer(header)
  if (presented === undefined) throw unauthenticated('An API token is required.')
  const parts = parseApiToken(presented)
  if (parts === undefined) throw unauthenticated('The API token is malformed.')
  const stored = await deps.store.getToken(parts.id)
  const matches = tokenHashesEqual(hashToken(presented), stored?.token_hash ?? NO_HASH)
  if (stored === undefined || !matches) throw unauthenticated('The API token is not valid.')
  const now = deps.clock.now()
  if (stored.revoked_at !== null) throw unauthenticated('The API token was revoked.')
  if (stored.expires_at !== null && Date.parse(stored.expires_at) <= now) {
    throw unauthenticated('The API token has expired.')
  }
  const user = await deps.store.getUser(stored.user_id)
  if (user?.status !== 'active') throw unauthenticated('The account is disabled.')
  const memberships = await deps.store.listMemberships({ userId: user.id })
  if (stored.last_used_at === null || now - Date.parse(stored.last_used_at) >= TOUCH_INTERVAL_MS) {
    await deps.store.touchToken(stored.id, now)
  }
  return { user, token: toTokenInfo(stored), memberships }
}
