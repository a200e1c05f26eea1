/**
 * How one gate runs on the tableau: as primitive tableau gates when its matrix is a Clifford
 * (up to phase), decided once per distinct gate and cached.
 */
import { type Gate, isStandardGate, valueToNumber } from '@qfabric/core/circuit'
import { cliffordTableFromMatrix, MAX_TABLE_QUBITS, type CliffordTable } from './clifford-table.js'
import { oneQubitCliffordSequence } from './one-qubit-cliffords.js'
import { OP, type PrimitiveOpcode } from './stabilizer-program.js'

/** One step of a recipe, on the gate's local qubits (`qubits[j]` = the gate's qarg j). */
export type RecipeStep =
  | { readonly op: PrimitiveOpcode; readonly qubits: readonly number[] }
  | {
      readonly op: typeof OP.TABLE
      readonly table: CliffordTable
      readonly qubits: readonly number[]
    }

/** The outcome of examining a gate. */
export type CliffordRecipe =
  | { readonly kind: 'clifford'; readonly steps: readonly RecipeStep[] }
  | { readonly kind: 'non-clifford' }
  /** The gate has no matrix (opaque, or too wide to examine): try its definition. */
  | { readonly kind: 'no-matrix' }

/** Parameterless standard gates that are tableau primitives, with their opcodes. */
export const PRIMITIVE_GATES: ReadonlyMap<string, PrimitiveOpcode> = new Map([
  ['h', OP.H],
  ['s', OP.S],
  ['sdg', OP.SDG],
  ['x', OP.X],
  ['y', OP.Y],
  ['z', OP.Z],
  ['sx', OP.SX],
  ['sxdg', OP.SXDG],
  ['cx', OP.CX],
  ['cz', OP.CZ],
  ['cy', OP.CY],
  ['swap', OP.SWAP],
])

const NON_CLIFFORD: CliffordRecipe = Object.freeze({ kind: 'non-clifford' })
const NO_MATRIX: CliffordRecipe = Object.freeze({ kind: 'no-matrix' })
/** Fixed decompositions of standard gates that are cheaper than their tables. */
const FIXED: ReadonlyMap<string, CliffordRecipe> = new Map([
  ['id', { kind: 'clifford', steps: [] }],
  ['global_phase', { kind: 'clifford', steps: [] }],
  [
    'dcx',
    {
      kind: 'clifford',
      steps: [
        { op: OP.CX, qubits: [0, 1] },
        { op: OP.CX, qubits: [1, 0] },
      ],
    },
  ],
])

const standardCache = new Map<string, CliffordRecipe>()
const customCache = new WeakMap<Gate, CliffordRecipe>()

/**
 * How `gate` runs on the tableau.
 *
 * @param gate - a gate with bound parameters
 * @returns primitive steps when its matrix is a Clifford up to phase; `non-clifford` when it is
 *   not; `no-matrix` when the gate has no matrix or is wider than three qubits
 * @throws CircuitError `circuit.unbound-parameter` for a gate with free parameters
 */
export function cliffordRecipe(gate: Gate): CliffordRecipe {
  const primitive = PRIMITIVE_GATES.get(gate.name)
  const standard = isStandardGate(gate)
  if (standard && primitive !== undefined) {
    return {
      kind: 'clifford',
      steps: [{ op: primitive, qubits: gate.numQubits === 1 ? [0] : [0, 1] }],
    }
  }
  if (standard) {
    const fixed = FIXED.get(gate.name)
    if (fixed !== undefined) return fixed
    const key = `${gate.name}(${gate.params.map((p) => valueToNumber(p)).join(',')})/${gate.numQubits}`
    let recipe = standardCache.get(key)
    if (recipe === undefined) {
      recipe = examine(gate)
      standardCache.set(key, recipe)
    }
    return recipe
  }
  let recipe = customCache.get(gate)
  if (recipe === undefined) {
    recipe = examine(gate)
    customCache.set(gate, recipe)
  }
  return recipe
}

function examine(gate: Gate): CliffordRecipe {
  if (gate.numQubits > MAX_TABLE_QUBITS) return NO_MATRIX
  let matrix: Float64Array
  try {
    matrix = gate.toMatrix().data
  } catch (error) {
    if ((error as { code?: unknown }).code === 'circuit.no-matrix') return NO_MATRIX
    throw error
  }
  const table = cliffordTableFromMatrix(matrix, gate.numQubits)
  if (table === undefined) return NON_CLIFFORD
  if (gate.numQubits === 0) return { kind: 'clifford', steps: [] }
  if (gate.numQubits === 1) {
    return {
      kind: 'clifford',
      steps: oneQubitCliffordSequence(table).map((op) => ({ op, qubits: [0] })),
    }
  }
  const qubits = Array.from({ length: gate.numQubits }, (_, j) => j)
  return { kind: 'clifford', steps: [{ op: OP.TABLE, table, qubits }] }
}
