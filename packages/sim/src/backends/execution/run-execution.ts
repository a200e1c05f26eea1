/**
 * Runs a job's request: its circuits one after the other, reporting shots done. The same function
 * runs in a job worker thread and, for in-process execution, on the calling thread.
 */
import { circuitFromJson } from '@qfabric/core/circuit'
import { NoiseModel } from '../../noise/noise-model.js'
import type { ExecutionHooks, ExecutionRequest, ExperimentOutcome } from './execution-request.js'
import { runExperiment } from './run-experiment.js'

/**
 * Runs every circuit of a request.
 *
 * @param request - circuits (as circuit JSON) and resolved options
 * @param hooks - abort signal, progress and warning callbacks
 * @returns one outcome per circuit, in order
 * @throws the first error of any experiment (the job fails as a whole); the signal's reason when
 *   aborted
 * @example
 * ```ts
 * const outcomes = await runExecution(
 *   { circuits: [circuitToJson(bell)], options: { kind: 'qasm', method: 'automatic', shots: 100, seed: 1, … } },
 *   { onProgress: (done, total) => console.log(`${done}/${total}`) },
 * )
 * ```
 */
export async function runExecution(
  request: ExecutionRequest,
  hooks: ExecutionHooks = {},
): Promise<ExperimentOutcome[]> {
  const { options } = request
  const noise = options.noiseModel === null ? null : NoiseModel.fromJSON(options.noiseModel)
  const shotsEach = options.kind === 'unitary' ? 1 : options.shots
  const total = shotsEach * request.circuits.length
  const outcomes: ExperimentOutcome[] = []
  for (const [i, json] of request.circuits.entries()) {
    hooks.signal?.throwIfAborted()
    const before = i * shotsEach
    const outcome = await runExperiment(circuitFromJson(json), {
      options,
      noise,
      seed: (options.seed + i) % Number.MAX_SAFE_INTEGER,
      signal: hooks.signal,
      onShots: (done) => hooks.onProgress?.(before + Math.min(done, shotsEach), total),
      onWarning: hooks.onWarning,
    })
    outcomes.push(outcome)
  }
  return outcomes
}
