import { PI, recipe, type GateRecipe } from './gate-recipe.js'

/** The fixed-size gates on three or four qubits. */
export const MULTI_QUBIT_DEFINITIONS: Record<string, () => GateRecipe> = {
  ccx: () =>
    recipe(3, [
      ['h', [2]],
      ['cx', [1, 2]],
      ['tdg', [2]],
      ['cx', [0, 2]],
      ['t', [2]],
      ['cx', [1, 2]],
      ['tdg', [2]],
      ['cx', [0, 2]],
      ['t', [1]],
      ['t', [2]],
      ['h', [2]],
      ['cx', [0, 1]],
      ['t', [0]],
      ['tdg', [1]],
      ['cx', [0, 1]],
    ]),
  ccz: () =>
    recipe(3, [
      ['h', [2]],
      ['ccx', [0, 1, 2]],
      ['h', [2]],
    ]),
  cswap: () =>
    recipe(3, [
      ['cx', [2, 1]],
      ['ccx', [0, 1, 2]],
      ['cx', [2, 1]],
    ]),
  rccx: () =>
    recipe(3, [
      ['h', [2]],
      ['t', [2]],
      ['cx', [1, 2]],
      ['tdg', [2]],
      ['cx', [0, 2]],
      ['t', [2]],
      ['cx', [1, 2]],
      ['tdg', [2]],
      ['h', [2]],
    ]),
  rcccx: () =>
    recipe(4, [
      ['h', [3]],
      ['t', [3]],
      ['cx', [2, 3]],
      ['tdg', [3]],
      ['h', [3]],
      ['cx', [0, 3]],
      ['t', [3]],
      ['cx', [1, 3]],
      ['tdg', [3]],
      ['cx', [0, 3]],
      ['t', [3]],
      ['cx', [1, 3]],
      ['tdg', [3]],
      ['h', [3]],
      ['t', [3]],
      ['cx', [2, 3]],
      ['tdg', [3]],
      ['h', [3]],
    ]),
  c3x: () => c3xDefinition(),
  c3sx: () => c3sxDefinition(),
}

/**
 * The 3-controlled X from 14 CNOTs and π/8 phases (Barenco et al. via a Gray code, as
 * `qelib1.inc`'s `c3x`).
 */
function c3xDefinition(): GateRecipe {
  const e = PI / 8
  const m = -PI / 8
  return recipe(4, [
    ['h', [3]],
    ['p', [0], [e]],
    ['p', [1], [e]],
    ['p', [2], [e]],
    ['p', [3], [e]],
    ['cx', [0, 1]],
    ['p', [1], [m]],
    ['cx', [0, 1]],
    ['cx', [1, 2]],
    ['p', [2], [m]],
    ['cx', [0, 2]],
    ['p', [2], [e]],
    ['cx', [1, 2]],
    ['p', [2], [m]],
    ['cx', [0, 2]],
    ['cx', [2, 3]],
    ['p', [3], [m]],
    ['cx', [1, 3]],
    ['p', [3], [e]],
    ['cx', [2, 3]],
    ['p', [3], [m]],
    ['cx', [0, 3]],
    ['p', [3], [e]],
    ['cx', [2, 3]],
    ['p', [3], [m]],
    ['cx', [1, 3]],
    ['p', [3], [e]],
    ['cx', [2, 3]],
    ['p', [3], [m]],
    ['cx', [0, 3]],
    ['h', [3]],
  ])
}

/** The 3-controlled √X: the Gray-code chain of controlled π/8 phases, in an H frame. */
function c3sxDefinition(): GateRecipe {
  const e = PI / 8
  const cu1 = (c: number, angle: number) =>
    [
      ['h', [3]],
      ['cu1', [c, 3], [angle]],
      ['h', [3]],
    ] as const
  return recipe(4, [
    ...cu1(0, e),
    ['cx', [0, 1]],
    ...cu1(1, -e),
    ['cx', [0, 1]],
    ...cu1(1, e),
    ['cx', [1, 2]],
    ...cu1(2, -e),
    ['cx', [0, 2]],
    ...cu1(2, e),
    ['cx', [1, 2]],
    ...cu1(2, -e),
    ['cx', [0, 2]],
    ...cu1(2, e),
  ])
}
