import {
  HEADERS,
  isInstancePath,
  type InstanceAccess,
  type MembershipRole,
} from '@qfabric/protocol'
import type { FastifyRequest } from 'fastify'
import {
  canReadJob,
  canWriteJob,
  effectiveRole,
  isServiceAdmin,
  tokenCoversInstance,
} from '../auth/access-policy.js'
import type { Principal } from '../auth/principal.js'
import { fieldError } from '../http/field-error.js'
import { notFound, ServiceError } from '../http/service-error.js'
import type { JobViewer, StoredJob } from '../store/job-store-types.js'
import type { JobStore } from '../store/job-store.js'

/**
 * The store's view of a caller, for listings filtered by visibility.
 *
 * @param principal - the caller
 * @returns the viewer
 */
export function viewerOf(principal: Principal): JobViewer {
  return {
    userId: principal.user.id,
    isAdmin: principal.user.role === 'admin',
    memberships: principal.memberships.map((m) => ({ instance: m.instance, role: m.role })),
    instances: principal.token.instances,
  }
}

/**
 * The projects the caller can use, with the effective role in each: service admins see every
 * project, others the projects under their memberships; a token's instance restriction applies.
 *
 * @param store - the store
 * @param principal - the caller
 * @returns the projects, sorted by path
 */
export async function accessibleProjects(
  store: JobStore,
  principal: Principal,
): Promise<InstanceAccess[]> {
  const prefixes =
    principal.user.role === 'admin'
      ? [undefined]
      : [...new Set(principal.memberships.map((m) => m.instance))]
  const paths = new Set<string>()
  for (const prefix of prefixes) {
    for (const node of await store.listInstances(prefix)) {
      if (node.level === 'project') paths.add(node.path)
    }
  }
  const out: InstanceAccess[] = []
  for (const instance of [...paths].sort()) {
    const role: MembershipRole | null = effectiveRole(principal, instance)
    if (role !== null && tokenCoversInstance(principal, instance)) out.push({ instance, role })
  }
  return out
}

/**
 * A job the caller may read, or 404 — the same 404 whether the job does not exist or belongs
 * where the caller cannot see (no existence leak).
 *
 * @param store - the store
 * @param principal - the caller
 * @param id - the job id
 * @returns the job
 * @throws ServiceError `not_found`
 */
export async function readableJob(
  store: JobStore,
  principal: Principal,
  id: string,
): Promise<StoredJob> {
  const job = await store.getJob(id)
  if (job === undefined || !canReadJob(principal, job)) throw notFound('job', id)
  return job
}

/**
 * A job the caller may change (cancel, rename, delete). Jobs the caller cannot even read are
 * 404; jobs shared with the caller but not theirs to change are 403.
 *
 * @param store - the store
 * @param principal - the caller
 * @param id - the job id
 * @returns the job
 * @throws ServiceError `not_found` or `forbidden`
 */
export async function writableJob(
  store: JobStore,
  principal: Principal,
  id: string,
): Promise<StoredJob> {
  const job = await readableJob(store, principal, id)
  if (!canWriteJob(principal, job)) {
    throw new ServiceError('forbidden', 'Only the owner or an instance admin may change this job.')
  }
  return job
}

/**
 * The instance a request acts in: the `X-Instance` header, else the caller's only project.
 * A caller without a role there gets 404 (the instance does not exist for them); a viewer may
 * not submit (403).
 *
 * @param store - the store
 * @param principal - the caller
 * @param request - the request (its `X-Instance` header)
 * @returns the project path and the caller's role there
 * @throws ServiceError `validation_failed` (no or malformed instance), `not_found`
 */
export async function selectInstance(
  store: JobStore,
  principal: Principal,
  request: FastifyRequest,
): Promise<{ instance: string; role: MembershipRole }> {
  const header = request.headers['x-instance']
  if (header === undefined) {
    const projects = await accessibleProjects(store, principal)
    const only = projects.length === 1 ? projects[0] : undefined
    if (only !== undefined) return only
    throw new ServiceError(
      'validation_failed',
      `Choose an instance with the ${HEADERS.instance} header (you can use ${projects.length}).`,
      {
        errors: [
          fieldError({
            in: 'header',
            pointer: '/x-instance',
            code: 'required',
            message: 'hub/group/project',
          }),
        ],
      },
    )
  }
  if (typeof header !== 'string' || !isInstancePath(header)) {
    throw new ServiceError('validation_failed', `${HEADERS.instance} must be hub/group/project.`, {
      errors: [
        fieldError({
          in: 'header',
          pointer: '/x-instance',
          code: 'pattern_mismatch',
          message: 'hub/group/project',
        }),
      ],
    })
  }
  const role = effectiveRole(principal, header)
  const exists = (await store.getInstance(header))?.level === 'project'
  if (role === null || !exists) throw notFound('instance', header)
  return { instance: header, role }
}

/**
 * The instances whose backends a caller sees: `null` (all) for an unrestricted service admin,
 * else their projects.
 *
 * @param store - the store
 * @param principal - the caller
 * @returns project paths, or `null` for all
 */
export async function backendAudience(
  store: JobStore,
  principal: Principal,
): Promise<readonly string[] | null> {
  if (isServiceAdmin(principal) && principal.token.instances === null) return null
  return (await accessibleProjects(store, principal)).map((p) => p.instance)
}
