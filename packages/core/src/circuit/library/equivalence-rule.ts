import type { ParameterValue } from '../parameter-expression.js'
import type { GateRecipe } from './gate-recipe.js'
import type { StandardGateName } from './standard-gate-specs.js'

/**
 * One rule of the standard equivalence library, as data: the gate (with its size for
 * `mcx`/`mcp`) and an equivalent recipe as a function of the gate's parameters. The library
 * calls `build` with fresh `Parameter`s.
 */
export interface EquivalenceRule {
  readonly gate: StandardGateName
  /** The number of controls of `mcx`/`mcp`; absent for gates of fixed size. */
  readonly numCtrlQubits?: number
  readonly build: (params: readonly ParameterValue[]) => GateRecipe
}

/** `p[i]`, which the caller guarantees to exist (one value per parameter of the gate). */
export function param(p: readonly ParameterValue[], i: number): ParameterValue {
  return p[i]!
}

/** A rule for a gate of fixed size. */
export function rule(
  gate: StandardGateName,
  build: (params: readonly ParameterValue[]) => GateRecipe,
): EquivalenceRule {
  return { gate, build }
}
