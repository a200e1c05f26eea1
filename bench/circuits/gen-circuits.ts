/**
 * The simulator benchmark's circuit families, ported from `shared/bench/gen_circuits.py` so the
 * circuits (angles included, through numpy's exact random stream) are identical:
 *
 * - `qft N`: X on every odd qubit, then the textbook QFT (H + controlled-phase ladder, no swaps);
 * - `rand N DEPTH`: DEPTH layers of rx, ry, rz with seeded angles on every qubit, then CZ on
 *   (i, i+1) for even i in even layers, odd i in odd layers; seed = 1000·N + DEPTH;
 * - `ghz N`: H(0), then a CX chain.
 *
 * Qubit 0 is the least significant bit of a basis-state index (Qiskit's convention).
 */
import { QuantumCircuit } from '@qfabric/core/circuit'
import { NumpyGenerator } from './numpy-random.js'
import { pythonFloatRepr } from './python-float-repr.js'

/** The benchmark families. */
export const FAMILIES = ['qft', 'rand', 'ghz'] as const
/** A benchmark family. */
export type Family = (typeof FAMILIES)[number]

/** One gate of a family circuit. */
export interface BenchGate {
  readonly name: 'x' | 'h' | 'rx' | 'ry' | 'rz' | 'cz' | 'cp' | 'cx'
  readonly qubits: readonly number[]
  readonly params: readonly number[]
}

/** The `qft` family on `n` qubits. */
export function qftGates(n: number): BenchGate[] {
  const gates: BenchGate[] = []
  for (let q = 1; q < n; q += 2) gates.push({ name: 'x', qubits: [q], params: [] })
  for (let j = n - 1; j >= 0; j--) {
    gates.push({ name: 'h', qubits: [j], params: [] })
    for (let k = j - 1; k >= 0; k--)
      gates.push({ name: 'cp', qubits: [k, j], params: [Math.PI / 2 ** (j - k)] })
  }
  return gates
}

/** The `rand` family on `n` qubits with `depth` layers (angles from numpy's stream). */
export function randGates(n: number, depth: number): BenchGate[] {
  const rng = new NumpyGenerator(1000 * n + depth)
  const gates: BenchGate[] = []
  for (let layer = 0; layer < depth; layer++) {
    for (let q = 0; q < n; q++) {
      for (const name of ['rx', 'ry', 'rz'] as const)
        gates.push({ name, qubits: [q], params: [rng.uniform(0, 2 * Math.PI)] })
    }
    for (let i = layer % 2; i < n - 1; i += 2)
      gates.push({ name: 'cz', qubits: [i, i + 1], params: [] })
  }
  return gates
}

/** The `ghz` family on `n` qubits. */
export function ghzGates(n: number): BenchGate[] {
  const gates: BenchGate[] = [{ name: 'h', qubits: [0], params: [] }]
  for (let i = 0; i < n - 1; i++) gates.push({ name: 'cx', qubits: [i, i + 1], params: [] })
  return gates
}

/**
 * The gates of a family.
 *
 * @param family - the family
 * @param n - the qubit count
 * @param depth - layers of `rand` (default 10)
 * @returns the gates in order
 */
export function familyGates(family: Family, n: number, depth = 10): BenchGate[] {
  switch (family) {
    case 'qft':
      return qftGates(n)
    case 'rand':
      return randGates(n, depth)
    case 'ghz':
      return ghzGates(n)
  }
}

/**
 * OpenQASM 2 text, byte-identical to the Python generator's `to_qasm`.
 *
 * @param n - the qubit count
 * @param gates - the gates
 * @returns the program text
 */
export function gatesToQasm(n: number, gates: readonly BenchGate[]): string {
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${n}];`]
  for (const g of gates) {
    const p = g.params.length > 0 ? `(${g.params.map(pythonFloatRepr).join(',')})` : ''
    lines.push(`${g.name}${p} ${g.qubits.map((q) => `q[${q}]`).join(',')};`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * The gates as a qfabric circuit.
 *
 * @param n - the qubit count
 * @param gates - the gates
 * @returns a new circuit on `n` qubits
 */
export function gatesToCircuit(n: number, gates: readonly BenchGate[]): QuantumCircuit {
  const qc = new QuantumCircuit(n)
  for (const g of gates) {
    const [a, b] = g.qubits as [number, number]
    const [t = 0] = g.params
    switch (g.name) {
      case 'x':
        qc.x(a)
        break
      case 'h':
        qc.h(a)
        break
      case 'rx':
        qc.rx(t, a)
        break
      case 'ry':
        qc.ry(t, a)
        break
      case 'rz':
        qc.rz(t, a)
        break
      case 'cz':
        qc.cz(a, b)
        break
      case 'cp':
        qc.cp(t, a, b)
        break
      case 'cx':
        qc.cx(a, b)
        break
    }
  }
  return qc
}
