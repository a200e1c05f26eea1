import { utf8Encode } from './utf8.js'

const OFFSET_BASIS = 0xcbf29ce484222325n
const PRIME = 0x100000001b3n
const MASK = 0xffffffffffffffffn

/**
 * The 64-bit FNV-1a hash of a string's UTF-8 bytes, as 16 lowercase hex digits. Not
 * cryptographic: it fingerprints listing filters inside cursors (a mismatch is a client bug, not
 * an attack; the server authorises every page anyway).
 *
 * @param text - any string
 * @returns 16 hex digits
 * @example
 * ```ts
 * fnv1a64Hex('a') // 'af63dc4c8601ec8c'
 * ```
 */
export function fnv1a64Hex(text: string): string {
  let hash = OFFSET_BASIS
  for (const byte of utf8Encode(text)) {
    hash ^= BigInt(byte)
    hash = (hash * PRIME) & MASK
  }
  return hash.toString(16).padStart(16, '0')
}
