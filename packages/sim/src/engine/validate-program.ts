/**
 * Checks a program's bit indices before anything runs.
 */
import { SimulationError } from './simulation-error.js'
import { opQubits, type SimOp, type SimProgram } from './sim-program.js'

/** The widest state the engine allocates (2^30 amplitudes are 16 GiB). */
export const MAX_QUBITS = 30

/**
 * Validates qubit and clbit indices throughout `program`, nested bodies included.
 *
 * @param program - the program
 * @throws SimulationError `simulation.too-many-qubits` above {@link MAX_QUBITS}
 * @throws RangeError for an out-of-range or repeated index, or non-integer sizes
 */
export function validateProgram(program: SimProgram): void {
  const { numQubits, numClbits } = program
  if (
    !Number.isInteger(numQubits) ||
    numQubits < 0 ||
    !Number.isInteger(numClbits) ||
    numClbits < 0
  ) {
    throw new RangeError(
      `program sizes must be non-negative integers, got ${numQubits} qubits, ${numClbits} clbits`,
    )
  }
  if (numQubits > MAX_QUBITS) {
    throw new SimulationError(
      'simulation.too-many-qubits',
      `${numQubits} qubits exceed the statevector limit of ${MAX_QUBITS}`,
    )
  }
  const qubit = (q: number): void => {
    if (!Number.isInteger(q) || q < 0 || q >= numQubits)
      throw new RangeError(`qubit ${q} is out of range for ${numQubits} qubits`)
  }
  const clbit = (c: number): void => {
    if (!Number.isInteger(c) || c < 0 || c >= numClbits)
      throw new RangeError(`clbit ${c} is out of range for ${numClbits} clbits`)
  }
  const visit = (ops: readonly SimOp[]): void => {
    for (const op of ops) {
      switch (op.kind) {
        case 'measure':
          qubit(op.qubit)
          clbit(op.clbit)
          break
        case 'reset':
          qubit(op.qubit)
          break
        case 'conditional':
          op.condition.clbits.forEach(clbit)
          visit(op.then)
          visit(op.else)
          break
        case 'while':
          op.condition.clbits.forEach(clbit)
          visit(op.body)
          break
        case 'matrix':
        case 'diagonal':
        case 'permutation':
        case 'controlled':
        case 'global-phase': {
          const qs = opQubits(op)
          qs.forEach(qubit)
          if (new Set(qs).size !== qs.length)
            throw new RangeError(`an op acts on a repeated qubit: [${qs.join(', ')}]`)
        }
      }
    }
  }
  visit(program.ops)
}
