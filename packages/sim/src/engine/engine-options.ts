/**
 * Options shared by the engine's entry points.
 */
import type { FusionMode } from './plan/build-plan.js'
import type { ThreadsOption } from './resolve-executor.js'
import type { StructureMode } from './structured/run-structured-prefix.js'

/** Options of every engine run. */
export interface EngineOptions {
  /** Makes the run reproducible; a fresh seed is drawn (and reported) when absent. */
  readonly seed?: number | undefined
  /** Gate fusion strategy (default `'auto'`). */
  readonly fusion?: FusionMode | undefined
  /** Width of fused blocks holding dense matrices. */
  readonly maxBlockQubits?: number | undefined
  /**
   * Whether statevector runs start on the structured front end (default `'auto'`), which keeps
   * product and sparse states factored until they lose that structure.
   */
  readonly structure?: StructureMode | undefined
  /** Worker threads (default `'auto'`: all cores from 20 qubits). */
  readonly threads?: ThreadsOption | undefined
  /** Stops the run between chunks; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined
  /** Memory for per-shot state copies (default 1 GiB). */
  readonly memoryBudgetBytes?: number | undefined
  /** Iterations one while loop may run per shot (default 100 000). */
  readonly maxLoopIterations?: number | undefined
}
