import { QfabricError } from '@qfabric/core/providers'

/** Codes of {@link WorkerError}. */
export const WORKER_ERROR_CODES = [
  'worker.input-invalid',
  'worker.backend-unavailable',
  'worker.thread-store',
  'worker.thread-failed',
] as const

/** A code of {@link WorkerError}. */
export type WorkerErrorCode = (typeof WORKER_ERROR_CODES)[number]

/**
 * A claimed job cannot be run: its stored input does not parse (the API validated it, so this
 * means a corrupt or foreign record), or its backend is no longer configured or cannot load;
 * or a worker thread cannot run: its database cannot be shared (`worker.thread-store`, an
 * in-memory SQLite database) or the thread did not start (`worker.thread-failed`).
 */
export class WorkerError extends QfabricError {
  /**
   * @param code - the stable code
   * @param message - what is wrong
   * @param options - the ES2022 `cause`
   */
  constructor(code: WorkerErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options)
    this.name = 'WorkerError'
  }
}
