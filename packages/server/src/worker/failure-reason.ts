import { JobFailedError, QfabricError } from '@qfabric/core/providers'
import type { StatusReasonInput } from '../store/job-store-types.js'
import { WorkerError } from './worker-error.js'

/**
 * The `status_reason` of a job whose run threw: the simulator's (or backend's) own code and
 * message for an execution failure, `internal` for anything that is the service's fault.
 *
 * @param error - what the run threw (`JobFailedError` from `job.result()`, a `QfabricError` from
 *   `backend.run()` refusing the circuits or options, a {@link WorkerError}, anything else)
 * @returns the reason to store with `fail`
 * @example
 * ```ts
 * await store.fail(job.id, workerId, failureReason(error))
 * ```
 */
export function failureReason(error: unknown): StatusReasonInput {
  if (error instanceof JobFailedError) {
    return {
      code: 'execution_error',
      message: error.errorMessage,
      details: { error_code: error.remoteCode ?? error.code },
    }
  }
  if (error instanceof WorkerError && error.code === 'worker.backend-unavailable') {
    return { code: 'internal', message: error.message, details: { error_code: error.code } }
  }
  if (error instanceof QfabricError) {
    return { code: 'execution_error', message: error.message, details: { error_code: error.code } }
  }
  const code = (error as { code?: unknown } | null)?.code
  return {
    code: 'internal',
    message: error instanceof Error ? error.message : String(error),
    details: typeof code === 'string' ? { error_code: code } : null,
  }
}
