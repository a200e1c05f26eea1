import type { ParameterValue } from '../parameter-expression.js'
import { half, neg, PI, recipe, sub, type GateRecipe } from './gate-recipe.js'

type Params = readonly ParameterValue[]

/** `p[i]`, which the arity check of the caller guarantees to exist. */
function at(p: Params, i: number): ParameterValue {
  return p[i]!
}

/** The gates defined in terms of one-qubit gates (and the phase gate). */
export const ONE_QUBIT_DEFINITIONS: Record<string, (p: Params) => GateRecipe> = {
  global_phase: (p) => recipe(0, [], at(p, 0)),
  id: () => recipe(1, []),
  x: () => recipe(1, [['u3', [0], [PI, 0, PI]]]),
  y: () => recipe(1, [['u3', [0], [PI, PI / 2, PI / 2]]]),
  z: () => recipe(1, [['p', [0], [PI]]]),
  h: () => recipe(1, [['u2', [0], [0, PI]]]),
  s: () => recipe(1, [['p', [0], [PI / 2]]]),
  sdg: () => recipe(1, [['p', [0], [-PI / 2]]]),
  t: () => recipe(1, [['p', [0], [PI / 4]]]),
  tdg: () => recipe(1, [['p', [0], [-PI / 4]]]),
  sx: () =>
    recipe(
      1,
      [
        ['sdg', [0]],
        ['h', [0]],
        ['sdg', [0]],
      ],
      PI / 4,
    ),
  sxdg: () =>
    recipe(
      1,
      [
        ['s', [0]],
        ['h', [0]],
        ['s', [0]],
      ],
      -PI / 4,
    ),
  rx: (p) => recipe(1, [['r', [0], [at(p, 0), 0]]]),
  ry: (p) => recipe(1, [['r', [0], [at(p, 0), PI / 2]]]),
  rz: (p) => recipe(1, [['p', [0], [at(p, 0)]]], neg(half(at(p, 0)))),
  p: (p) => recipe(1, [['u', [0], [0, 0, at(p, 0)]]]),
  r: (p) => recipe(1, [['u3', [0], [at(p, 0), sub(at(p, 1), PI / 2), sub(PI / 2, at(p, 1))]]]),
  u1: (p) => recipe(1, [['u3', [0], [0, 0, at(p, 0)]]]),
  u2: (p) => recipe(1, [['u', [0], [PI / 2, at(p, 0), at(p, 1)]]]),
  u3: (p) => recipe(1, [['u', [0], [at(p, 0), at(p, 1), at(p, 2)]]]),
}
