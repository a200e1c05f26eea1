/**
 * A minimal WebAssembly binary writer: just what the block kernels need (one function, an
 * imported memory, i32 index arithmetic, v128 loads/stores and f64x2 arithmetic). WebAssembly is
 * emitted from TypeScript at run time; nothing is precompiled or shipped as binary.
 */

/** Opcodes used by the kernels (single byte). */
export const OP = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32And: 0x71,
  i32Or: 0x72,
  i32Shl: 0x74,
  simd: 0xfd,
} as const

/** SIMD sub-opcodes (after the 0xfd prefix, LEB128-encoded). */
export const SIMD = {
  v128Load: 0x00,
  v128Store: 0x0b,
  v128Const: 0x0c,
  i8x16Shuffle: 0x0d,
  f64x2Neg: 0xed,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
} as const

/** Value types. */
export const TYPE = { i32: 0x7f, v128: 0x7b, void: 0x40 } as const

/** An unsigned LEB128 encoding. */
export function uleb(value: number): number[] {
  const out: number[] = []
  let v = value >>> 0
  do {
    let byte = v & 0x7f
    v >>>= 7
    if (v !== 0) byte |= 0x80
    out.push(byte)
  } while (v !== 0)
  return out
}

/** A signed LEB128 encoding of a 32-bit integer. */
export function sleb(value: number): number[] {
  const out: number[] = []
  let v = value | 0
  for (;;) {
    const byte = v & 0x7f
    v >>= 7
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)
    out.push(done ? byte : byte | 0x80)
    if (done) return out
  }
}

function section(id: number, payload: readonly number[]): number[] {
  return [id, ...uleb(payload.length), ...payload]
}

function name(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)]
  return [...uleb(bytes.length), ...bytes]
}

/** The most pages a 32-bit memory can have (4 GiB). */
export const MAX_PAGES = 65536

/**
 * A module importing the shared memory `env.memory` (at least `pages` pages) and exporting one
 * function `run(lo: i32, hi: i32)` with the given locals and body.
 *
 * @param f - the memory's minimum size, the extra locals (as `[count, type]` runs), the body
 * @returns the module bytes
 */
export function kernelModule(f: {
  readonly pages: number
  readonly locals: readonly (readonly [number, number])[]
  readonly body: readonly number[]
}): Uint8Array {
  const types = section(1, [1, 0x60, 2, TYPE.i32, TYPE.i32, 0])
  const limits = [0x03, ...uleb(f.pages), ...uleb(MAX_PAGES)]
  const imports = section(2, [1, ...name('env'), ...name('memory'), 0x02, ...limits])
  const functions = section(3, [1, 0])
  const exports = section(7, [1, ...name('run'), 0x00, 0])
  const localDecls = [...uleb(f.locals.length), ...f.locals.flatMap(([n, t]) => [...uleb(n), t])]
  const code = [...localDecls, ...f.body, OP.end]
  const codeSection = section(10, [1, ...uleb(code.length), ...code])
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...types,
    ...imports,
    ...functions,
    ...exports,
    ...codeSection,
  ])
}
