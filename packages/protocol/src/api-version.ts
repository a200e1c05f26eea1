import { ProtocolError } from './errors/protocol-error.js'

/** The date of this contract: the `Api-Version` a client sends and the server echoes. */
export const API_VERSION = '2026-09-01'

/** Every contract date this package implements, newest first. */
export const SUPPORTED_API_VERSIONS: readonly string[] = Object.freeze([API_VERSION])

/**
 * Picks the contract version for a request: the one named in its `Api-Version` header, or the
 * newest when the header is absent (the header is optional).
 *
 * @param requested - the header value, if any
 * @param supported - the versions the server implements (default {@link SUPPORTED_API_VERSIONS})
 * @returns the version to use and echo
 * @throws {@link ProtocolError} `protocol.unsupported-api-version` for a malformed or unknown date
 */
export function negotiateApiVersion(
  requested: string | null | undefined,
  supported: readonly string[] = SUPPORTED_API_VERSIONS,
): string {
  const newest = supported[0]
  if (newest === undefined) throw new RangeError('no supported API versions')
  if (requested === undefined || requested === null || requested.trim() === '') return newest
  const version = requested.trim()
  if (!supported.includes(version)) {
    throw new ProtocolError(
      'protocol.unsupported-api-version',
      `Api-Version ${JSON.stringify(version)} is not supported; use one of ${supported.join(', ')}.`,
    )
  }
  return version
}
