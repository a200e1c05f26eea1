import { createJobId } from '@qfabric/core/providers'
import type { IncomingMessage } from 'node:http'

/**
 * What an incoming `X-Request-Id` may look like to be adopted: 1–128 characters of letters,
 * digits and `. _ : -` (UUIDs, ULIDs, most tracing ids). Anything else is replaced, so a caller
 * cannot inject log lines or huge headers through it.
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * The id of a request: the caller's `X-Request-Id` when it is sane, else a fresh ULID. Every
 * response echoes it and every log line of the request carries it.
 *
 * @param request - the raw request
 * @returns the request id
 */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id']
  if (typeof header === 'string' && REQUEST_ID_PATTERN.test(header)) return header
  return createJobId()
}
