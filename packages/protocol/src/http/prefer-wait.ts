import { PROTOCOL_LIMITS } from '../protocol-limits.js'

/**
 * Reads the `wait` preference of a `Prefer` header (RFC 7240): how long the client lets the
 * server hold `GET /v1/jobs/{id}` for a change. Capped at 60 s (the server's limit).
 *
 * @param header - the `Prefer` value (several preferences may be comma-separated)
 * @returns seconds to wait (0–60), or `undefined` when there is no valid `wait`
 * @example
 * ```ts
 * parsePreferWait('respond-async, wait=30') // 30
 * parsePreferWait('wait=600')               // 60
 * ```
 */
export function parsePreferWait(header: string | null | undefined): number | undefined {
  if (header === undefined || header === null) return undefined
  for (const part of header.split(',')) {
    const match = /^\s*wait\s*=\s*"?(\d{1,10})"?\s*(;.*)?$/i.exec(part)
    if (match?.[1] !== undefined) {
      return Math.min(Number(match[1]), PROTOCOL_LIMITS.maxPreferWaitSeconds)
    }
  }
  return undefined
}

/**
 * Formats a `Prefer: wait=<s>` value.
 *
 * @param seconds - how long the server may hold the request (rounded down, capped at 60)
 * @returns e.g. `wait=30`
 * @throws RangeError for negative or non-finite seconds
 */
export function formatPreferWait(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`invalid wait: ${seconds}`)
  return `wait=${Math.min(Math.floor(seconds), PROTOCOL_LIMITS.maxPreferWaitSeconds)}`
}
