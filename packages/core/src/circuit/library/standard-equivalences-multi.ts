import { half, PI, recipe } from './gate-recipe.js'
import { param as at, rule, type EquivalenceRule } from './equivalence-rule.js'

/**
 * The rules between two- and more-qubit gates beyond their definitions (which the library adds
 * too): the native entanglers of real devices (`cx`, `cz`, `ecr`, `rzz`) in terms of each
 * other, and controlled gates through their siblings.
 */
export const MULTI_QUBIT_RULES: readonly EquivalenceRule[] = [
  rule('cx', () =>
    recipe(2, [
      ['h', [1]],
      ['cz', [0, 1]],
      ['h', [1]],
    ]),
  ),
  // cx = e^{iπ/4}·x₀·ecr·(sdg₀ ⊗ sxdg₁), from ecr's definition solved for cx
  rule('cx', () =>
    recipe(
      2,
      [
        ['sdg', [0]],
        ['sxdg', [1]],
        ['ecr', [0, 1]],
        ['x', [0]],
      ],
      PI / 4,
    ),
  ),
  // cz = e^{iπ/4}·rzz(−π/2)·(rz(π/2) ⊗ rz(π/2))
  rule('cz', () =>
    recipe(
      2,
      [
        ['rz', [0], [PI / 2]],
        ['rz', [1], [PI / 2]],
        ['rzz', [0, 1], [-PI / 2]],
      ],
      PI / 4,
    ),
  ),
  rule('cz', () => recipe(2, [['cp', [0, 1], [PI]]])),
  rule('ecr', () =>
    recipe(2, [
      ['rzx', [0, 1], [PI / 4]],
      ['x', [0]],
      ['rzx', [0, 1], [-PI / 4]],
    ]),
  ),
  rule('cs', () => recipe(2, [['cp', [0, 1], [PI / 2]]])),
  rule('csdg', () => recipe(2, [['cp', [0, 1], [-PI / 2]]])),
  rule('csx', () =>
    recipe(2, [
      ['h', [1]],
      ['cp', [0, 1], [PI / 2]],
      ['h', [1]],
    ]),
  ),
  rule('cp', (p) =>
    recipe(2, [
      ['p', [0], [half(at(p, 0))]],
      ['crz', [0, 1], [at(p, 0)]],
    ]),
  ),
  rule('cp', (p) => recipe(2, [['cu1', [0, 1], [at(p, 0)]]])),
  rule('cu1', (p) => recipe(2, [['cp', [0, 1], [at(p, 0)]]])),
  rule('cu3', (p) => recipe(2, [['cu', [0, 1], [at(p, 0), at(p, 1), at(p, 2), 0]]])),
  rule('swap', () =>
    recipe(2, [
      ['cx', [1, 0]],
      ['cx', [0, 1]],
      ['cx', [1, 0]],
    ]),
  ),
  rule('iswap', () => recipe(2, [['xx_plus_yy', [0, 1], [-PI, 0]]])),
  rule('rzz', (p) =>
    recipe(2, [
      ['h', [1]],
      ['rzx', [0, 1], [at(p, 0)]],
      ['h', [1]],
    ]),
  ),
  rule('rzx', (p) =>
    recipe(2, [
      ['h', [1]],
      ['rzz', [0, 1], [at(p, 0)]],
      ['h', [1]],
    ]),
  ),
  rule('ccz', () => recipe(3, [['mcp', [0, 1, 2], [PI]]])),
  rule('c3x', () => recipe(4, [['mcx', [0, 1, 2, 3]]])),
]
