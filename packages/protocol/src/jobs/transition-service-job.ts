import { JobError, transitionJob } from '@qfabric/core/providers'
import {
  defaultPhase,
  isFinalServiceJobStatus,
  isPhaseOf,
  toJobStatus,
  type ServiceJobStatus,
} from './service-job-status.js'

/** One row of the §8.2 transition table. `from: null` is a job that does not exist yet. */
export interface ServiceJobTransitionRule {
  /** A stable name for logs, events and tests. */
  readonly name: string
  readonly from: ServiceJobStatus | null
  readonly to: ServiceJobStatus
  /** What causes it (§8.2's "Trigger" column). */
  readonly trigger: string
}

/**
 * The job service's state machine, row by row as in reference/service-api.md §8.2. Nothing else
 * is allowed: final statuses are absorbing, `QUEUED` never fails directly (a queued job that
 * cannot run is cancelled with a reason), and the only backward move is the requeue after a
 * lost lease. Every move maps onto an allowed move (or no move) of core's `transitionJob`.
 */
export const SERVICE_JOB_TRANSITION_RULES = Object.freeze([
  {
    name: 'submit',
    from: null,
    to: 'QUEUED',
    trigger:
      'POST /v1/jobs accepted and committed (phase waiting_for_slot at the running limit, ' +
      'waiting_for_window outside an availability window, waiting_in_session in a session)',
  },
  { name: 'claim', from: 'QUEUED', to: 'RUNNING', trigger: 'a worker claims it with a lease' },
  {
    name: 'cancel-queued',
    from: 'QUEUED',
    to: 'CANCELLED',
    trigger:
      'user cancel (immediate), session cancel, queue_ttl expiry (reason.code=expired), ' +
      'backend retired',
  },
  {
    name: 'request-cancel',
    from: 'RUNNING',
    to: 'CANCELLING',
    trigger: 'user cancel while running; the worker acknowledges at its next safe point',
  },
  {
    name: 'acknowledge-cancel',
    from: 'CANCELLING',
    to: 'CANCELLED',
    trigger: 'the worker acknowledged; partial results are kept and flagged partial: true',
  },
  {
    name: 'complete-before-cancel',
    from: 'CANCELLING',
    to: 'COMPLETED',
    trigger: 'finished before acknowledging the cancel (the cancel lost the race)',
  },
  {
    name: 'fail-before-cancel',
    from: 'CANCELLING',
    to: 'FAILED',
    trigger: 'failed before acknowledging the cancel (the cancel lost the race)',
  },
  {
    name: 'complete',
    from: 'RUNNING',
    to: 'COMPLETED',
    trigger: 'result stored durably, then status committed, then event published',
  },
  {
    name: 'fail',
    from: 'RUNNING',
    to: 'FAILED',
    trigger:
      'execution error, max_execution_seconds exceeded (reason.code=max_execution_time), ' +
      'worker lost and job not retryable (reason.code=interrupted)',
  },
  {
    name: 'requeue',
    from: 'RUNNING',
    to: 'QUEUED',
    trigger:
      'lease expired and the job is retryable (attempt < max_attempts): attempt incremented, ' +
      'event requeued',
  },
] as const satisfies readonly ServiceJobTransitionRule[])

/** The name of a transition rule (`'submit'`, `'claim'`, …). */
export type ServiceJobTransitionName = (typeof SERVICE_JOB_TRANSITION_RULES)[number]['name']

/** Where each status may go next (derived from {@link SERVICE_JOB_TRANSITION_RULES}). */
export const SERVICE_JOB_TRANSITIONS: Readonly<
  Record<ServiceJobStatus, readonly ServiceJobStatus[]>
> = Object.freeze({
  QUEUED: targetsFrom('QUEUED'),
  RUNNING: targetsFrom('RUNNING'),
  CANCELLING: targetsFrom('CANCELLING'),
  COMPLETED: targetsFrom('COMPLETED'),
  FAILED: targetsFrom('FAILED'),
  CANCELLED: targetsFrom('CANCELLED'),
})

