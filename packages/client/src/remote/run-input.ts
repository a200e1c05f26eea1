import { QuantumCircuit } from '@qfabric/core/circuit'
import { toQasm3 } from '@qfabric/core/qasm'
import type { CircuitInput } from '@qfabric/protocol'
import { ClientError } from '../errors/client-errors.js'

/**
 * What `RemoteBackend.run()` takes: circuits, OpenQASM programs (3, or 2 by their header), or a
 * mix, one or several (one result per entry, in order).
 */
export type RemoteRunInput = QuantumCircuit | string | readonly (QuantumCircuit | string)[]

/** One circuit ready for the wire, with what the client checks before sending it. */
export interface WireCircuit {
  /** The body entry: OpenQASM text and the circuit's name. */
  readonly input: CircuitInput
  /** The circuit's width when known (QASM text is checked by the server). */
  readonly numQubits: number | undefined
}

/**
 * Serialises run input for `POST /v1/jobs`: circuits become OpenQASM 3 (core's `toQasm3`) and
 * keep their name; QASM text is sent as it is.
 *
 * @param circuits - one entry or several
 * @returns the wire circuits, in order
 * @throws RangeError for an empty batch
 * @throws ClientError `client.invalid-input` for an entry that is neither a circuit nor a
 *   non-empty string; QasmExportError when a circuit cannot be written as OpenQASM 3
 */
export function toWireCircuits(circuits: RemoteRunInput): WireCircuit[] {
  const list: readonly unknown[] =
    typeof circuits === 'string' || circuits instanceof QuantumCircuit ? [circuits] : circuits
  if (list.length === 0) throw new RangeError('run needs at least one circuit')
  return list.map((entry, i) => {
    if (entry instanceof QuantumCircuit) {
      return {
        input: { qasm: toQasm3(entry), name: entry.name },
        numQubits: entry.numQubits,
      }
    }
    if (typeof entry === 'string' && entry.trim() !== '') {
      return { input: { qasm: entry }, numQubits: undefined }
    }
    throw new ClientError(
      'client.invalid-input',
      `run input ${i} is neither a QuantumCircuit nor OpenQASM text`,
    )
  })
}
