/**
 * The engine's own compact intermediate representation: a flat list of operations on qubit and
 * clbit indices, with gate data as interleaved `Float64Array`s. A `QuantumCircuit` is lowered to
 * it by `compileCircuit`; tests and benchmarks may also build it directly.
 *
 * Conventions (Qiskit's): qubit 0 is the least significant bit of a basis-state index. A matrix on
 * `qubits = [q0, q1, …]` has bit `j` of its row/column index equal to the state of `qubits[j]`.
 * Matrices are row-major and interleaved: entry `(r, c)` of a `d×d` matrix is
 * `matrix[2(r·d + c)]` (real) and `matrix[2(r·d + c) + 1]` (imaginary).
 */

/** A dense unitary on `qubits` (`2^k × 2^k`, interleaved, row-major). */
export interface MatrixOp {
  readonly kind: 'matrix'
  readonly qubits: readonly number[]
  readonly matrix: Float64Array
}

/** A diagonal unitary on `qubits`: `diagonal` holds the `2^k` entries, interleaved. */
export interface DiagonalOp {
  readonly kind: 'diagonal'
  readonly qubits: readonly number[]
  readonly diagonal: Float64Array
}

/**
 * A monomial unitary (an X-like permutation with phases) on `qubits`: basis state `j` is mapped
 * to `phases[j] · |permutation[j]⟩` (phases interleaved; all 1 when absent).
 */
export interface PermutationOp {
  readonly kind: 'permutation'
  readonly qubits: readonly number[]
  readonly permutation: Int32Array
  readonly phases?: Float64Array | undefined
}

/** The unitary ops a controlled op may wrap. */
export type TargetOp = MatrixOp | DiagonalOp | PermutationOp

/**
 * `target` applied where the control qubits hold `controlState` (bit `i` of `controlState` is
 * the required state of `controls[i]`); identity elsewhere.
 */
export interface ControlledOp {
  readonly kind: 'controlled'
  readonly controls: readonly number[]
  readonly controlState: number
  readonly target: TargetOp
}

/** Multiplies the whole state by `e^{i·phase}`. */
export interface GlobalPhaseOp {
  readonly kind: 'global-phase'
  readonly phase: number
}

/** A projective Z-basis measurement of `qubit`, written to `clbit`. */
export interface MeasureOp {
  readonly kind: 'measure'
  readonly qubit: number
  readonly clbit: number
}

/** Resets `qubit` to |0⟩ (measure, then flip if 1; the outcome is not recorded). */
export interface ResetOp {
  readonly kind: 'reset'
  readonly qubit: number
}

/** The comparison operators of a classical condition. */
export const CONDITION_OPERATORS = ['==', '!=', '<', '<=', '>', '>='] as const
/** A comparison operator of a classical condition. */
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number]

/**
 * A classical condition: the unsigned integer read from `clbits` (bit `i` of the value is
 * `clbits[i]`, little-endian) compared with `value`. A single-clbit test is
 * `{ clbits: [c], op: '==', value: 1n }`.
 */
export interface SimCondition {
  readonly clbits: readonly number[]
  readonly op: ConditionOperator
  readonly value: bigint
}

/** Runs `then` when `condition` holds, `else` otherwise (also Qiskit's `c_if`). */
export interface ConditionalOp {
  readonly kind: 'conditional'
  readonly condition: SimCondition
  readonly then: readonly SimOp[]
  readonly else: readonly SimOp[]
}

/** Runs `body` while `condition` holds (checked before each iteration). */
export interface WhileOp {
  readonly kind: 'while'
  readonly condition: SimCondition
  readonly body: readonly SimOp[]
}

/** The unitary operations (those gate fusion and the kernels handle). */
export type UnitaryOp = MatrixOp | DiagonalOp | PermutationOp | ControlledOp | GlobalPhaseOp

/** Any operation of a simulation program. */
export type SimOp = UnitaryOp | MeasureOp | ResetOp | ConditionalOp | WhileOp

/** A program for the statevector engine. */
export interface SimProgram {
  readonly numQubits: number
  readonly numClbits: number
  readonly ops: readonly SimOp[]
}

/**
 * Whether `op` is unitary (a gate, not a measurement, reset or classical control).
 *
 * @param op - the operation
 * @returns true for matrix, diagonal, permutation, controlled and global-phase ops
 */
export function isUnitaryOp(op: SimOp): op is UnitaryOp {
  switch (op.kind) {
    case 'matrix':
    case 'diagonal':
    case 'permutation':
    case 'controlled':
    case 'global-phase':
      return true
    case 'measure':
    case 'reset':
    case 'conditional':
    case 'while':
      return false
  }
}

/**
 * The qubits a unitary op acts on (controls first for controlled ops).
 *
 * @param op - a unitary op
 * @returns the qubit indices (empty for a global phase)
 */
export function opQubits(op: UnitaryOp): readonly number[] {
  switch (op.kind) {
    case 'controlled':
      return [...op.controls, ...op.target.qubits]
    case 'global-phase':
      return []
    case 'matrix':
    case 'diagonal':
    case 'permutation':
      return op.qubits
  }
}
