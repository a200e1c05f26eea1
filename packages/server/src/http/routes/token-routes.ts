import { instanceHasPrefix, type TokenScope } from '@qfabric/protocol'
import { hasScope, isServiceAdmin } from '../../auth/access-policy.js'
import type { Principal } from '../../auth/principal.js'
import type { AppContext } from '../../app/app-context.js'
import { issueToken, toTokenInfo } from '../../auth/issue-token.js'
import { defineRoute, type Route } from '../route-definition.js'
import { notFound, ServiceError } from '../service-error.js'

/** A scope a new token may have: one the caller's own token grants. */
function checkScopes(principal: Principal, scopes: readonly TokenScope[]): void {
  const missing = scopes.filter((s) => !hasScope(principal, s))
  if (missing.length > 0) {
    throw new ServiceError(
      'forbidden',
      `A token cannot grant more than the token creating it: ${missing.join(', ')}.`,
    )
  }
}

function checkInstances(principal: Principal, instances: readonly string[] | undefined): void {
  const own = principal.token.instances
  if (own === null) return
  const outside = (instances ?? ['(all)']).filter(
    (i) => !own.some((prefix) => instanceHasPrefix(i, prefix)),
  )
  if (outside.length > 0) {
    throw new ServiceError(
      'forbidden',
      `This token is restricted to ${own.join(', ')}; a new token must be too.`,
    )
  }
}

/**
 * `POST/GET /v1/tokens`, `DELETE /v1/tokens/{id}`: callers manage their own tokens (admins
 * anyone's). A new token never grants more scopes or instances than the token creating it.
 *
 * @param context - the app context
 * @returns the routes
 */
export function tokenRoutes(context: AppContext): Route[] {
  const { store, clock } = context
  return [
    defineRoute('createToken', {
      handler: async ({ body, principal, reply }) => {
        const userId = body.user_id ?? principal.user.id
        if (userId !== principal.user.id && !isServiceAdmin(principal)) {
          throw new ServiceError('forbidden', 'Only admins create tokens for other users.')
        }
        if (userId === principal.user.id) {
          checkScopes(principal, body.scopes)
          checkInstances(principal, body.instances)
        } else {
          const user = await store.getUser(userId)
          if (user === undefined) throw notFound('user', userId)
          if (body.scopes.includes('admin') && user.role !== 'admin') {
            throw new ServiceError('forbidden', 'Only admin users can hold admin tokens.')
          }
        }
        const created = await issueToken(store, { userId, request: body, nowMs: clock.now() })
        void reply.code(201)
        return created
      },
    }),
    defineRoute('listTokens', {
      handler: async ({ principal }) => {
        const tokens = await store.listTokens(principal.user.id)
        return { items: tokens.filter((t) => t.revoked_at === null).map(toTokenInfo) }
      },
    }),
    defineRoute('revokeToken', {
      handler: async ({ params, principal, reply }) => {
        const token = await store.getToken(params.id)
        if (
          token === undefined ||
          (token.user_id !== principal.user.id && !isServiceAdmin(principal))
        ) {
          throw notFound('token', params.id)
        }
        await store.revokeToken(params.id, clock.now())
        void reply.code(204)
        return undefined
      },
    }),
  ]
}
