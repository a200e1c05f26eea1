/**
 * Serializable descriptions of passes over the state. A plan is a list of them; the main thread
 * and every worker turn the same list into kernels, so plans can be posted to workers as data.
 */
import { type BatchDiagonalSpec, batchDiagonalKernel } from '../kernels/batch-diagonal-kernel.js'
import { batchThenGateKernel } from '../kernels/batch-then-gate-kernel.js'
import { createOpKernel } from '../kernels/create-op-kernel.js'
import type { OpKernel } from '../kernels/op-kernel.js'
import type { UnitaryOp } from '../sim-program.js'
import { wasmMemoryOf } from '../wasm/wasm-state.js'
import { type WasmMemory, type WasmModule, webAssemblyApi } from '../wasm/webassembly-api.js'

/** One pass over the state. */
export type PassSpec =
  /** A single op through its specialised kernel. */
  | { readonly kind: 'op'; readonly op: UnitaryOp }
  /**
   * A generated block kernel over `2^(n−k)` groups: `source` is the body of a factory
   * `function (c, p)` returning `function (st, lo, hi)`, given the block's constants and
   * qubit-position parameters.
   */
  | {
      readonly kind: 'generated'
      readonly qubits: readonly number[]
      readonly source: string
      readonly constants: Float64Array
      readonly positions: Float64Array
      /** The same block as a WebAssembly SIMD kernel, used when the state is in wasm memory. */
      readonly wasm?: WasmModule | undefined
    }
  /** Many diagonal gates in one pass, optionally followed by a one-qubit gate. */
  | {
      readonly kind: 'batch-diagonal'
      readonly spec: BatchDiagonalSpec
      readonly then?: { readonly matrix: Float64Array; readonly qubit: number } | undefined
    }

type KernelRun = OpKernel['run']
type KernelFactory = (constants: Float64Array, positions: Float64Array) => KernelRun

/** Compiled kernel factories by source, per thread: blocks of one shape compile once. */
const compiled = new Map<string, KernelFactory>()

/**
 * The kernel of a pass.
 *
 * @param pass - the pass description
 * @param numQubits - the state's qubit count
 * @returns a kernel whose groups may be run in any split
 */
export function createPassKernel(pass: PassSpec, numQubits: number): OpKernel {
  switch (pass.kind) {
    case 'op':
      return createOpKernel(pass.op, numQubits)
    case 'batch-diagonal':
      return pass.then === undefined
        ? batchDiagonalKernel(pass.spec)
        : batchThenGateKernel(pass.spec, pass.then)
    case 'generated': {
      return { groups: 2 ** (numQubits - pass.qubits.length), run: generatedRun(pass) }
    }
  }
}

/** The run function of a generated block: wasm on wasm memory, JavaScript otherwise. */
function generatedRun(pass: Extract<PassSpec, { kind: 'generated' }>): KernelRun {
  let js: KernelRun | undefined
  const runJs: KernelRun = (st, lo, hi) => {
    js ??= jsFactory(pass.source)(pass.constants, pass.positions)
    js(st, lo, hi)
  }
  const module = pass.wasm
  if (module === undefined) return runJs
  const instances = new WeakMap<WasmMemory, (lo: number, hi: number) => void>()
  return (st, lo, hi) => {
    const memory = wasmMemoryOf(st)
    if (memory === undefined) {
      runJs(st, lo, hi)
      return
    }
    let run = instances.get(memory)
    if (run === undefined) {
      run = new (webAssemblyApi().Instance)(module, { env: { memory } }).exports['run'] as (
        lo: number,
        hi: number,
      ) => void
      instances.set(memory, run)
    }
    run(lo, hi)
  }
}

function jsFactory(source: string): KernelFactory {
  let factory = compiled.get(source)
  if (factory === undefined) {
    // Our own generated code (index arithmetic and arithmetic on parameters only).
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    factory = new Function('c', 'p', source) as KernelFactory
    compiled.set(source, factory)
  }
  return factory
}

/**
 * Forgets compiled generated kernels (they are cached by source for the life of the thread).
 */
export function clearKernelCache(): void {
  compiled.clear()
}
