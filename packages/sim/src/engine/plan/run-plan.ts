/**
 * Runs a plan on the calling thread, in chunks: between chunks it checks the abort signal and,
 * every few tens of milliseconds, yields to the event loop so that an abort can arrive at all.
 */
import type { OpKernel } from '../kernels/op-kernel.js'
import { createPassKernel, type PassSpec } from './pass-spec.js'

/** Groups per chunk: about a millisecond of work, so cancellation is prompt. */
const CHUNK_GROUPS = 1 << 16
/** Yield to the event loop at least this often (ms) while running. */
const YIELD_INTERVAL_MS = 25

/** Options of {@link runPlan}. */
export interface RunPlanOptions {
  readonly signal?: AbortSignal | undefined
}

/**
 * Applies `plan` to `state` in place.
 *
 * @param state - interleaved amplitudes of `numQubits` qubits
 * @param plan - the passes
 * @param options - qubit count and abort signal
 * @returns when done
 * @throws the signal's reason when aborted (between chunks)
 */
export async function runPlan(
  state: Float64Array,
  plan: readonly PassSpec[],
  options: RunPlanOptions & { readonly numQubits: number },
): Promise<void> {
  const kernels = plan.map((p) => createPassKernel(p, options.numQubits))
  await runKernels(state, kernels, options)
}

/**
 * Applies kernels to `state` in place, in chunks.
 *
 * @param state - interleaved amplitudes
 * @param kernels - the kernels, in order
 * @param options - abort signal
 * @returns when done
 * @throws the signal's reason when aborted
 */
export async function runKernels(
  state: Float64Array,
  kernels: readonly OpKernel[],
  options: RunPlanOptions = {},
): Promise<void> {
  const { signal } = options
  let last = performance.now()
  for (const kernel of kernels) {
    for (let lo = 0; lo < kernel.groups; lo += CHUNK_GROUPS) {
      signal?.throwIfAborted()
      kernel.run(state, lo, Math.min(kernel.groups, lo + CHUNK_GROUPS))
      if (signal !== undefined && performance.now() - last > YIELD_INTERVAL_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        last = performance.now()
      }
    }
  }
  signal?.throwIfAborted()
}

/**
 * Applies kernels synchronously (no cancellation points) — for small states and workers.
 *
 * @param state - interleaved amplitudes
 * @param kernels - the kernels, in order
 */
export function runKernelsSync(state: Float64Array, kernels: readonly OpKernel[]): void {
  for (const kernel of kernels) kernel.run(state, 0, kernel.groups)
}
