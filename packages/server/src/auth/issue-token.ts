import {
  createApiToken,
  type CreatedToken,
  type CreateTokenRequest,
  type TokenInfo,
} from '@qfabric/protocol'
import { fieldError } from '../http/field-error.js'
import { ServiceError } from '../http/service-error.js'
import type { StoredToken } from '../store/account-types.js'
import type { JobStore } from '../store/job-store.js'
import { hashToken } from '../store/token-hash.js'

/**
 * The public record of a stored token (no hash, no revocation bookkeeping).
 *
 * @param stored - the stored token
 * @returns the token info
 */
export function toTokenInfo(stored: TokenInfo): TokenInfo {
  return {
    id: stored.id,
    user_id: stored.user_id,
    name: stored.name,
    prefix: stored.prefix,
    scopes: stored.scopes,
    instances: stored.instances,
    created_at: stored.created_at,
    last_used_at: stored.last_used_at,
    expires_at: stored.expires_at,
  }
}

/** Options of {@link issueToken}. */
export interface IssueTokenOptions {
  readonly userId: string
  readonly request: CreateTokenRequest
  readonly nowMs: number
}

/**
 * Makes a token, stores only its hash, and returns it with the secret (shown this once).
 *
 * @param store - the store
 * @param options - owner, request, current time
 * @returns the created token with its secret
 * @throws ServiceError `validation_failed` for an expiry in the past
 */
export async function issueToken(
  store: JobStore,
  options: IssueTokenOptions,
): Promise<CreatedToken> {
  const { request, userId, nowMs } = options
  const expires = request.expires_at ?? null
  if (expires !== null && Date.parse(expires) <= nowMs) {
    throw new ServiceError('validation_failed', 'expires_at must be in the future.', {
      errors: [
        fieldError({
          in: 'body',
          pointer: '/expires_at',
          code: 'below_min',
          message: 'must be in the future',
        }),
      ],
    })
  }
  const created = createApiToken()
  const stored: StoredToken = await store.createToken({
    id: created.id,
    user_id: userId,
    name: request.name,
    prefix: created.prefix,
    token_hash: hashToken(created.token),
    scopes: request.scopes,
    instances: request.instances ?? null,
    expires_at: expires,
  })
  return { ...toTokenInfo(stored), token: created.token }
}
