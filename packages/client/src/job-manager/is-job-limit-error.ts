import { isQfabricError } from '@qfabric/core/providers'

/**
 * Whether a submission was refused because of a limit that lifts with time, so the job manager
 * should wait and retry rather than record a failure: any qfabric error whose code mentions a
 * limit (`pending_job_limit_exceeded`, `rate_limited`, …) or any error carrying HTTP status 429.
 * This is the "Reached maximum number of concurrent jobs" case that broke batch submissions in
 * Qiskit (qiskit-community/qiskit-aqua#884).
 *
 * @param error - what `backend.run()` rejected with
 * @returns true when waiting for a slot may help
 */
export function isJobLimitError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  if ((error as { readonly status?: unknown }).status === 429) return true
  return isQfabricError(error) && error.code.toLowerCase().includes('limit')
}

/**
 * How long a limit error asks the caller to wait, when it says (`retryAfterMs`, or
 * `retryAfterSeconds` as a `Retry-After` header gives it).
 *
 * @param error - a job-limit error
 * @returns milliseconds, or 0 when the error does not say
 */
export function retryAfterMsOf(error: unknown): number {
  const e = error as { readonly retryAfterMs?: unknown; readonly retryAfterSeconds?: unknown }
  if (typeof e.retryAfterMs === 'number' && e.retryAfterMs > 0) return e.retryAfterMs
  if (typeof e.retryAfterSeconds === 'number' && e.retryAfterSeconds > 0) {
    return e.retryAfterSeconds * 1000
  }
  return 0
}
