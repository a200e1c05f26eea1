/**
 * The JSON of a quantum error, loosely in the shape of Qiskit Aer's `QuantumError.to_dict()`:
 * each term is a list of instructions (`pauli`, `unitary`, `kraus`, `reset`, `id`, `x`, `y`,
 * `z`) on qubits of the error, with one probability per term. Complex matrices are rows of
 * `[re, im]` pairs (what Aer's JSON encoder writes).
 */
import { ComplexMatrix } from '@qfabric/core/math'
import { embedOperator } from './embed-operator.js'
import { NoiseError } from './noise-error.js'
import type { NoiseTerm, NoiseTermInit } from './noise-term.js'
import { checkPauliLabel, multiplyPauliLabels, pauliMatrix } from './pauli-labels.js'

/** A complex matrix in JSON: rows of `[re, im]` pairs. */
export type ComplexMatrixJson = [number, number][][]

/** One instruction of an error term. */
export interface NoiseInstructionJson {
  /** `pauli`, `unitary`, `kraus`, `reset`, `id`, `x`, `y` or `z`. */
  readonly name: string
  /** The qubits of the error it acts on (bit `k` of its matrices is `qubits[k]`). */
  readonly qubits: readonly number[]
  /** The Pauli label, the unitary, or the Kraus operators. */
  readonly params?: readonly unknown[]
}

/** A quantum error in JSON. */
export interface QuantumErrorJson {
  readonly type: 'qerror'
  /** The instructions the error applies to (set by a noise model). */
  readonly operations: readonly string[]
  /** The qubit tuples of a local error (set by a noise model). */
  readonly gate_qubits?: readonly (readonly number[])[]
  /** One instruction list per term. */
  readonly instructions: readonly (readonly NoiseInstructionJson[])[]
  /** One probability per term. */
  readonly probabilities: readonly number[]
}

/**
 * The JSON instructions of one term.
 *
 * @internal
 */
export function termToJson(term: NoiseTerm, numQubits: number): NoiseInstructionJson[] {
  const qubits = Array.from({ length: numQubits }, (_, q) => q)
  if (term.kind === 'kraus') {
    return [{ name: 'kraus', qubits, params: term.operators.map((k) => k.toArray()) }]
  }
  if (term.pauli !== null) return [{ name: 'pauli', qubits, params: [term.pauli] }]
  return [{ name: 'unitary', qubits, params: [term.matrix.toArray()] }]
}

/**
 * Reads the terms of a quantum error's JSON.
 *
 * @param json - the parsed JSON
 * @returns the terms, ready for the `QuantumError` constructor
 * @throws NoiseError `sim.noise.invalid-json` when the shape is wrong
 * @internal
 */
export function termsFromJson(json: unknown): NoiseTermInit[] {
  const obj = json as Partial<QuantumErrorJson> | null
  if (
    typeof obj !== 'object' ||
    obj === null ||
    !Array.isArray(obj.instructions) ||
    !Array.isArray(obj.probabilities) ||
    obj.instructions.length !== obj.probabilities.length
  ) {
    return fail('a quantum error needs `instructions` and `probabilities` of equal length')
  }
  const circuits = obj.instructions as readonly unknown[]
  const width = errorWidth(circuits)
  return circuits.map((circuit, i) =>
    circuitToTerm(circuit as readonly NoiseInstructionJson[], width, obj.probabilities![i]!),
  )
}

function errorWidth(circuits: readonly unknown[]): number {
  let max = -1
  for (const circuit of circuits) {
    if (!Array.isArray(circuit) || circuit.length === 0) fail('each term must list instructions')
    for (const inst of circuit as readonly Partial<NoiseInstructionJson>[]) {
      const qubits = inst.qubits
      if (!Array.isArray(qubits) || qubits.length === 0 || !qubits.every(isQubit)) {
        fail(`instruction ${String(inst.name)} needs non-negative integer qubits`)
      }
      max = Math.max(max, ...qubits)
    }
  }
  return max + 1
}

type Part =
  | { readonly kind: 'pauli'; readonly label: string }
  | { readonly kind: 'unitary'; readonly matrix: ComplexMatrix }
  | { readonly kind: 'kraus'; readonly operators: ComplexMatrix[] }

