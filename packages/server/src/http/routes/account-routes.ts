import type { AppContext } from '../../app/app-context.js'
import { accessibleProjects } from '../../app/caller-access.js'
import { isJobStoreError } from '../../store/job-store-error.js'
import { defineRoute, type Route } from '../route-definition.js'
import { notFound, ServiceError } from '../service-error.js'
import { toTokenInfo } from '../../auth/issue-token.js'

/** Store conflicts (a taken login) become 409 `invalid_state` with a clear message. */
function conflictAs(message: string): (error: unknown) => never {
  return (error) => {
    if (isJobStoreError(error, 'store.conflict')) {
      throw new ServiceError('invalid_state', message, { cause: error })
    }
    throw error
  }
}

/**
 * `GET /v1/me`, the admin endpoints for users (`/v1/users`) and memberships
 * (`/v1/memberships`).
 *
 * @param context - the app context
 * @returns the routes
 */
export function accountRoutes(context: AppContext): Route[] {
  return [meRoute(context), ...userRoutes(context), ...membershipRoutes(context)]
}

function meRoute(context: AppContext): Route {
  const { store } = context
  return defineRoute('getMe', {
    handler: async ({ principal }) => ({
      user: principal.user,
      token: toTokenInfo(principal.token),
      memberships: [...principal.memberships],
      instances: await accessibleProjects(store, principal),
    }),
  })
}

function userRoutes(context: AppContext): Route[] {
  const { store } = context
  return [
    defineRoute('createUser', {
      handler: async ({ body, reply }) => {
        const user = await store
          .createUser({
            login: body.login,
            display_name: body.display_name,
            role: body.role,
          })
          .catch(conflictAs(`The login ${JSON.stringify(body.login)} is taken.`))
        void reply.code(201)
        return user
      },
    }),
    defineRoute('listUsers', {
      handler: async () => ({ items: await store.listUsers() }),
    }),
    defineRoute('getUser', {
      handler: async ({ params }) => {
        const user = await store.getUser(params.id)
        if (user === undefined) throw notFound('user', params.id)
        return user
      },
    }),
    defineRoute('updateUser', {
      handler: async ({ params, body }) => {
        if ((await store.getUser(params.id)) === undefined) throw notFound('user', params.id)
        return store.updateUser(params.id, body)
      },
    }),
  ]
}

function membershipRoutes(context: AppContext): Route[] {
  const { store } = context
  return [
    defineRoute('listMemberships', {
      handler: async ({ query }) => ({
        items: await store.listMemberships({ userId: query.user_id, instance: query.instance }),
      }),
    }),
    defineRoute('createMembership', {
      handler: async ({ body, reply }) => {
        if ((await store.getUser(body.user_id)) === undefined) throw notFound('user', body.user_id)
        const membership = await store.upsertMembership(body)
        void reply.code(201)
        return membership
      },
    }),
    defineRoute('deleteMembership', {
      handler: async ({ params, reply }) => {
        if (!(await store.deleteMembership(params.id))) throw notFound('membership', params.id)
        void reply.code(204)
        return undefined
      },
    }),
  ]
}
