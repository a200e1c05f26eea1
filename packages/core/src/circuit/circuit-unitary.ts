import { Complex } from '../math/complex.js'
import { ComplexMatrix } from '../math/complex-matrix.js'
import { CircuitError } from './circuit-error.js'
import type { Gate } from './gate.js'
import type { Instruction } from './instruction.js'
import { valueToNumber } from './parameter-functions.js'
import type { QuantumCircuit } from './quantum-circuit.js'

/** Above this many qubits the dense matrix (4ⁿ entries) is refused rather than attempted. */
const MAX_QUBITS = 12

function isGate(op: Instruction): op is Gate {
  return typeof (op as unknown as Partial<Gate>).toMatrix === 'function'
}

/**
 * Applies a `2ᵏ`-square `gate` on `qubits` to every column of the `2ⁿ`-square `u`, in place
 * (`u ← G·u`). Rows are combined whole, so the inner loop runs along contiguous memory.
 */
function applyGate(u: Float64Array, gate: ComplexMatrix, qubits: readonly number[]): void {
  const dim = Math.round(Math.sqrt(u.length / 2))
  const k = qubits.length
  const size = 1 << k
  const offsets = new Int32Array(size)
  let mask = 0
  for (let m = 0; m < size; m++) {
    let o = 0
    for (let t = 0; t < k; t++) if ((m >> t) & 1) o |= 1 << qubits[t]!
    offsets[m] = o
  }
  for (const q of qubits) mask |= 1 << q
  const rows = new Int32Array(size)
  const re = new Float64Array(size)
  const im = new Float64Array(size)
  const g = gate.data
  for (let base = 0; base < dim; base++) {
    if ((base & mask) !== 0) continue
    for (let m = 0; m < size; m++) rows[m] = 2 * (base | offsets[m]!) * dim
    if (size === 2) {
      applyRowPair(u, g, { row0: rows[0]!, row1: rows[1]!, dim })
      continue
    }
    for (let col = 0; col < 2 * dim; col += 2) {
      for (let m = 0; m < size; m++) {
        re[m] = u[rows[m]! + col]!
        im[m] = u[rows[m]! + col + 1]!
      }
      for (let r = 0; r < size; r++) {
        let sr = 0
        let si = 0
        for (let c = 0; c < size; c++) {
          const gr = g[2 * (r * size + c)]!
          const gi = g[2 * (r * size + c) + 1]!
          sr += gr * re[c]! - gi * im[c]!
          si += gr * im[c]! + gi * re[c]!
        }
        u[rows[r]! + col] = sr
        u[rows[r]! + col + 1] = si
      }
    }
  }
}

/** The one-qubit case of {@link applyGate}: two whole rows mixed by a 2×2 matrix. */
function applyRowPair(
  u: Float64Array,
  g: Float64Array,
  at: { readonly row0: number; readonly row1: number; readonly dim: number },
): void {
  const [ar, ai, br, bi, cr, ci, dr, di] = [g[0]!, g[1]!, g[2]!, g[3]!, g[4]!, g[5]!, g[6]!, g[7]!]
  const { row0, row1 } = at
  for (let col = 0; col < 2 * at.dim; col += 2) {
    const xr = u[row0 + col]!
    const xi = u[row0 + col + 1]!
    const yr = u[row1 + col]!
    const yi = u[row1 + col + 1]!
    u[row0 + col] = ar * xr - ai * xi + br * yr - bi * yi
    u[row0 + col + 1] = ar * xi + ai * xr + br * yi + bi * yr
    u[row1 + col] = cr * xr - ci * xi + dr * yr - di * yi
    u[row1 + col + 1] = cr * xi + ci * xr + dr * yi + di * yr
  }
}

function scaleInPlace(u: Float64Array, z: Complex): void {
  for (let i = 0; i < u.length; i += 2) {
    const re = u[i]!
    const im = u[i + 1]!
    u[i] = re * z.re - im * z.im
    u[i + 1] = re * z.im + im * z.re
  }
}

function applyCircuit(u: Float64Array, circuit: QuantumCircuit, qubitMap: readonly number[]): void {
  scaleInPlace(u, Complex.expi(valueToNumber(circuit.globalPhase)))
  for (const inst of circuit.data) {
    const op = inst.operation
    if (op.isDirective || op.name === 'delay') continue
    if (inst.condition !== undefined || op.numClbits > 0) {
      throw new CircuitError(
        'circuit.no-matrix',
        `'${op.name}' with classical bits has no unitary matrix`,
      )
    }
    const qubits = inst.qubits.map((q) => qubitMap[q]!)
    if (isGate(op)) {
      const m = op.toMatrix()
      if (qubits.length === 0) scaleInPlace(u, m.get(0, 0))
      else applyGate(u, m, qubits)
      continue
    }
    const def = op.definition
    if (def === undefined || op.name === 'measure' || op.name === 'reset') {
      throw new CircuitError('circuit.no-matrix', `'${op.name}' is not unitary`)
    }
    applyCircuit(u, def, qubits)
  }
}

/**
 * The unitary matrix of a circuit, dense (the reference simulation the tests and
 * `Operator.fromCircuit` build on). Little-endian: bit `k` of a row index is qubit `k`. Includes
 * the global phase; custom gates and instructions contribute through their definitions;
 * barriers and delays are identities.
 *
 * @param circuit - a circuit of unitary operations, all parameters bound, at most 12 qubits
 * @returns the `2ⁿ × 2ⁿ` matrix
 * @throws CircuitError `circuit.no-matrix` for measure, reset, conditions or control flow;
 *   `circuit.unbound-parameter` for free parameters
 * @throws RangeError above 12 qubits
 * @example
 * ```ts
 * circuitToMatrix(new QuantumCircuit(2).h(0).cx(0, 1))   // the Bell-state preparation
 * ```
 */
export function circuitToMatrix(circuit: QuantumCircuit): ComplexMatrix {
  const n = circuit.numQubits
  if (n > MAX_QUBITS)
    throw new RangeError(`a dense matrix of ${n} qubits is too large (max ${MAX_QUBITS})`)
  const dim = 1 << n
  const out = ComplexMatrix.identity(dim)
  applyCircuit(
    out.data,
    circuit,
    Array.from({ length: n }, (_, i) => i),
  )
  return out
}
