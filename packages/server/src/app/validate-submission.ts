import { createHash } from 'node:crypto'
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { parseQasm, QasmParseError } from '@qfabric/core/qasm'
import type { FieldError, JobRequestSummary, JobSubmission } from '@qfabric/protocol'
import { fieldError } from '../http/field-error.js'
import { ServiceError } from '../http/service-error.js'
import type { ResolvedBackend } from './backend-catalog.js'
import { checkCircuitInTarget } from './check-circuit-in-target.js'

/** What {@link validateSubmission} needs besides the body. */
export interface SubmissionContext {
  /** The backend, with its effective limits. */
  readonly backend: ResolvedBackend
  /** The body's size in bytes (the input size of the record, and the payload limit). */
  readonly bodyBytes: number
  /** The canonical body text the digest is taken of. */
  readonly canonicalBody: string
  /** The instance's cap on `max_execution_seconds` (`null` = only the backend's). */
  readonly instanceMaxExecutionSeconds: number | null
  /** The server's default when neither backend nor instance cap it. */
  readonly defaultMaxExecutionSeconds: number
}

/** A submission that passed every check known at submit time. */
export interface ValidatedSubmission {
  readonly circuits: readonly QuantumCircuit[]
  readonly request: JobRequestSummary
}

const DEFAULT_SHOTS = 1024

function limitError(pointer: string, message: string, limit: number): FieldError {
  return fieldError({ in: 'body', pointer, code: 'max_exceeded', message, limit })
}

function parseCircuits(submission: JobSubmission): QuantumCircuit[] {
  const errors: FieldError[] = []
  const circuits: QuantumCircuit[] = []
  submission.input.circuits.forEach((input, i) => {
    const pointer = `/input/circuits/${i}/qasm`
    try {
      circuits.push(parseQasm(input.qasm))
    } catch (error) {
      if (!(error instanceof QasmParseError)) throw error
      for (const d of error.diagnostics.filter((x) => x.severity === 'error').slice(0, 10)) {
        errors.push(
          fieldError({
            in: 'body',
            pointer,
            code: d.code,
            message: d.message,
            line: d.line,
            column: d.column,
          }),
        )
      }
    }
  })
  if (errors.length > 0) {
    const first = errors[0]!
    throw new ServiceError(
      'qasm_parse_failed',
      `Circuit ${first.pointer?.split('/')[3] ?? '0'} does not parse: line ${first.line ?? 0}, column ${first.column ?? 0}: ${first.message}`,
      { errors },
    )
  }
  return circuits
}

function checkSizes(
  submission: JobSubmission,
  context: SubmissionContext,
  shots: number,
): FieldError[] {
  const { limits } = context.backend
  const errors: FieldError[] = []
  const n = submission.input.circuits.length
  if (limits.max_shots !== null && shots > limits.max_shots) {
    errors.push(limitError('/shots', `at most ${limits.max_shots} shots`, limits.max_shots))
  }
  if (limits.max_circuits !== null && n > limits.max_circuits) {
    errors.push(
      limitError('/input/circuits', `at most ${limits.max_circuits} circuits`, limits.max_circuits),
    )
  }
  if (limits.max_executions !== null && n * shots > limits.max_executions) {
    errors.push(
      limitError(
        '/shots',
        `shots × circuits = ${n * shots} exceeds ${limits.max_executions}`,
        limits.max_executions,
      ),
    )
  }
  return errors
}

function maxExecutionSeconds(submission: JobSubmission, context: SubmissionContext): number {
  const caps = [
    context.backend.limits.max_execution_seconds,
    context.instanceMaxExecutionSeconds,
  ].filter((c): c is number => c !== null)
  const cap = caps.length === 0 ? context.defaultMaxExecutionSeconds : Math.min(...caps)
  const asked = submission.max_execution_seconds ?? cap
  if (asked > cap) {
    throw new ServiceError('validation_failed', `max_execution_seconds is at most ${cap}.`, {
      errors: [limitError('/max_execution_seconds', `at most ${cap}`, cap)],
    })
  }
  return asked
}

function checkWidthAndTarget(circuits: readonly QuantumCircuit[], backend: ResolvedBackend): void {
  const maxQubits = backend.limits.max_qubits
  const wide: FieldError[] = []
  circuits.forEach((c, i) => {
    if (maxQubits !== null && c.numQubits > maxQubits) {
      wide.push(
        limitError(
          `/input/circuits/${i}/qasm`,
          `${c.numQubits} qubits; the backend has ${maxQubits}`,
          maxQubits,
        ),
      )
    }
  })
  if (wide.length > 0) {
    throw new ServiceError(
      'too_many_qubits',
      `A circuit has more qubits than ${backend.entry.name}.`,
      {
        errors: wide,
      },
    )
  }
  if (backend.entry.kind !== 'qpu') return
  const unsupported = circuits.flatMap((c, i) =>
    checkCircuitInTarget(c, backend.backend.target, { pointer: `/input/circuits/${i}/qasm` }),
  )
  const first = unsupported[0]
  if (first !== undefined) {
    throw new ServiceError(
      'unsupported_operation',
      `${backend.entry.name} cannot run '${first.gate ?? '?'}' on qubits [${(first.qubits ?? []).join(', ')}]; transpile the circuits for it.`,
      { errors: unsupported },
    )
  }
}

/**
 * Checks a submission against everything known at submit time (§8.7: nothing may fail after
 * queueing for such a reason): payload size, every circuit parses (422 `qasm_parse_failed` with
 * line and column), shots, circuits and executions within the backend's limits (422
 * `validation_failed`), circuit width (422 `too_many_qubits`), `max_execution_seconds` within the
 * caps, and — for devices — every operation supported on its qubits (422
 * `unsupported_operation` naming gate and qubits).
 *
 * @param submission - the schema-checked body
 * @param context - the backend, body size and caps
 * @returns the parsed circuits and the record's request summary
 * @throws ServiceError as listed above; `payload_too_large` (413) above `max_request_bytes`
 */
export function validateSubmission(
  submission: JobSubmission,
  context: SubmissionContext,
): ValidatedSubmission {
  const maxBytes = context.backend.limits.max_request_bytes
  if (maxBytes !== null && context.bodyBytes > maxBytes) {
    throw new ServiceError(
      'payload_too_large',
      `The request is ${context.bodyBytes} bytes; ${context.backend.entry.name} accepts at most ${maxBytes}.`,
    )
  }
  const shots = submission.shots ?? DEFAULT_SHOTS
  const sizeErrors = checkSizes(submission, context, shots)
  if (sizeErrors.length > 0) {
    throw new ServiceError(
      'validation_failed',
      `The job exceeds the limits of ${context.backend.entry.name}.`,
      {
        errors: sizeErrors,
      },
    )
  }
  const maxSeconds = maxExecutionSeconds(submission, context)
  const circuits = parseCircuits(submission)
  checkWidthAndTarget(circuits, context.backend)
  const n = circuits.length
  return {
    circuits,
    request: {
      shots,
      num_circuits: n,
      executions: n * shots,
      input_bytes: context.bodyBytes,
      input_sha256: createHash('sha256').update(context.canonicalBody, 'utf8').digest('hex'),
      max_execution_seconds: maxSeconds,
      queue_ttl_seconds: submission.queue_ttl_seconds ?? null,
    },
  }
}
