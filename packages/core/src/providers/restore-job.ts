import { supportsJobRetrieval } from './backend-capabilities.js'
import type { AbortableOptions, Job, JobHandle } from './job.js'
import type { Provider } from './provider.js'
import { JobError } from './provider-errors.js'

/**
 * Reads a job handle (the output of `job.toJSON()`, possibly parsed from a file).
 *
 * @param value - parsed JSON
 * @returns the handle
 * @throws TypeError when the value is not a job handle
 */
export function parseJobHandle(value: unknown): JobHandle {
  const v = value as Partial<Record<keyof JobHandle, unknown>> | null
  if (typeof v !== 'object' || v?.format !== 'qfabric.job' || v.version !== 1) {
    throw new TypeError("a job handle has format 'qfabric.job' and version 1")
  }
  if (typeof v.id !== 'string' || typeof v.backendName !== 'string') {
    throw new TypeError('a job handle needs string id and backendName')
  }
  const tags = v.tags ?? []
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
    throw new TypeError('job handle tags must be strings')
  }
  return Object.freeze({
    format: 'qfabric.job',
    version: 1,
    id: v.id,
    backendName: v.backendName,
    ...(typeof v.creationDate === 'string' ? { creationDate: v.creationDate } : {}),
    ...(typeof v.name === 'string' ? { name: v.name } : {}),
    tags: Object.freeze([...tags]),
  })
}

/**
 * Finds a job again from its handle, in this process or another (Qiskit/qiskit-ibm-runtime-c#28):
 * looks the backend up by name and asks it for the job by id. Never downloads the result.
 *
 * @param provider - the provider that owns the backend
 * @param handle - a `JobHandle` or its parsed JSON
 * @param options - a signal
 * @returns the job
 * @throws BackendNotFoundError when the provider has no such backend
 * @throws JobError `job.invalid-state` when the backend cannot retrieve jobs; the backend's own
 *   error when it has no such job
 * @example
 * ```ts
 * const saved = JSON.stringify(job)          // later, elsewhere:
 * const again = await restoreJob(provider, JSON.parse(saved))
 * ```
 */
export async function restoreJob(
  provider: Provider,
  handle: unknown,
  options: AbortableOptions = {},
): Promise<Job> {
  const { id, backendName } = parseJobHandle(handle)
  const backend = await provider.getBackend(backendName, { signal: options.signal })
  if (!supportsJobRetrieval(backend)) {
    throw new JobError('job.invalid-state', `Backend ${backendName} cannot retrieve jobs by id.`)
  }
  return backend.retrieveJob(id, options)
}
