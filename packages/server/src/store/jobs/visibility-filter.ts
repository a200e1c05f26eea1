import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Database } from '../database-schema.js'
import type { JobViewer } from '../job-store-types.js'

type Jobs = ExpressionBuilder<Database, 'jobs'>

/**
 * Jobs under an instance prefix: `hub`, `hub/group` or `hub/group/project`, using the stored
 * hub and group columns so that each level is an indexed equality.
 *
 * @param eb - the expression builder
 * @param prefix - the prefix
 * @returns the condition
 */
export function underPrefix(eb: Jobs, prefix: string): Expression<SqlBool> {
  const depth = prefix.split('/').length
  if (depth === 1) return eb('instance_hub', '=', prefix)
  if (depth === 2) return eb('instance_group', '=', prefix)
  return eb('instance', '=', prefix)
}

function anyUnder(eb: Jobs, prefixes: Iterable<string>): Expression<SqlBool> {
  const all = [...new Set(prefixes)]
  return all.length === 0 ? eb.lit(false) : eb.or(all.map((p) => underPrefix(eb, p)))
}

function truncate(path: string, depth: number): string {
  return path.split('/').slice(0, depth).join('/')
}

/**
 * The jobs a viewer may see (§8.9, the same rule as the HTTP layer's `canReadJob`): their own;
 * every job under a level where they are `admin`; and a job shared at level L (`project`,
 * `group`, `hub`) when one of their memberships lies on the same line as the job's L-level
 * ancestor (above it or below it).
 *
 * @param eb - the expression builder
 * @param viewer - who is looking
 * @returns the condition (true for service admins)
 */
export function visibleTo(eb: Jobs, viewer: JobViewer): Expression<SqlBool> {
  const memberships = viewer.memberships ?? []
  const restriction =
    viewer.instances === undefined || viewer.instances === null
      ? eb.lit(true)
      : anyUnder(eb, viewer.instances)
  if (viewer.isAdmin === true) return restriction
  const paths = memberships.map((m) => m.instance)
  const depth3 = paths.filter((p) => p.split('/').length === 3)
  const depth2or3 = paths.filter((p) => p.split('/').length >= 2)
  const shared = eb('visibility', '<>', 'private')
  const visible = eb.or([
    eb('owner_id', '=', viewer.userId),
    anyUnder(
      eb,
      memberships.filter((m) => m.role === 'admin').map((m) => m.instance),
    ),
    // A membership at or above the job's project sees every shared job there.
    eb.and([shared, anyUnder(eb, paths)]),
    // A project member sees group- and hub-shared jobs of its group.
    eb.and([
      eb('visibility', 'in', ['group', 'hub']),
      anyUnder(
        eb,
        depth3.map((p) => truncate(p, 2)),
      ),
    ]),
    // Group and project members see hub-shared jobs of their hub.
    eb.and([
      eb('visibility', '=', 'hub'),
      anyUnder(
        eb,
        depth2or3.map((p) => truncate(p, 1)),
      ),
    ]),
  ])
  return eb.and([restriction, visible])
}
