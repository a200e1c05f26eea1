import type { QuantumCircuit } from '@qfabric/core/circuit'
import { parseQasm, toQasm3 } from '@qfabric/core/qasm'
import { drawText } from '@qfabric/core/visualization'

/** What the demo prints about one circuit. */
export interface CircuitReport {
  readonly circuit: QuantumCircuit
  readonly drawing: string
  readonly qasm3: string
  readonly stats: string
}

/**
 * Parses an OpenQASM program (version from its header) and describes the circuit: its drawing,
 * its OpenQASM 3 export and its statistics.
 *
 * @param source - OpenQASM 2 or 3 text
 * @param fileName - used in diagnostics
 * @returns the report
 * @throws QasmParseError with line and column when the source is not valid OpenQASM
 */
export function circuitReport(source: string, fileName: string): CircuitReport {
  const circuit = parseQasm(source, { fileName })
  const ops = [...circuit.countOps()].map(([name, n]) => `${name}: ${n}`).join(', ')
  const params = circuit.parameters.map((p) => p.name).join(', ')
  const stats = [
    `qubits: ${circuit.numQubits}, clbits: ${circuit.numClbits}`,
    `depth: ${circuit.depth()}, size: ${circuit.size()}`,
    `operations: ${ops}`,
    params === '' ? undefined : `free parameters: ${params}`,
  ]
    .filter((l) => l !== undefined)
    .join('\n')
  return { circuit, drawing: drawText(circuit), qasm3: toQasm3(circuit), stats }
}
