/**
 * The submission path every local backend shares: check the circuits, build the request, start
 * a {@link SimulatorJob} on the pool, remember it.
 */
import {
  createJobId,
  type Backend,
  type PreparedRun,
  type TimeoutProvider,
} from '@qfabric/core/providers'
import type { JobRegistry } from '../jobs/job-registry.js'
import type { JobWorkerPool } from '../jobs/job-worker-pool.js'
import { SimulatorJob } from '../jobs/simulator-job.js'
import { buildResult } from './build-result.js'
import { createExecutionRequest, type SubmissionSettings } from './create-execution-request.js'

/** What {@link submitSimulation} needs. */
export interface SubmitSimulationInput {
  /** The backend the job runs on (its name and version go into the result). */
  readonly backend: Backend
  /** The checked run: circuits, merged options, job name and tags. */
  readonly run: PreparedRun<object>
  readonly pool: JobWorkerPool
  readonly settings: SubmissionSettings
  /** Where to remember the job, if anywhere. */
  readonly registry?: JobRegistry | undefined
  readonly timers?: TimeoutProvider | undefined
}

/**
 * Submits a simulation.
 *
 * @param input - backend, run, pool, settings
 * @returns the queued job
 * @throws as `createExecutionRequest` when the submission is refused
 */
export function submitSimulation(input: SubmitSimulationInput): SimulatorJob {
  const { backend, run } = input
  const request = createExecutionRequest(run.circuits, input.settings)
  const id = createJobId()
  const job = new SimulatorJob({
    id,
    backend,
    name: run.jobName,
    tags: run.jobTags,
    options: run.options.values,
    warnings: run.options.warnings,
    timers: input.timers,
    pool: input.pool,
    request,
    toResult: (outcomes) =>
      buildResult({
        backendName: backend.name,
        backendVersion: backend.backendVersion ?? '',
        jobId: id,
        circuits: run.circuits,
        outcomes,
      }),
  })
  input.registry?.add(job)
  return job
}
