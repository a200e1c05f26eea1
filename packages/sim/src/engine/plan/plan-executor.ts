/**
 * Where plans run: on the calling thread, or split across worker threads over shared memory.
 * The shot logic talks to this interface only.
 */
import type { PassSpec } from './pass-spec.js'
import { createWasmState, hasWasmSimd, WASM_MAX_QUBITS } from '../wasm/wasm-state.js'
import { runPlan } from './run-plan.js'

/** Runs plans on states it allocates. */
export interface PlanExecutor {
  /** How many threads apply a plan. */
  readonly threads: number
  /** A zeroed state of `2^numQubits` amplitudes (shared memory when threads need it). */
  allocate(numQubits: number): Float64Array
  /** Applies `plan` to `state` in place; rejects with the signal's reason when aborted. */
  apply(state: Float64Array, plan: readonly PassSpec[], options: ApplyOptions): Promise<void>
}

/** Options of {@link PlanExecutor.apply}. */
export interface ApplyOptions {
  readonly numQubits: number
  readonly signal?: AbortSignal | undefined
}

/**
 * A zeroed state: in WebAssembly memory when the SIMD kernels can run on it, else a plain (or,
 * for threads, shared) array.
 *
 * @param numQubits - the state's width
 * @param shared - whether other threads must see it
 * @returns the amplitudes, interleaved
 */
export function allocateState(numQubits: number, shared: boolean): Float64Array {
  if (numQubits <= WASM_MAX_QUBITS && hasWasmSimd()) return createWasmState(numQubits)
  const bytes = 2 ** (numQubits + 4)
  return new Float64Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes))
}

/**
 * The executor running plans on the calling thread, with cancellation between chunks.
 *
 * @returns the executor
 */
export function createLocalExecutor(): PlanExecutor {
  return {
    threads: 1,
    allocate: (numQubits) => allocateState(numQubits, false),
    apply: (state, plan, options) => runPlan(state, plan, options),
  }
}
