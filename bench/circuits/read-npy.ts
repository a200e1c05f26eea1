/**
 * Reads a `.npy` file holding a 1-D complex128 array (what `np.save` writes for a statevector):
 * magic, version, a small Python-dict header, then little-endian data.
 */

/**
 * The interleaved `[re, im, …]` values of a complex128 `.npy` file.
 *
 * @param bytes - the file's bytes
 * @returns the amplitudes, interleaved
 * @throws TypeError when the file is not a C-ordered 1-D little-endian complex128 array
 */
export function readComplexNpy(bytes: Uint8Array): Float64Array {
  const magic = String.fromCharCode(...bytes.subarray(1, 6))
  if (bytes[0] !== 0x93 || magic !== 'NUMPY') throw new TypeError('not a .npy file')
  const major = bytes[6]!
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true)
  const headerStart = major === 1 ? 10 : 12
  const header = new TextDecoder('latin1').decode(
    bytes.subarray(headerStart, headerStart + headerLength),
  )
  if (!/'descr':\s*'<c16'/.test(header))
    throw new TypeError(`expected little-endian complex128, got ${header}`)
  if (!/'fortran_order':\s*False/.test(header)) throw new TypeError('expected C order')
  const shape = /'shape':\s*\((\d+),?\)/.exec(header)
  if (shape === null) throw new TypeError(`expected a 1-D array, got ${header}`)
  const count = Number(shape[1])
  const start = headerStart + headerLength
  const out = new Float64Array(2 * count)
  for (let k = 0; k < 2 * count; k++) out[k] = view.getFloat64(start + 8 * k, true)
  return out
}
