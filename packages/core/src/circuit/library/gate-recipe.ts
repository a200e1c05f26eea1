import type { ParameterValue } from '../parameter-expression.js'
import { addValues, divValues, mulValues, negValue, subValues } from '../parameter-functions.js'
import type { StandardGateName } from './standard-gate-specs.js'

/**
 * One standard gate of a {@link GateRecipe}, on qubits numbered within the recipe. `mcx`/`mcp`
 * take their number of controls from `qubits.length − 1` (target last).
 */
export interface RecipeStep {
  readonly gate: StandardGateName
  readonly qubits: readonly number[]
  readonly params: readonly ParameterValue[]
}

/**
 * A circuit of standard gates as plain data: what a gate's definition or an equivalence rule
 * says, before it becomes a `QuantumCircuit`. Keeping rules as data lets the library build,
 * rewrite (flatten into a basis) and check them without the circuit machinery.
 */
export interface GateRecipe {
  readonly numQubits: number
  readonly globalPhase: ParameterValue
  readonly steps: readonly RecipeStep[]
}

/** A step written compactly: `['cx', [0, 1]]`, `['rz', [1], [theta]]`. */
export type StepTuple = readonly [StandardGateName, readonly number[], (readonly ParameterValue[])?]

/**
 * Builds a recipe from compact steps.
 *
 * @param numQubits - the width
 * @param steps - the gates, in order
 * @param globalPhase - the phase the gates are multiplied by (default 0)
 * @returns the recipe
 * @example
 * ```ts
 * recipe(2, [['h', [1]], ['cx', [0, 1]], ['h', [1]]]) // cz
 * ```
 */
export function recipe(
  numQubits: number,
  steps: readonly StepTuple[],
  globalPhase: ParameterValue = 0,
): GateRecipe {
  return {
    numQubits,
    globalPhase,
    steps: steps.map(([gate, qubits, params]) => ({ gate, qubits, params: params ?? [] })),
  }
}

/** π, for readable recipes. */
export const PI = Math.PI

/** `a + b` over parameter values (numbers stay numbers). */
export const add = addValues
/** `a − b` over parameter values. */
export const sub = subValues
/** `a · b` over parameter values. */
export const mul = mulValues
/** `a / b` over parameter values. */
export const div = divValues
/** `−a` over parameter values. */
export const neg = negValue

/** `a / 2`, the half angle most decompositions need. */
export function half(a: ParameterValue): ParameterValue {
  return divValues(a, 2)
}
