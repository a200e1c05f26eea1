/**
 * Statevectors in WebAssembly memory, so that generated SIMD kernels (and, through the same
 * `SharedArrayBuffer`, the JavaScript kernels and every worker thread) work on them in place.
 */
import { kernelModule, MAX_PAGES, OP, SIMD, TYPE, uleb } from './wasm-bytes.js'
import { webAssembly, type WasmMemory } from './webassembly-api.js'

/** The widest state kept in WebAssembly memory (2^27 amplitudes are 2 GiB). */
export const WASM_MAX_QUBITS = 27

const PAGE_BYTES = 65536

/** Memories by the buffer their states view (per thread). */
const memories = new WeakMap<ArrayBufferLike, WasmMemory>()

let simd: boolean | undefined

/**
 * Whether this runtime compiles WebAssembly SIMD with shared memory (checked once).
 *
 * @returns true when the SIMD kernels can be used
 */
export function hasWasmSimd(): boolean {
  simd ??= detectSimd()
  return simd
}

function detectSimd(): boolean {
  try {
    const body = [
      OP.simd,
      ...uleb(SIMD.v128Const),
      ...new Array<number>(16).fill(0),
      OP.localSet,
      2,
    ]
    const bytes = kernelModule({ pages: 1, locals: [[1, TYPE.v128]], body })
    return webAssembly?.validate(bytes) === true && typeof SharedArrayBuffer === 'function'
  } catch {
    return false
  }
}

/**
 * The memory pages a state of `numQubits` qubits needs (at least one).
 *
 * @param numQubits - the state's width
 * @returns the page count
 */
export function statePages(numQubits: number): number {
  return Math.max(1, Math.ceil(2 ** (numQubits + 4) / PAGE_BYTES))
}

/**
 * A zeroed state in a new shared WebAssembly memory.
 *
 * @param numQubits - the state's width (at most {@link WASM_MAX_QUBITS})
 * @returns the amplitudes, interleaved, viewing the memory's `SharedArrayBuffer`
 * @throws RangeError above {@link WASM_MAX_QUBITS}
 */
export function createWasmState(numQubits: number): Float64Array {
  if (numQubits > WASM_MAX_QUBITS)
    throw new RangeError(`${numQubits} qubits exceed the WebAssembly state limit`)
  const pages = statePages(numQubits)
  if (webAssembly === undefined) throw new RangeError('this runtime has no WebAssembly')
  const memory = new webAssembly.Memory({
    initial: pages,
    maximum: Math.min(pages, MAX_PAGES),
    shared: true,
  })
  return viewState(memory, 2 ** (numQubits + 1))
}

/**
 * A state view of a memory received from another thread (remembering the memory).
 *
 * @param memory - the shared memory
 * @param length - the number of doubles
 * @returns the view
 */
export function viewState(memory: WasmMemory, length: number): Float64Array {
  const buffer = memory.buffer
  memories.set(buffer, memory)
  return new Float64Array(buffer, 0, length)
}

/**
 * The WebAssembly memory a state lives in, if any.
 *
 * @param state - a state
 * @returns its memory, or undefined for plain arrays
 */
export function wasmMemoryOf(state: Float64Array): WasmMemory | undefined {
  return state.byteOffset === 0 ? memories.get(state.buffer) : undefined
}
