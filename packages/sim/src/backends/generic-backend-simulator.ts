/**
 * The simulator `@qfabric/core/testing`'s `GenericBackend` runs on: the local engines, with the
 * noise of the backend's drawn calibration.
 */
import type { GenericBackendSimulator } from '@qfabric/core/testing'
import { getDefaultJobWorkerPool, type JobWorkerPool } from '../jobs/job-worker-pool.js'
import { activeQubits } from './active-qubits.js'
import { buildResult } from './build-result.js'
import { createExecutionRequest } from './create-execution-request.js'
import { deviceNoiseForQubits } from './device-noise-for-qubits.js'
import { runOnPool } from './run-on-pool.js'

/** Options of {@link createGenericBackendSimulator}. */
export interface GenericBackendSimulatorOptions {
  /** Simulate the target's noise (default true), as Qiskit's `GenericBackendV2` does with Aer. */
  readonly isNoisy?: boolean | undefined
  /** The pool to run on (default: the process-wide pool). */
  readonly pool?: JobWorkerPool | undefined
}

/**
 * A simulator for `GenericBackend`: runs the circuits in a worker thread (the job's signal
 * cancels it), with a noise model from the backend's target (`NoiseModel.fromBackend`) unless
 * `isNoisy` is false.
 *
 * @param options - noise and pool
 * @returns the simulator to pass to `GenericBackend` (`simulator` or `withSimulator`)
 * @example
 * ```ts
 * const backend = new GenericBackend({ numQubits: 5, seed: 42 }).withSimulator(createGenericBackendSimulator())
 * const counts = (await (await backend.run(transpiled, { shots: 1000 })).result()).getCounts()
 * ```
 */
export function createGenericBackendSimulator(
  options: GenericBackendSimulatorOptions = {},
): GenericBackendSimulator {
  return async (run) => {
    const { backend, circuits } = run
    const used = new Set<number>()
    for (const circuit of circuits) activeQubits(circuit, used)
    const noiseModel = options.isNoisy === false ? null : deviceNoiseForQubits(backend.target, used)
    const request = createExecutionRequest(circuits, {
      kind: 'qasm',
      method: 'automatic',
      shots: run.options.shots,
      seed: run.options.seed,
      memory: run.options.memory,
      noiseModel,
      dt: backend.target.dt,
    })
    const outcomes = await runOnPool(options.pool ?? getDefaultJobWorkerPool(), request, {
      signal: run.signal,
      hooks: {
        onProgress: (done, total) => {
          run.reportProgress(done, total, 'shots')
        },
        onWarning: (message) => {
          run.log('warning', message)
        },
      },
    })
    return buildResult({
      backendName: backend.name,
      backendVersion: backend.backendVersion ?? '',
      jobId: run.jobId,
      circuits,
      outcomes,
    })
  }
}
