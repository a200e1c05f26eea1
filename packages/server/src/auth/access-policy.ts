import {
  instanceHasPrefix,
  MEMBERSHIP_ROLES,
  type JobVisibility,
  type MembershipRole,
  type TokenScope,
} from '@qfabric/protocol'
import type { Principal } from './principal.js'

/** Role strength: a lower index is stronger (`admin` > `member` > `viewer`). */
const RANK: Readonly<Record<MembershipRole, number>> = Object.fromEntries(
  MEMBERSHIP_ROLES.map((role, i) => [role, i]),
) as Record<MembershipRole, number>

/**
 * Whether the principal is a service administrator acting with an admin token: both the user's
 * role and the token's scope must say so, so a stolen non-admin token of an admin cannot
 * administer.
 *
 * @param principal - the caller
 * @returns true for an admin user with an `admin` token
 */
export function isServiceAdmin(principal: Principal): boolean {
  return principal.user.role === 'admin' && principal.token.scopes.includes('admin')
}

/**
 * Whether the token grants a scope (`admin` implies every scope, but only for admin users).
 *
 * @param principal - the caller
 * @param scope - the scope an endpoint needs
 * @returns true when the token may do it
 */
export function hasScope(principal: Principal, scope: TokenScope): boolean {
  if (isServiceAdmin(principal)) return true
  return scope !== 'admin' && principal.token.scopes.includes(scope)
}

/**
 * Whether the token's instance restriction (if any) lets it act in an instance.
 *
 * @param principal - the caller
 * @param instance - `hub/group/project`
 * @returns true when unrestricted or one of the token's prefixes covers the instance
 */
export function tokenCoversInstance(principal: Principal, instance: string): boolean {
  const restriction = principal.token.instances
  return restriction === null || restriction.some((prefix) => instanceHasPrefix(instance, prefix))
}

/**
 * The caller's effective role in an instance: the strongest of its memberships on the instance
 * or any level above it (roles are inherited downwards), `admin` for service admins, and nothing
 * when the token is restricted to other instances.
 *
 * @param principal - the caller
 * @param instance - `hub/group/project`
 * @returns the role, or `null` when the caller has no access
 */
export function effectiveRole(principal: Principal, instance: string): MembershipRole | null {
  if (!tokenCoversInstance(principal, instance)) return null
  if (principal.user.role === 'admin') return 'admin'
  let best: MembershipRole | null = null
  for (const m of principal.memberships) {
    if (!instanceHasPrefix(instance, m.instance)) continue
    if (best === null || RANK[m.role] < RANK[best]) best = m.role
  }
  return best
}

/**
 * Whether the caller may submit jobs to an instance (role `member` or stronger).
 *
 * @param principal - the caller
 * @param instance - `hub/group/project`
 * @returns true when allowed
 */
export function canSubmitTo(principal: Principal, instance: string): boolean {
  const role = effectiveRole(principal, instance)
  return role !== null && RANK[role] <= RANK.member
}

/** The fields of a job that decide who may see it. */
export interface JobAccessFields {
  readonly instance: string
  readonly owner: string
  readonly visibility: JobVisibility
}

/** The instance prefix a visibility level shares a job with. */
function sharedPrefix(instance: string, visibility: JobVisibility): string | null {
  const [hub, group] = instance.split('/')
  if (visibility === 'project') return instance
  if (visibility === 'group') return `${hub ?? ''}/${group ?? ''}`
  if (visibility === 'hub') return hub ?? ''
  return null
}

/**
 * Whether the caller may read a job (§8.9): its owner, service admins and instance admins; and,
 * when the job is shared at project, group or hub level, every member of that level. A job the
 * caller may not read is answered with 404, exactly like a job that does not exist.
 *
 * @param principal - the caller
 * @param job - the job's instance, owner and visibility
 * @returns true when the caller may read it
 */
export function canReadJob(principal: Principal, job: JobAccessFields): boolean {
  if (!tokenCoversInstance(principal, job.instance)) return false
  if (principal.user.role === 'admin') return true
  const role = effectiveRole(principal, job.instance)
  if (job.owner === principal.user.id) return role !== null
  if (role === 'admin') return true
  const shared = sharedPrefix(job.instance, job.visibility)
  if (shared === null) return false
  return principal.memberships.some(
    (m) => instanceHasPrefix(m.instance, shared) || instanceHasPrefix(shared, m.instance),
  )
}

/**
 * Whether the caller may change a job (cancel, rename, delete): its owner while still a member,
 * instance admins and service admins. Readers of shared jobs may not.
 *
 * @param principal - the caller
 * @param job - the job's instance, owner and visibility
 * @returns true when the caller may change it
 */
export function canWriteJob(principal: Principal, job: JobAccessFields): boolean {
  if (!tokenCoversInstance(principal, job.instance)) return false
  if (principal.user.role === 'admin') return true
  const role = effectiveRole(principal, job.instance)
  if (role === 'admin') return true
  return job.owner === principal.user.id && role !== null && RANK[role] <= RANK.member
}
