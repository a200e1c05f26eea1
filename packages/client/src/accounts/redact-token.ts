import { apiTokenDisplayPrefix, parseApiToken } from '@qfabric/protocol'

/** How many trailing characters of a long token a redacted form keeps. */
const SHOWN_TAIL = 4

/** Tokens shorter than this are redacted whole: four characters of a short secret are too many. */
const MIN_LENGTH_WITH_TAIL = 16

/**
 * A token made safe to show in listings, logs, `toString()` and error messages.
 *
 * A well-formed API token (`qjs_<id>_<secret>`) keeps its display prefix, the same `qjs_7k2m`
 * the server lists for its tokens (so a saved account can be matched to a server-side token),
 * and its last four characters. Any other string keeps only its last four characters, and
 * only when it is long enough that they give nothing away.
 *
 * @param token - a token, or any secret string
 * @returns e.g. `qjs_7k2m…wxyz`, `…abcd`, or `[redacted]`
 * @example
 * ```ts
 * redactToken('qjs_0123456789abcdef_' + 'x'.repeat(36) + 'wxyz') // 'qjs_0123…wxyz'
 * ```
 */
export function redactToken(token: string): string {
  if (parseApiToken(token) !== undefined)
    return `${apiTokenDisplayPrefix(token)}…${token.slice(-SHOWN_TAIL)}`
  if (token.length >= MIN_LENGTH_WITH_TAIL) return `…${token.slice(-SHOWN_TAIL)}`
  return '[redacted]'
}

/**
 * A URL made safe to show: a password in it (a proxy's `http://user:secret@host`) becomes
 * `***`. Text that is not a URL is returned as it is.
 *
 * @param url - a URL
 * @returns the URL without its password
 */
export function redactUrlCredentials(url: string): string {
  if (!URL.canParse(url)) return url
  const parsed = new URL(url)
  if (parsed.password === '') return url
  parsed.password = '***'
  return parsed.href
}
