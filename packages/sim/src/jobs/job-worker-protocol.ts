/**
 * The messages between a job and the worker thread running it (one task at a time per worker).
 */
import type {
  ExecutionRequest,
  ExperimentOutcome,
} from '../backends/execution/execution-request.js'

/** Main thread → worker. */
export interface RunTaskMessage {
  readonly type: 'run'
  readonly taskId: number
  readonly request: ExecutionRequest
}

/** An error, as it crosses the thread boundary. */
export interface SerializedError {
  readonly name: string
  readonly message: string
  /** The qfabric error code, when it has one. */
  readonly code?: string | undefined
}

/** Worker → main thread. */
export type JobWorkerMessage =
  | {
      readonly type: 'progress'
      readonly taskId: number
      readonly done: number
      readonly total: number
    }
  | { readonly type: 'warning'; readonly taskId: number; readonly message: string }
  | {
      readonly type: 'done'
      readonly taskId: number
      readonly outcomes: readonly ExperimentOutcome[]
    }
  | { readonly type: 'error'; readonly taskId: number; readonly error: SerializedError }

/**
 * An error as plain data.
 *
 * @param error - anything thrown
 * @returns its name, message and code
 */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return {
      name: error.name,
      message: error.message,
      ...(typeof code === 'string' ? { code } : {}),
    }
  }
  return { name: 'Error', message: String(error) }
}
