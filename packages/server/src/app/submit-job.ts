import { createHash } from 'node:crypto'
import { DEFAULT_JOB_PROGRAM, type JobSubmission } from '@qfabric/protocol'
import { canSubmitTo } from '../auth/access-policy.js'
import type { Principal } from '../auth/principal.js'
import { ServiceError } from '../http/service-error.js'
import { isJobStoreError } from '../store/job-store-error.js'
import type { EffectiveInstanceSettings } from '../store/account-types.js'
import type { CreateJobResult, NewJob } from '../store/job-store-types.js'
import type { AppContext } from './app-context.js'
import { isWithinWindows } from './availability-windows.js'
import type { CatalogEntry } from './backend-catalog.js'
import { effectiveLimits } from './instance-views.js'
import { stableJson } from './stable-json.js'
import { validateSubmission } from './validate-submission.js'

/** What {@link submitJob} needs besides the body. */
export interface SubmitJobRequest {
  readonly principal: Principal
  /** The selected instance `hub/group/project`. */
  readonly instance: string
  readonly body: JobSubmission
  /** The body's size in bytes. */
  readonly bodyBytes: number
  readonly idempotencyKey: string | undefined
}

function checkBackendAccepting(entry: CatalogEntry): void {
  if (entry.status === 'retired') {
    throw new ServiceError('backend_retired', `${entry.name} is retired and accepts no jobs.`, {
      solution: 'Choose another backend (GET /v1/backends).',
    })
  }
  if (entry.status !== 'online') {
    throw new ServiceError(
      'backend_offline',
      `${entry.name} is ${entry.status}${entry.statusMessage === null ? '' : `: ${entry.statusMessage}`}.`,
      { retryAfterSeconds: 300 },
    )
  }
}

function runOptions(body: JobSubmission): Record<string, unknown> {
  const options: Record<string, unknown> = { ...body.options }
  if (body.seed !== undefined) options['seed'] = body.seed
  if (body.memory !== undefined) options['memory'] = body.memory
  return options
}

/**
 * Submits a job (§8.4 `POST /v1/jobs`): checks the caller may submit to the instance (viewers
 * may not), the submit rate, that the backend is offered to the instance and accepting, every
 * limit and every circuit (see `validateSubmission`), and the pending-job limit; then stores the
 * job — or finds the job an earlier request with the same `Idempotency-Key` and body created.
 *
 * @param context - the app context
 * @param request - caller, instance, body, its size, idempotency key
 * @returns the stored job and whether it is an idempotent replay
 * @throws ServiceError `forbidden`, `rate_limited`, `not_found` (backend),
 *   `backend_offline`/`backend_retired`, the validation errors, `pending_job_limit_exceeded`,
 *   `idempotency_key_reused`
 */
export async function submitJob(
  context: AppContext,
  request: SubmitJobRequest,
): Promise<CreateJobResult> {
  const { store, catalog, limits, clock } = context
  const { principal, instance, body } = request
  const settings = await authorizeSubmission(context, principal, instance)
  const entry = catalog.visibleEntry(body.backend, [instance])
  checkBackendAccepting(entry)
  const program = body.program ?? DEFAULT_JOB_PROGRAM
  if (!entry.programs.includes(program)) {
    throw new ServiceError('validation_failed', `${entry.name} does not run ${program}.`)
  }
  const canonicalBody = stableJson({ instance, body })
  const validated = validateSubmission(body, {
    backend: await catalog.resolve(entry),
    bodyBytes: request.bodyBytes,
    canonicalBody,
    instanceMaxExecutionSeconds: settings.max_execution_seconds,
    defaultMaxExecutionSeconds: limits.maxExecutionSeconds,
  })
  // The store picks waiting_for_slot itself at max_running_jobs; a closed window comes first.
  const outsideWindow = !isWithinWindows(entry.availabilityWindows, clock.now())
  const job: NewJob = {
    instance,
    owner: principal.user.id,
    backend: entry.name,
    program,
    input: JSON.stringify(body.input),
    shots: validated.request.shots,
    num_circuits: validated.request.num_circuits,
    max_execution_seconds: validated.request.max_execution_seconds,
    queue_ttl_seconds: validated.request.queue_ttl_seconds,
    options: runOptions(body),
    name: body.name ?? null,
    tags: body.tags ?? [],
    metadata: body.metadata ?? {},
    visibility: body.visibility ?? 'private',
    client: body.client ?? null,
    phase: outsideWindow ? 'waiting_for_window' : undefined,
  }
  const idempotency =
    request.idempotencyKey === undefined
      ? {}
      : {
          idempotencyKey: request.idempotencyKey,
          requestHash: createHash('sha256').update(canonicalBody, 'utf8').digest('hex'),
          idempotencyTtlMs: limits.idempotencyTtlSeconds * 1000,
        }
  try {
    return await store.createJob(job, idempotency)
  } catch (error) {
    if (isJobStoreError(error, 'store.pending-limit')) {
      throw pendingLimit(instance, settings.max_pending_jobs ?? 0, error)
    }
    throw error
  }
}

/** Checks role and submit rate; returns the instance's effective settings. */
async function authorizeSubmission(
  context: AppContext,
  principal: Principal,
  instance: string,
): Promise<EffectiveInstanceSettings> {
  if (!canSubmitTo(principal, instance)) {
    throw new ServiceError('forbidden', `Your role in ${instance} does not allow submitting jobs.`)
  }
  const settings = await context.store.effectiveSettings(instance)
  const perMinute = effectiveLimits(context, settings).submitRatePerMinute
  const rate = context.submitLimiter.take({ userId: principal.user.id, instance, perMinute })
  if (!rate.allowed) {
    throw new ServiceError(
      'rate_limited',
      `At most ${perMinute} submissions per minute in ${instance}.`,
      { retryAfterSeconds: rate.retryAfterSeconds },
    )
  }
  return settings
}

function pendingLimit(instance: string, limit: number, cause?: unknown): ServiceError {
  return new ServiceError(
    'pending_job_limit_exceeded',
    `${instance} has ${limit} of ${limit} pending jobs.`,
    {
      retryAfterSeconds: 30,
      solution: 'Wait for jobs to finish or ask an admin to raise max_pending_jobs.',
      ...(cause === undefined ? {} : { cause }),
    },
  )
}
