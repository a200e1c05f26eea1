import {
  OptionValidationError,
  RUN_CONTROL_KEYS,
  type AbortSignalLike,
  type RunOptions,
} from '@qfabric/core/providers'
import type { JobSubmission, JobVisibility, Metadata } from '@qfabric/protocol'

/**
 * Options of `RemoteBackend.run()`: the backend's run options (`shots`, `seed`, `memory`, and
 * any other option the service's backend knows, passed through) plus how to file the job.
 */
export interface RemoteRunOptions extends RunOptions {
  /** A name for the job (core's `jobName` works too). */
  readonly name?: string | undefined
  /** Tags for the job (core's `jobTags` works too). */
  readonly tags?: readonly string[] | undefined
  /** Free-form JSON metadata kept with the job. */
  readonly metadata?: Metadata | undefined
  /** Who may read the job: `private` (default), or every member of its `project`/`group`/`hub`. */
  readonly visibility?: JobVisibility | undefined
  /** A cap on the job's run time, in seconds (default and maximum: the backend's). */
  readonly maxExecutionSeconds?: number | undefined
  /** Cancel the job (reason `expired`) if it is still queued after this many seconds. */
  readonly queueTtlSeconds?: number | undefined
  /**
   * The submission's idempotency key (default: a fresh one per `run()` call, reused across that
   * call's retries). Give your own to make a resubmission after a crash a replay.
   */
  readonly idempotencyKey?: string | undefined
  /** Stops the submission; a job the server accepted keeps running. */
  readonly signal?: AbortSignalLike | undefined
}

/** How this library names itself in submissions (`client` of the job record). */
export const CLIENT_INFO = Object.freeze({ name: '@qfabric/client', version: '0.1.0' })

/** The keys of {@link RemoteRunOptions} that file the job rather than configure the run. */
export const REMOTE_RUN_CONTROL_KEYS: ReadonlySet<string> = new Set([
  ...RUN_CONTROL_KEYS,
  'name',
  'tags',
  'metadata',
  'visibility',
  'maxExecutionSeconds',
  'queueTtlSeconds',
  'idempotencyKey',
])

/**
 * The backend-option part of run options (everything that is not a control key).
 *
 * @param options - the run options
 * @returns the option overrides
 */
export function optionOverrides(options: RemoteRunOptions): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(options).filter(
      ([key, value]) => !REMOTE_RUN_CONTROL_KEYS.has(key) && value !== undefined,
    ),
  )
}

/**
 * The filing fields of a submission body from run options.
 *
 * @param options - the run options
 * @returns `name`, `tags`, `metadata`, `visibility`, `max_execution_seconds`,
 *   `queue_ttl_seconds` where given
 */
export function filingFields(
  options: RemoteRunOptions,
): Pick<
  JobSubmission,
  'name' | 'tags' | 'metadata' | 'visibility' | 'max_execution_seconds' | 'queue_ttl_seconds'
> {
  const name = options.name ?? options.jobName
  const tags = options.tags ?? options.jobTags
  return {
    ...(name === undefined ? {} : { name }),
    ...(tags === undefined ? {} : { tags: [...tags] }),
    ...(options.metadata === undefined ? {} : { metadata: options.metadata }),
    ...(options.visibility === undefined ? {} : { visibility: options.visibility }),
    ...(options.maxExecutionSeconds === undefined
      ? {}
      : { max_execution_seconds: options.maxExecutionSeconds }),
    ...(options.queueTtlSeconds === undefined
      ? {}
      : { queue_ttl_seconds: options.queueTtlSeconds }),
  }
}

/**
 * The options the service's backend validates itself (`options` of the body): every run option
 * this client does not know, which must be a JSON scalar.
 *
 * @param values - the merged option values
 * @param unknown - the names the client does not know
 * @returns the `options` record, or `undefined` when empty
 * @throws OptionValidationError `option.wrong-type` for a value that is not a string, number,
 *   boolean or null
 */
export function passThroughOptions(
  values: Readonly<Record<string, unknown>>,
  unknown: readonly string[],
): Record<string, string | number | boolean | null> | undefined {
  if (unknown.length === 0) return undefined
  const out: Record<string, string | number | boolean | null> = {}
  for (const key of unknown) {
    const value = values[key]
    if (
      value !== null &&
      typeof value !== 'string' &&
      typeof value !== 'number' &&
      typeof value !== 'boolean'
    ) {
      throw new OptionValidationError(
        'option.wrong-type',
        `option '${key}' must be a string, number, boolean or null to be sent to the service`,
        { option: key, value },
      )
    }
    out[key] = value
  }
  return out
}
