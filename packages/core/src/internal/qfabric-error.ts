/**
 * The root of every error qfabric throws on purpose. Each carries a stable, machine-readable
 * `code` (`area.detail`, e.g. `qasm.parse`, `job.timeout`) so that callers, the job service and
 * its clients can branch on it without parsing messages.
 */
export class QfabricError extends Error {
  /** A stable code: `area.detail`. Never reworded once released. */
  readonly code: string

  /**
   * @param code - the stable code of this error
   * @param message - what went wrong, and where
   * @param options - the ES2022 `cause`
   */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = 'QfabricError'
  }
}

/**
 * Whether `value` is a qfabric error. Falls back to a structural check so that errors from a
 * second copy of the package (two versions in one `node_modules`) still match.
 */
export function isQfabricError(value: unknown): value is QfabricError {
  if (value instanceof QfabricError) return true
  return (
    value instanceof Error &&
    typeof (value as { code?: unknown }).code === 'string' &&
    value.name.endsWith('Error')
  )
}
