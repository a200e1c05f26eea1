import type { ParameterValue } from '../parameter-expression.js'
import type { GateRecipe } from './gate-recipe.js'
import { mcpDefinition, mcxDefinition } from './multi-controlled-definitions.js'
import { MULTI_QUBIT_DEFINITIONS } from './multi-qubit-definitions.js'
import { ONE_QUBIT_DEFINITIONS } from './one-qubit-definitions.js'
import type { StandardGateName } from './standard-gate-specs.js'
import { TWO_QUBIT_DEFINITIONS } from './two-qubit-definitions.js'

const FIXED: Record<string, (p: readonly ParameterValue[]) => GateRecipe> = {
  ...ONE_QUBIT_DEFINITIONS,
  ...TWO_QUBIT_DEFINITIONS,
  ...MULTI_QUBIT_DEFINITIONS,
}

/**
 * The definition of a standard gate in terms of more basic standard gates, as Qiskit defines it
 * (exact, global phase included). `u` and `cx` are the basis and have none.
 *
 * @param name - the gate
 * @param params - its parameters (numbers or expressions), already checked for arity
 * @param numCtrlQubits - the number of controls of `mcx`/`mcp`
 * @returns the recipe, or `undefined` for `u` and `cx`
 */
export function standardGateDefinition(
  name: StandardGateName,
  params: readonly ParameterValue[],
  numCtrlQubits = 0,
): GateRecipe | undefined {
  if (name === 'mcx') return mcxDefinition(numCtrlQubits)
  if (name === 'mcp') return mcpDefinition(params[0]!, numCtrlQubits)
  return FIXED[name]?.(params)
}
