/**
 * Base64url without padding (RFC 4648 §5), written out by hand: `btoa`/`atob` work on binary
 * strings only and Node's `Buffer` does not exist in browsers.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

const DECODE_TABLE: readonly number[] = (() => {
  const table = new Array<number>(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i
  return table
})()

/**
 * Encodes bytes as base64url without padding.
 *
 * @param bytes - any bytes
 * @returns the text, using `A–Z a–z 0–9 - _` only
 * @example
 * ```ts
 * encodeBase64Url(new Uint8Array([0xfb, 0xff])) // '-_8'
 * ```
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!
    out += ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]!
    out += ALPHABET[n >>> 2]! + ALPHABET[(n & 3) << 4]!
  } else if (rest === 2) {
    const n = (bytes[i]! << 8) | bytes[i + 1]!
    out += ALPHABET[n >>> 10]! + ALPHABET[(n >>> 4) & 63]! + ALPHABET[(n & 15) << 2]!
  }
  return out
}

/**
 * Decodes unpadded base64url strictly: only the canonical encoding of some byte string is
 * accepted (no padding, no whitespace, no `+`/`/`, unused trailing bits zero), so every byte
 * string has exactly one text form.
 *
 * @param text - base64url text
 * @returns the bytes
 * @throws TypeError when `text` is not canonical unpadded base64url
 */
export function decodeBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new TypeError('base64url text has an impossible length')
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let buffer = 0
  let bits = 0
  let o = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const value = code < 128 ? DECODE_TABLE[code]! : -1
    if (value < 0) throw new TypeError(`invalid base64url character at ${i}`)
    buffer = ((buffer << 6) | value) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (buffer >>> bits) & 0xff
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) {
    throw new TypeError('base64url text has non-zero trailing bits (not canonical)')
  }
  return out
}
