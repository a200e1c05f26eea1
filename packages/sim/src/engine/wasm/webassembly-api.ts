/**
 * The part of the WebAssembly JavaScript API the engine uses. The package's TypeScript
 * configuration (`lib: ES2023`, Node types) does not declare the `WebAssembly` global, so the
 * members used here are declared structurally and read from `globalThis`.
 */

/** A `WebAssembly.Memory` (shared memories expose a `SharedArrayBuffer`). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer
}

/** A compiled `WebAssembly.Module` (opaque; structured-cloneable to workers). */
export interface WasmModule {
  readonly [Symbol.toStringTag]: string
}

/** A `WebAssembly.Instance`. */
export interface WasmInstance {
  readonly exports: Readonly<Record<string, unknown>>
}

interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory
  Module: new (bytes: Uint8Array) => WasmModule
  Instance: new (
    module: WasmModule,
    imports: Record<string, Record<string, unknown>>,
  ) => WasmInstance
  validate(bytes: Uint8Array): boolean
}

/** The runtime's `WebAssembly` namespace (undefined where there is none). */
export const webAssembly: WasmApi | undefined = (globalThis as unknown as { WebAssembly?: WasmApi })
  .WebAssembly

/**
 * The `WebAssembly` namespace, for callers that checked support first.
 *
 * @returns the namespace
 * @throws TypeError when the runtime has none
 */
export function webAssemblyApi(): WasmApi {
  if (webAssembly === undefined) throw new TypeError('this runtime has no WebAssembly')
  return webAssembly
}
