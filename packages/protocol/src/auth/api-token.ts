/**
 * API tokens (§8.1): `qjs_<id>_<secret>`. The fixed prefix makes leaked tokens greppable (secret
 * scanners match it); the id lets the server find the stored hash without scanning; the secret
 * carries 200 random bits. Hashing and comparing are the server's job — nothing here stores or
 * compares secrets.
 */

/** What every API token starts with. */
export const API_TOKEN_PREFIX = 'qjs_'

/** How many leading characters of a token are shown (the token's `prefix` field). */
export const API_TOKEN_DISPLAY_LENGTH = 8

/** Lowercase Crockford base 32: no `i l o u`, so tokens survive being read aloud or retyped. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const ID_LENGTH = 16
const SECRET_LENGTH = 40

/** The syntax of a token: prefix, 16-character id, 40-character secret. */
export const API_TOKEN_PATTERN = '^qjs_([0-9a-hjkmnp-tv-z]{16})_([0-9a-hjkmnp-tv-z]{40})$'

const TOKEN_RE = new RegExp(API_TOKEN_PATTERN)

/** A source of random bytes (default `crypto.getRandomValues`). */
export type RandomBytes = (length: number) => Uint8Array

interface CryptoGlobals {
  readonly crypto: { getRandomValues(array: Uint8Array): Uint8Array }
}

const defaultRandomBytes: RandomBytes = (length) =>
  (globalThis as unknown as CryptoGlobals).crypto.getRandomValues(new Uint8Array(length))

/** The parts of an API token. */
export interface ApiTokenParts {
  /** The token id (stored in clear, the token's `id`). */
  readonly id: string
  /** The secret part (stored only as part of the hashed token). */
  readonly secret: string
}

/** A newly made token. */
export interface CreatedApiToken extends ApiTokenParts {
  /** The whole token, shown to its owner once. */
  readonly token: string
  /** Its first {@link API_TOKEN_DISPLAY_LENGTH} characters, shown in listings. */
  readonly prefix: string
}

function randomText(length: number, randomBytes: RandomBytes): string {
  const bytes = randomBytes(length)
  if (bytes.length < length) throw new RangeError('randomBytes returned too few bytes')
  let out = ''
  // 256 is a multiple of 32, so `byte % 32` is unbiased.
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i]! % 32]!
  return out
}

/**
 * Makes a new API token.
 *
 * @param options - `randomBytes`: the random source (default `crypto.getRandomValues`; pass a
 *   seeded one in tests)
 * @returns the token, its id, secret and shown prefix
 * @example
 * ```ts
 * const { token, id, prefix } = createApiToken()
 * // token: 'qjs_7k2m…_…' (61 characters); store hash(token) under id; show token once
 * ```
 */
export function createApiToken(options: { randomBytes?: RandomBytes } = {}): CreatedApiToken {
  const randomBytes = options.randomBytes ?? defaultRandomBytes
  const id = randomText(ID_LENGTH, randomBytes)
  const secret = randomText(SECRET_LENGTH, randomBytes)
  const token = formatApiToken({ id, secret })
  return { token, id, secret, prefix: apiTokenDisplayPrefix(token) }
}

/**
 * Joins an id and a secret into a token.
 *
 * @param parts - id and secret
 * @returns `qjs_<id>_<secret>`
 * @throws TypeError when the result would not be a well-formed token
 */
export function formatApiToken(parts: ApiTokenParts): string {
  const token = `${API_TOKEN_PREFIX}${parts.id}_${parts.secret}`
  if (!TOKEN_RE.test(token)) throw new TypeError('malformed API token parts')
  return token
}

/**
 * Splits a token. Syntax only: whether it exists, has expired or was revoked is for the server.
 *
 * @param text - a candidate token (e.g. from `Authorization: Bearer …`)
 * @returns its id and secret, or `undefined` when it is not a well-formed token
 */
export function parseApiToken(text: string): ApiTokenParts | undefined {
  const match = TOKEN_RE.exec(text)
  if (match === null) return undefined
  return { id: match[1]!, secret: match[2]! }
}

/**
 * Whether a value is a well-formed API token.
 *
 * @param value - anything
 * @returns true for `qjs_<16 chars>_<40 chars>`
 */
export function isApiToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_RE.test(value)
}

/**
 * The part of a token that may be shown: its first {@link API_TOKEN_DISPLAY_LENGTH} characters.
 *
 * @param token - a token
 * @returns e.g. `qjs_7k2m`
 */
export function apiTokenDisplayPrefix(token: string): string {
  return token.slice(0, API_TOKEN_DISPLAY_LENGTH)
}

/**
 * A token made safe for logs and `toString()`: the shown prefix and an ellipsis. Anything that
 * is not a well-formed token is redacted whole (it may be a secret of another shape).
 *
 * @param token - a token (or any secret string)
 * @returns e.g. `qjs_7k2m…`, or `[redacted]`
 */
export function redactApiToken(token: string): string {
  return isApiToken(token) ? `${apiTokenDisplayPrefix(token)}…` : '[redacted]'
}
