/**
 * Checks a density-matrix program's sizes and bit indices before anything runs.
 */
import { opQubits } from '../engine/sim-program.js'
import { SimulationError } from '../engine/simulation-error.js'
import type { DensityOp, DensityProgram } from './density-program.js'

/**
 * The widest register the density-matrix engine simulates: ρ on 13 qubits is a 26-qubit vector
 * (1 GiB of doubles), and each mid-circuit split may copy it.
 */
export const DENSITY_MATRIX_MAX_QUBITS = 13

/**
 * Validates `program`, nested bodies included.
 *
 * @param program - the program
 * @throws SimulationError `simulation.too-many-qubits` above {@link DENSITY_MATRIX_MAX_QUBITS}
 * @throws RangeError for non-integer sizes, an out-of-range or repeated index, or a channel whose
 *   superoperator does not fit its qubits
 */
export function validateDensityProgram(program: DensityProgram): void {
  const { numQubits, numClbits } = program
  if (!isCount(numQubits) || !isCount(numClbits)) {
    throw new RangeError(
      `program sizes must be non-negative integers, got ${numQubits} qubits, ${numClbits} clbits`,
    )
  }
  if (numQubits > DENSITY_MATRIX_MAX_QUBITS) {
    throw new SimulationError(
      'simulation.too-many-qubits',
      `${numQubits} qubits exceed the density-matrix limit of ${DENSITY_MATRIX_MAX_QUBITS}`,
    )
  }
  visitOps(program.ops, { numQubits, numClbits })
}

interface Sizes {
  readonly numQubits: number
  readonly numClbits: number
}

function visitOps(ops: readonly DensityOp[], sizes: Sizes): void {
  for (const op of ops) {
    switch (op.kind) {
      case 'measure':
        checkQubits([op.qubit], sizes)
        checkClbits([op.clbit], sizes)
        break
      case 'reset':
        checkQubits([op.qubit], sizes)
        break
      case 'channel':
        checkQubits(op.qubits, sizes)
        if (op.superop.length !== 2 * 16 ** op.qubits.length) {
          throw new RangeError(
            `a channel on ${op.qubits.length} qubits needs a ${4 ** op.qubits.length}² superoperator`,
          )
        }
        break
      case 'conditional':
        checkClbits(op.condition.clbits, sizes)
        visitOps(op.then, sizes)
        visitOps(op.else, sizes)
        break
      case 'while':
        checkClbits(op.condition.clbits, sizes)
        visitOps(op.body, sizes)
        break
      case 'matrix':
      case 'diagonal':
      case 'permutation':
      case 'controlled':
      case 'global-phase':
        checkQubits(opQubits(op), sizes)
    }
  }
}

function checkQubits(qubits: readonly number[], { numQubits }: Sizes): void {
  for (const q of qubits) {
    if (!Number.isInteger(q) || q < 0 || q >= numQubits)
      throw new RangeError(`qubit ${q} is out of range for ${numQubits} qubits`)
  }
  if (new Set(qubits).size !== qubits.length)
    throw new RangeError(`an op acts on a repeated qubit: [${qubits.join(', ')}]`)
}

function checkClbits(clbits: readonly number[], { numClbits }: Sizes): void {
  for (const c of clbits) {
    if (!Number.isInteger(c) || c < 0 || c >= numClbits)
      throw new RangeError(`clbit ${c} is out of range for ${numClbits} clbits`)
  }
}

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0
}
