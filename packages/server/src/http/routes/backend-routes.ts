import { instanceHasPrefix } from '@qfabric/protocol'
import type { Principal } from '../../auth/principal.js'
import type { AppContext } from '../../app/app-context.js'
import type { ResolvedBackend } from '../../app/backend-catalog.js'
import { backendPropertiesJson } from '../../app/backend-descriptions.js'
import { backendStatusView, backendView, configurationOf } from '../../app/backend-views.js'
import { backendAudience } from '../../app/caller-access.js'
import { defineRoute, type Route } from '../route-definition.js'
import { notFound } from '../service-error.js'

async function visibleBackend(
  context: AppContext,
  principal: Principal,
  name: string,
): Promise<ResolvedBackend> {
  const audience = await backendAudience(context.store, principal)
  return context.catalog.resolve(context.catalog.visibleEntry(name, audience))
}

/**
 * `GET /v1/backends` and `GET /v1/backends/{name}` with `/configuration`, `/properties` and
 * `/status`. A backend offered to none of the caller's instances is 404, like a missing one.
 *
 * @param context - the app context
 * @returns the routes
 */
export function backendRoutes(context: AppContext): Route[] {
  const { catalog, store } = context
  return [
    defineRoute('listBackends', {
      handler: async ({ query, principal }) => {
        let audience = await backendAudience(store, principal)
        const prefix = query.instance
        if (prefix !== undefined) {
          const projects =
            audience ??
            (await store.listInstances(prefix))
              .filter((n) => n.level === 'project')
              .map((n) => n.path)
          audience = projects.filter((p) => instanceHasPrefix(p, prefix))
        }
        const items = []
        for (const entry of catalog.visibleEntries(audience)) {
          if (query.kind !== undefined && entry.kind !== query.kind) continue
          if (query.status !== undefined && entry.status !== query.status) continue
          const view = await backendView(context, await catalog.resolve(entry))
          if (query.min_qubits !== undefined && view.num_qubits < query.min_qubits) continue
          items.push(view)
        }
        return { items }
      },
    }),
    defineRoute('getBackend', {
      handler: async ({ params, principal }) =>
        backendView(context, await visibleBackend(context, principal, params.name)),
    }),
    defineRoute('getBackendConfiguration', {
      handler: async ({ params, principal }) =>
        configurationOf(await visibleBackend(context, principal, params.name)),
    }),
    defineRoute('getBackendProperties', {
      handler: async ({ params, query, principal }) => {
        const resolved = await visibleBackend(context, principal, params.name)
        const properties = await backendPropertiesJson(resolved.backend, resolved.entry.name)
        if (properties === null) throw notFound('calibration of backend', params.name)
        if (
          query.calibration_id !== undefined &&
          query.calibration_id !== properties.last_update_date
        ) {
          throw notFound('calibration', query.calibration_id)
        }
        return properties
      },
    }),
    defineRoute('getBackendStatus', {
      handler: async ({ params, principal }) =>
        backendStatusView(context, await visibleBackend(context, principal, params.name)),
    }),
  ]
}
