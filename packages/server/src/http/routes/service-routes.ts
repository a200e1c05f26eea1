import { SUPPORTED_API_VERSIONS, type Health, type HealthState } from '@qfabric/protocol'
import type { AppContext } from '../../app/app-context.js'
import { defineRoute, type Route } from '../route-definition.js'

/**
 * The client versions this server works with (IQM's idea): the same minor version before 1.0,
 * the same major version after.
 *
 * @param version - the server's version
 * @returns a semver range, e.g. `>=0.1.0 <0.2.0`
 */
export function compatibleClientRange(version: string): string {
  const [major = '0', minor = '0'] = version.split('.')
  return major === '0'
    ? `>=0.${minor}.0 <0.${Number(minor) + 1}.0`
    : `>=${major}.0.0 <${Number(major) + 1}.0.0`
}

async function checkStore(
  context: AppContext,
): Promise<{ status: HealthState; message: string | null }> {
  try {
    await context.store.getUser('health-check')
    return { status: 'ok', message: null }
  } catch (error) {
    context.logger.error({ err: error }, 'health check: store unavailable')
    return { status: 'unavailable', message: 'the database does not answer' }
  }
}

/**
 * `GET /v1/version` and `GET /v1/health` (no token needed).
 *
 * @param context - the app context
 * @returns the routes
 */
export function serviceRoutes(context: AppContext): Route[] {
  return [
    defineRoute('getVersion', {
      handler: () =>
        Promise.resolve({
          server_version: context.version,
          api_versions: [...SUPPORTED_API_VERSIONS],
          compatible_clients: [
            { name: '@qfabric/client', versions: compatibleClientRange(context.version) },
          ],
        }),
    }),
    defineRoute('getHealth', {
      handler: async ({ reply }) => {
        const database = await checkStore(context)
        const closing = context.closing.aborted
        const status: HealthState =
          database.status === 'unavailable' || closing ? 'unavailable' : 'ok'
        const health: Health = {
          status,
          time: new Date(context.clock.now()).toISOString(),
          checks: {
            database,
            api: closing
              ? { status: 'unavailable', message: 'shutting down' }
              : { status: 'ok', message: null },
          },
        }
        if (status === 'unavailable') {
          void reply.code(503).header('Retry-After', '5')
        }
        return health
      },
    }),
  ]
}
