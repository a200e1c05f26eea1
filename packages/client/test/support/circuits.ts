/** Circuits the client tests run. */
import { QuantumCircuit } from '@qfabric/core'

/** A Bell pair measured into `c[0..1]`, named `bell`. */
export function bellCircuit(name = 'bell'): QuantumCircuit {
  const circuit = new QuantumCircuit(2, 2, { name })
  circuit.h(0).cx(0, 1).measure(0, 0).measure(1, 1)
  return circuit
}

/** The Bell pair as OpenQASM 2 text. */
export const BELL_QASM =
  'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'

/**
 * A circuit that keeps a statevector simulator busy: `layers` of rotations and a CX chain on
 * `qubits` qubits, then measurements (OpenQASM 2).
 *
 * @param qubits - width
 * @param layers - depth
 * @returns the program
 */
export function busyQasm(qubits: number, layers: number): string {
  const lines = [
    'OPENQASM 2.0;',
    'include "qelib1.inc";',
    `qreg q[${qubits}];`,
    `creg c[${qubits}];`,
  ]
  for (let l = 0; l < layers; l++) {
    for (let q = 0; q < qubits; q++) lines.push(`rx(${0.1 + 0.01 * l}) q[${q}];`)
    for (let q = 0; q + 1 < qubits; q++) lines.push(`cx q[${q}],q[${q + 1}];`)
  }
  lines.push('measure q -> c;')
  return lines.join('\n') + '\n'
}