function circuitToTerm(
  circuit: readonly NoiseInstructionJson[],
  width: number,
  probability: number,
): NoiseTermInit {
  const parts = circuit.map((inst) => instructionPart(inst, width))
  if (parts.every((p) => p.kind === 'pauli')) {
    const label = parts.reduce((acc, p) => multiplyPauliLabels(p.label, acc), 'I'.repeat(width))
    return { probability, pauli: label }
  }
  let ops = [ComplexMatrix.identity(2 ** width)]
  for (const part of parts) {
    const next =
      part.kind === 'kraus'
        ? part.operators
        : [part.kind === 'pauli' ? pauliMatrix(part.label) : part.matrix]
    ops = next.flatMap((b) => ops.map((a) => b.mul(a)))
  }
  return ops.length === 1 ? { probability, unitary: ops[0]! } : { probability, kraus: ops }
}

/** One instruction as a full-width operation. */
function instructionPart(inst: NoiseInstructionJson, width: number): Part {
  const { name, qubits } = inst
  const params = inst.params ?? []
  const embed = (m: ComplexMatrix): ComplexMatrix => embedChecked(m, qubits, width)
  switch (name) {
    case 'id':
    case 'x':
    case 'y':
    case 'z':
      return {
        kind: 'pauli',
        label: placeLabel(name.toUpperCase().replace('ID', 'I'), qubits, width),
      }
    case 'pauli': {
      const label = checkPauliLabel(params[0], 'pauli label')
      if (label.length !== qubits.length)
        fail(`pauli ${label} does not act on ${qubits.length} qubits`)
      return { kind: 'pauli', label: placeLabel(label, qubits, width) }
    }
    case 'unitary':
      return { kind: 'unitary', matrix: embed(matrixFromJson(params[0])) }
    case 'kraus':
      return { kind: 'kraus', operators: params.map((m) => embed(matrixFromJson(m))) }
    case 'reset':
      return { kind: 'kraus', operators: resetOperators(qubits, width) }
    default:
      return fail(`unknown noise instruction ${name}`)
  }
}

/** A label acting on `qubits` (its rightmost character on `qubits[0]`), identity elsewhere. */
function placeLabel(label: string, qubits: readonly number[], width: number): string {
  const chars = Array.from({ length: width }, () => 'I')
  const each = label.length === 1 ? qubits.map(() => label) : [...label].reverse()
  qubits.forEach((q, k) => (chars[width - 1 - q] = each[k]!))
  return chars.join('')
}

/** Reset of every listed qubit to |0⟩: the products of `|0⟩⟨0|` and `|0⟩⟨1|` on each. */
function resetOperators(qubits: readonly number[], width: number): ComplexMatrix[] {
  const r0 = ComplexMatrix.fromRows([
    [1, 0],
    [0, 0],
  ])
  const r1 = ComplexMatrix.fromRows([
    [0, 1],
    [0, 0],
  ])
  let ops = [ComplexMatrix.identity(2 ** width)]
  for (const q of qubits) {
    const local = [r0, r1].map((k) => embedOperator(k, [q], width))
    ops = local.flatMap((b) => ops.map((a) => b.mul(a)))
  }
  return ops
}

function embedChecked(m: ComplexMatrix, qubits: readonly number[], width: number): ComplexMatrix {
  try {
    return embedOperator(m, qubits, width)
  } catch (cause) {
    return fail(`a ${m.rows}×${m.cols} matrix does not fit qubits [${qubits.join(', ')}]`, cause)
  }
}

/**
 * A complex matrix from rows of `[re, im]` pairs (or real numbers).
 *
 * @internal
 */
export function matrixFromJson(value: unknown): ComplexMatrix {
  if (!Array.isArray(value) || value.length === 0) return fail('a matrix must be a list of rows')
  const rows = value as unknown[]
  const entries = rows.map((row) => {
    if (!Array.isArray(row)) return fail('a matrix row must be a list')
    return (row as unknown[]).map((z): readonly [number, number] => {
      if (typeof z === 'number') return [z, 0]
      if (Array.isArray(z) && z.length === 2) {
        const [re, im] = z as unknown[]
        if (typeof re === 'number' && typeof im === 'number') return [re, im]
      }
      return fail('a matrix entry must be a number or an [re, im] pair')
    })
  })
  try {
    return ComplexMatrix.fromRows(entries)
  } catch (cause) {
    return fail('matrix rows differ in length', cause)
  }
}

function isQubit(q: unknown): q is number {
  return typeof q === 'number' && Number.isInteger(q) && q >= 0
}

function fail(message: string, cause?: unknown): never {
  throw new NoiseError('sim.noise.invalid-json', message, { cause })
}
