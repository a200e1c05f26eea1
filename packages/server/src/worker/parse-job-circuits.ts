import type { QuantumCircuit } from '@qfabric/core/circuit'
import { parseQasm } from '@qfabric/core/qasm'
import { WorkerError } from './worker-error.js'

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Parses a job's stored input (the `input` of `POST /v1/jobs`: `{ circuits: [{ qasm, name? }] }`
 * as JSON text) into circuits, each named after its `name` when it has one.
 *
 * @param input - the stored input text
 * @returns the circuits, in order
 * @throws WorkerError `worker.input-invalid` when the text is not such an object or a circuit
 *   does not parse (its `cause` is the `QasmParseError`)
 * @example
 * ```ts
 * const circuits = parseJobCircuits((await store.getJobInput(job.id))!.input)
 * ```
 */
export function parseJobCircuits(input: string): QuantumCircuit[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(input)
  } catch (cause) {
    throw new WorkerError('worker.input-invalid', 'the job input is not JSON', { cause })
  }
  const circuits = isRecord(parsed) ? parsed['circuits'] : undefined
  if (!Array.isArray(circuits) || circuits.length === 0) {
    throw new WorkerError('worker.input-invalid', 'the job input has no circuits')
  }
  return circuits.map((circuit: unknown, i) => {
    const qasm = isRecord(circuit) ? circuit['qasm'] : undefined
    if (typeof qasm !== 'string') {
      throw new WorkerError('worker.input-invalid', `circuit ${i} has no OpenQASM text`)
    }
    // The experiment's name, when the submission gave one, names the result's experiment too.
    const name = isRecord(circuit) ? circuit['name'] : undefined
    try {
      const parsed = parseQasm(qasm)
      return typeof name === 'string' && name !== '' ? parsed.copy(name) : parsed
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause)
      throw new WorkerError('worker.input-invalid', `circuit ${i}: ${message}`, { cause })
    }
  })
}
