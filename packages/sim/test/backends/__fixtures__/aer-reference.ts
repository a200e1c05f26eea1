/**
 * The simulator known-answer cases of shared/data/qiskit-aer-reference (derived from Qiskit
 * Aer's hand-written reference module), as circuits.
 */
import { readFileSync } from 'node:fs'
import {
  ClassicalRegister,
  QuantumCircuit,
  QuantumRegister,
  standardGate,
  type StandardGateName,
} from '@qfabric/core/circuit'

const FILE = `${process.env['QFABRIC_SHARED']}/data/qiskit-aer-reference/simulator_cases.json`

interface CaseJson {
  readonly id: string
  readonly kind: 'statevector' | 'unitary' | 'counts'
  readonly circuit: {
    readonly qregs: readonly (readonly [string, number])[]
    readonly cregs: readonly (readonly [string, number])[]
    readonly ops: readonly {
      readonly name: string
      readonly qubits: readonly number[]
      readonly clbits: readonly number[]
      readonly params: readonly number[]
      readonly unit?: string
    }[]
  }
  readonly expected_statevector?: readonly (readonly [number, number])[]
  readonly expected_unitary?: readonly (readonly (readonly [number, number])[])[]
  readonly expected_probabilities_hex?: Readonly<Record<string, number>>
  readonly expected_probabilities_bits?: Readonly<Record<string, number>>
  readonly matches_phase_exact?: boolean
}

/** One case, with its circuit built. */
export interface AerCase extends CaseJson {
  readonly quantumCircuit: QuantumCircuit
}

/** @returns every case of the file, in order */
export function loadAerCases(): AerCase[] {
  const doc = JSON.parse(readFileSync(FILE, 'utf8')) as { cases: CaseJson[] }
  return doc.cases.map((c) => ({ ...c, quantumCircuit: buildCircuit(c) }))
}

function buildCircuit(c: CaseJson): QuantumCircuit {
  const qc = new QuantumCircuit(
    ...c.circuit.qregs.map(([name, size]) => new QuantumRegister(size, name)),
    ...c.circuit.cregs.map(([name, size]) => new ClassicalRegister(size, name)),
    { name: c.id },
  )
  for (const op of c.circuit.ops) {
    switch (op.name) {
      case 'measure':
        qc.measure(op.qubits[0]!, op.clbits[0]!)
        break
      case 'barrier':
        qc.barrier(...op.qubits)
        break
      case 'delay':
        qc.delay(op.params[0]!, op.qubits[0], 'dt')
        break
      default:
        qc.append(standardGate(op.name as StandardGateName, op.params), op.qubits)
    }
  }
  return qc
}
