import {
  parseInstancePath,
  type Instance,
  type InstanceLimits,
  type LimitUsage,
  type MembershipRole,
} from '@qfabric/protocol'
import type { Principal } from '../auth/principal.js'
import type { EffectiveInstanceSettings } from '../store/account-types.js'
import type { AppContext } from './app-context.js'

function usage(limit: number | null, used: number): LimitUsage {
  return { limit, used, remaining: limit === null ? null : Math.max(0, limit - used) }
}

/**
 * The instance's effective limits: the store's inherited settings (`null` = unlimited; new hubs
 * get the server's defaults written on them, see `hubDefaults`), and the server's submit rate
 * where no level sets one (the rate is enforced by the API alone).
 *
 * @param context - the app context
 * @param settings - the store's effective settings
 * @returns running, pending, submit-rate and execution-time limits
 */
export function effectiveLimits(
  context: AppContext,
  settings: EffectiveInstanceSettings,
): {
  maxRunningJobs: number | null
  maxPendingJobs: number | null
  submitRatePerMinute: number
  maxExecutionSeconds: number | null
} {
  return {
    maxRunningJobs: settings.max_running_jobs,
    maxPendingJobs: settings.max_pending_jobs,
    submitRatePerMinute: settings.submit_rate_per_minute ?? context.limits.submitRatePerMinute,
    maxExecutionSeconds: settings.max_execution_seconds,
  }
}

/**
 * The settings a new hub gets from the server's limits, so that the store (which enforces
 * `max_pending_jobs` on submit and `max_running_jobs` on claim, in every process) applies the
 * server's defaults; admins change them per level afterwards.
 *
 * @param context - the app context
 * @returns the hub settings
 */
export function hubDefaults(context: AppContext): {
  max_pending_jobs: number
  max_running_jobs: number
} {
  return {
    max_pending_jobs: context.limits.maxPendingJobs,
    max_running_jobs: context.limits.maxRunningJobs,
  }
}

/**
 * `GET /v1/instances/{path}/limits` (§8.7): each limit with its use for the caller.
 *
 * @param context - the app context
 * @param principal - the caller (the submit rate is per user)
 * @param instance - `hub/group/project`
 * @returns the limits and their use
 */
export async function instanceLimits(
  context: AppContext,
  principal: Principal,
  instance: string,
): Promise<InstanceLimits> {
  const { store, clock } = context
  const settings = await store.effectiveSettings(instance)
  const limits = effectiveLimits(context, settings)
  const counts = (await store.countJobs([instance])).find((c) => c.instance === instance)
  const running = counts?.running ?? 0
  const queued = counts?.queued ?? 0
  const rate = context.submitLimiter.peek({
    userId: principal.user.id,
    instance,
    perMinute: limits.submitRatePerMinute,
  })
  const now = clock.now()
  return {
    instance,
    max_running_jobs: usage(limits.maxRunningJobs, running),
    max_pending_jobs: usage(limits.maxPendingJobs, running + queued),
    submit_rate: {
      limit: limits.submitRatePerMinute,
      used: rate.limit - rate.remaining,
      remaining: rate.remaining,
      window_seconds: 60,
      reset_at:
        rate.remaining >= rate.limit
          ? null
          : new Date(now + rate.resetSeconds * 1000).toISOString(),
    },
    max_execution_seconds: limits.maxExecutionSeconds,
    as_of: new Date(now).toISOString(),
  }
}

/**
 * An instance as `GET /v1/instances` lists it: names, description, the caller's role, limits
 * with use, and retention.
 *
 * @param context - the app context
 * @param principal - the caller
 * @param access - the project path and the caller's effective role there
 * @returns the instance view
 */
export async function instanceView(
  context: AppContext,
  principal: Principal,
  access: { readonly instance: string; readonly role: MembershipRole },
): Promise<Instance> {
  const { store } = context
  const node = await store.getInstance(access.instance)
  const settings = await store.effectiveSettings(access.instance)
  const { hub, group, project } = parseInstancePath(access.instance)
  return {
    instance: access.instance,
    hub,
    group,
    project,
    description: node?.description ?? null,
    role: access.role,
    limits: await instanceLimits(context, principal, access.instance),
    retention: {
      result_ttl_days: settings.result_ttl_days,
      record_ttl_days: settings.record_ttl_days,
    },
    created_at: node?.created_at ?? new Date(context.clock.now()).toISOString(),
  }
}
