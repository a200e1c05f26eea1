import { formatInstancePath, instanceHasPrefix } from '@qfabric/protocol'
import { effectiveRole } from '../../auth/access-policy.js'
import type { Principal } from '../../auth/principal.js'
import type { AppContext } from '../../app/app-context.js'
import { accessibleProjects } from '../../app/caller-access.js'
import { hubDefaults, instanceLimits, instanceView } from '../../app/instance-views.js'
import { defineRoute, type Route } from '../route-definition.js'
import { notFound, ServiceError } from '../service-error.js'

async function projectFor(
  context: AppContext,
  principal: Principal,
  params: { hub: string; group: string; project: string },
): Promise<{ instance: string; role: NonNullable<ReturnType<typeof effectiveRole>> }> {
  const instance = formatInstancePath(params)
  const role = effectiveRole(principal, instance)
  const node = await context.store.getInstance(instance)
  if (role === null || node?.level !== 'project') throw notFound('instance', instance)
  return { instance, role }
}

/**
 * `GET /v1/instances`, `GET/POST/PATCH /v1/instances/{hub}/{group}/{project}` and `…/limits`.
 * Instances the caller has no role in are 404.
 *
 * @param context - the app context
 * @returns the routes
 */
export function instanceRoutes(context: AppContext): Route[] {
  const { store } = context
  return [
    defineRoute('listInstances', {
      handler: async ({ query, principal }) => {
        const projects = (await accessibleProjects(store, principal)).filter(
          (p) => query.prefix === undefined || instanceHasPrefix(p.instance, query.prefix),
        )
        const items = []
        for (const access of projects) items.push(await instanceView(context, principal, access))
        return { items }
      },
    }),
    defineRoute('getInstance', {
      handler: async ({ params, principal }) =>
        instanceView(context, principal, await projectFor(context, principal, params)),
    }),
    defineRoute('getInstanceLimits', {
      handler: async ({ params, principal }) => {
        const { instance } = await projectFor(context, principal, params)
        return instanceLimits(context, principal, instance)
      },
    }),
    defineRoute('createInstance', {
      handler: async ({ params, body, principal, reply }) => {
        const instance = formatInstancePath(params)
        if ((await store.getInstance(instance)) !== undefined) {
          throw new ServiceError('invalid_state', `The instance ${instance} exists; use PATCH.`)
        }
        const hub = params.hub
        const hubNode = await store.getInstance(hub)
        await store.upsertInstance(instance, body)
        if (
          hubNode === undefined ||
          (hubNode.max_pending_jobs === null && hubNode.max_running_jobs === null)
        ) {
          await store.upsertInstance(hub, hubDefaults(context))
        }
        void reply.code(201)
        void reply.header('Location', `/v1/instances/${instance}`)
        return instanceView(context, principal, { instance, role: 'admin' })
      },
    }),
    defineRoute('updateInstance', {
      handler: async ({ params, body, principal }) => {
        const instance = formatInstancePath(params)
        if ((await store.getInstance(instance))?.level !== 'project') {
          throw notFound('instance', instance)
        }
        await store.upsertInstance(instance, body)
        return instanceView(context, principal, { instance, role: 'admin' })
      },
    }),
  ]
}
