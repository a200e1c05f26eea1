import { QfabricError } from '../internal/qfabric-error.js'

/**
 * Every stable error code of the provider area, as one table (tRPC's `TRPC_ERROR_CODES_BY_KEY`).
 * The job service maps these to HTTP statuses; clients rehydrate errors from them. Never reword
 * a code once released.
 */
export const PROVIDER_ERROR_CODES = [
  'backend.not-found',
  'backend.configuration',
  'backend.property',
  'job.error',
  'job.invalid-transition',
  'job.invalid-state',
  'job.timeout',
  'job.failed',
  'job.cancelled',
  'option.unknown',
  'option.out-of-range',
  'option.not-allowed',
  'option.wrong-type',
  'option.invalid',
  'result.experiment-not-found',
  'result.experiment-failed',
  'result.no-data',
  'result.no-unique-maximum',
  'result.invalid-indices',
  'result.invalid-key',
] as const

/** A stable error code of the provider area. */
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number]

/** Thrown by `Provider.getBackend` when no backend, or more than one, matches (code `backend.not-found`). */
export class BackendNotFoundError extends QfabricError {
  /**
   * @param message - which criteria matched nothing (or too much)
   * @param options - the ES2022 `cause`
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super('backend.not-found', message, options)
    this.name = 'BackendNotFoundError'
  }
}

/**
 * The root of job errors (Qiskit's `JobError`). Thrown as such for misuse of a job's lifecycle
 * (`job.invalid-state`, `job.invalid-transition`); the subclasses say why a wait ended badly.
 */
export class JobError extends QfabricError {
  /**
   * @param code - a `job.*` code
   * @param message - what went wrong
   * @param options - the ES2022 `cause`
   */
  constructor(code: ProviderErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'JobError'
  }
}

/**
 * Thrown when `result({ timeoutMs })` or `waitForFinalState({ timeoutMs })` runs out of time
 * (code `job.timeout`). The job itself is untouched: it keeps running.
 */
export class JobTimeoutError extends JobError {
  /** The id of the job that was waited for. */
  readonly jobId: string
  /** How long the wait lasted, in milliseconds. */
  readonly timeoutMs: number

  /**
   * @param jobId - the job waited for
   * @param timeoutMs - the budget that ran out
   * @param options - the ES2022 `cause`
   */
  constructor(jobId: string, timeoutMs: number, options?: { cause?: unknown }) {
    super('job.timeout', `Timeout while waiting for job ${jobId} (${timeoutMs} ms).`, options)
    this.name = 'JobTimeoutError'
    this.jobId = jobId
    this.timeoutMs = timeoutMs
  }
}

/**
 * Thrown by `job.result()` when the job ended in `ERROR` (code `job.failed`). Carries the
 * backend's own error code and message where it gave them.
 */
export class JobFailedError extends JobError {
  /** The id of the failed job. */
  readonly jobId: string
  /** The backend's (or remote service's) error code, when known. */
  readonly remoteCode: string | undefined
  /** The backend's error message, as `job.errorMessage()` reports it. */
  readonly errorMessage: string

  /**
   * @param jobId - the failed job
   * @param errorMessage - the backend's message
   * @param options - the remote code and the ES2022 `cause`
   */
  constructor(
    jobId: string,
    errorMessage: string,
    options?: { remoteCode?: string | undefined; cause?: unknown },
  ) {
    super('job.failed', `Job ${jobId} failed: ${errorMessage}`, options)
    this.name = 'JobFailedError'
    this.jobId = jobId
    this.errorMessage = errorMessage
    this.remoteCode = options?.remoteCode
  }
}

/** Thrown by `job.result()` when the job was cancelled (code `job.cancelled`). */
export class JobCancelledError extends JobError {
  /** The id of the cancelled job. */
  readonly jobId: string

  /**
   * @param jobId - the cancelled job
   * @param options - the ES2022 `cause`
   */
  constructor(jobId: string, options?: { cause?: unknown }) {
    super('job.cancelled', `Job ${jobId} was cancelled; it has no result.`, options)
    this.name = 'JobCancelledError'
    this.jobId = jobId
  }
}

/**
 * Thrown when an option value fails its validator, or an unknown option is rejected. The code
 * says which rule: `option.unknown`, `option.out-of-range`, `option.not-allowed`,
 * `option.wrong-type` or `option.invalid` (a custom validator).
 */
export class OptionValidationError extends QfabricError {
  /** The option's name. */
  readonly option: string
  /** The value that was refused. */
  readonly value: unknown

  /**
   * @param code - an `option.*` code
   * @param message - which rule the value broke
   * @param details - the option and the refused value, and the ES2022 `cause`
   */
  constructor(
    code: ProviderErrorCode,
    message: string,
    details: { option: string; value: unknown; cause?: unknown },
  ) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause })
    this.name = 'OptionValidationError'
    this.option = details.option
    this.value = details.value
  }
}

/**
 * Thrown when a `Result` does not hold what was asked of it: an unknown experiment name, a
 * failed experiment, missing counts/memory/statevector, or invalid marginal indices
 * (codes `result.*`; Qiskit raises a bare `QiskitError` for these).
 */
export class ResultError extends QfabricError {
  /**
   * @param code - a `result.*` code
   * @param message - what was missing
   * @param options - the ES2022 `cause`
   */
  constructor(code: ProviderErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'ResultError'
  }
}
