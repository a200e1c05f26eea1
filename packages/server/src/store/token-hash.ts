import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * The hash an API token is stored as (§8.11: secrets are never stored): SHA-256 of its UTF-8
 * bytes, lowercase hex. Tokens carry 128+ random bits, so an unsalted fast hash is enough (as
 * GitHub does); a password hash would only slow down every request.
 *
 * @param token - the whole token as the client sends it (`qjs_<id>_<secret>`)
 * @returns 64 hex characters
 * @example
 * ```ts
 * await store.createToken({ userId, name: 'ci', prefix: token.slice(0, 12), tokenHash: hashToken(token), scopes })
 * ```
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/**
 * Compares two token hashes in constant time (no early exit an attacker could time).
 *
 * @param a - a hex hash
 * @param b - another hex hash
 * @returns true when equal
 */
export function tokenHashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  // timingSafeEqual throws on different lengths; compare against itself to keep the timing flat.
  if (left.length !== right.length) {
    timingSafeEqual(left, left)
    return false
  }
  return timingSafeEqual(left, right)
}

/**
 * Whether a presented token matches a stored hash (constant time).
 *
 * @param token - the token the client sent
 * @param storedHash - the hash from the store
 * @returns true when `hashToken(token)` equals `storedHash`
 */
export function verifyToken(token: string, storedHash: string): boolean {
  return tokenHashesEqual(hashToken(token), storedHash)
}