function targetsFrom(from: ServiceJobStatus): readonly ServiceJobStatus[] {
  const rules: readonly ServiceJobTransitionRule[] = SERVICE_JOB_TRANSITION_RULES
  return Object.freeze(rules.filter((r) => r.from === from).map((r) => r.to))
}

/**
 * The rule that allows a move, if any.
 *
 * @param from - the current status, or `null` for a new job
 * @param to - the proposed status
 * @returns the rule, or `undefined` when the move is not allowed (staying put is not a rule)
 */
export function findServiceJobTransition(
  from: ServiceJobStatus | null,
  to: ServiceJobStatus,
): ServiceJobTransitionRule | undefined {
  const rules: readonly ServiceJobTransitionRule[] = SERVICE_JOB_TRANSITION_RULES
  return rules.find((r) => r.from === from && r.to === to)
}

/**
 * Whether a job may move between two statuses. Staying put is allowed (a phase change, or no
 * change at all), as in core's `canTransitionJob`.
 *
 * @param from - the current status, or `null` for a job being created
 * @param to - the proposed status
 * @returns true when `from === to` or a rule of §8.2 allows the move
 */
export function canTransitionServiceJob(
  from: ServiceJobStatus | null,
  to: ServiceJobStatus,
): boolean {
  return from === to || findServiceJobTransition(from, to) !== undefined
}

/**
 * The service's state machine: checks a move against §8.2 and against core's `transitionJob`
 * (on the mapped Qiskit statuses, a new job counting as `INITIALIZING`), and returns the new
 * status. Pure; the caller stores it and writes the event.
 *
 * @param from - the current status, or `null` for a job being created
 * @param to - the proposed status
 * @returns `to`
 * @throws JobError `job.invalid-transition` when the move is not allowed
 * @example
 * ```ts
 * transitionServiceJob('RUNNING', 'CANCELLING') // 'CANCELLING'
 * transitionServiceJob('QUEUED', 'FAILED')      // throws JobError job.invalid-transition
 * ```
 */
export function transitionServiceJob(
  from: ServiceJobStatus | null,
  to: ServiceJobStatus,
): ServiceJobStatus {
  if (!canTransitionServiceJob(from, to)) {
    const why = from !== null && isFinalServiceJobStatus(from) ? ` (${from} is final)` : ''
    const start = from ?? '(new)'
    throw new JobError('job.invalid-transition', `A job cannot go from ${start} to ${to}${why}.`)
  }
  // The coarse machine must agree; a failure here is a bug in one of the two tables.
  transitionJob(from === null ? 'INITIALIZING' : toJobStatus(from), toJobStatus(to))
  return to
}

/** A job's status together with its phase (`null` for final statuses). */
export interface ServiceJobState {
  readonly status: ServiceJobStatus
  readonly phase: string | null
}

/**
 * Moves a job's `(status, phase)`: checks the status move with {@link transitionServiceJob} and
 * that the phase belongs to the new status (defaulting it when omitted). Used by the server, so
 * it accepts only the phases this version knows.
 *
 * @param from - the current state, or `null` for a job being created
 * @param to - the new status and, optionally, its phase
 * @returns the new state
 * @throws JobError `job.invalid-transition` for a forbidden status move
 * @throws RangeError when the phase does not belong to the new status
 */
export function transitionServiceJobState(
  from: ServiceJobState | null,
  to: { readonly status: ServiceJobStatus; readonly phase?: string | null | undefined },
): ServiceJobState {
  const status = transitionServiceJob(from?.status ?? null, to.status)
  const phase = to.phase === undefined ? defaultPhase(status) : to.phase
  if (!isPhaseOf(status, phase)) {
    throw new RangeError(`phase ${String(phase)} does not belong to status ${status}`)
  }
  return { status, phase }
}
