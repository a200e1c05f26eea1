/**
 * Messages between the main thread and the statevector worker threads.
 */
import type { PassSpec } from '../plan/pass-spec.js'
import type { WasmMemory } from '../wasm/webassembly-api.js'

/** Main → worker. */
export type ToWorker =
  /** Remember a plan under `id` (compiled once per worker). */
  | {
      readonly type: 'plan'
      readonly id: number
      readonly plan: readonly PassSpec[]
      readonly numQubits: number
    }
  /** Forget plan `id`. */
  | { readonly type: 'drop'; readonly id: number }
  /** Apply plan `planId` to the state in `buffer`, this worker's share being `index` of `count`. */
  | {
      readonly type: 'run'
      readonly runId: number
      readonly planId: number
      readonly buffer: SharedArrayBuffer
      /** The state's WebAssembly memory, when it lives in one. */
      readonly memory: WasmMemory | undefined
      readonly byteOffset: number
      readonly length: number
      readonly control: Int32Array
      readonly index: number
      readonly count: number
    }

/** Worker → main. */
export type FromWorker =
  | { readonly type: 'done'; readonly runId: number }
  | { readonly type: 'cancelled'; readonly runId: number }
  | { readonly type: 'error'; readonly runId: number; readonly message: string }
