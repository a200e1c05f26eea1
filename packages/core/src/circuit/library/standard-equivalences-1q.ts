import { add, half, neg, PI, recipe, sub } from './gate-recipe.js'
import { param as at, rule, type EquivalenceRule } from './equivalence-rule.js'

/** `u(θ, φ, λ) = e^{i((φ+λ)/2 + π/2)}·rz(φ+π)·sx·rz(θ+π)·sx·rz(λ)`, as a circuit. */
export const U_TO_RZ_SX = rule('u', (p) => {
  const [theta, phi, lambda] = [at(p, 0), at(p, 1), at(p, 2)]
  return recipe(
    1,
    [
      ['rz', [0], [lambda]],
      ['sx', [0]],
      ['rz', [0], [add(theta, PI)]],
      ['sx', [0]],
      ['rz', [0], [add(phi, PI)]],
    ],
    add(half(add(phi, lambda)), PI / 2),
  )
})

/** `h = e^{iπ/4}·rz(π/2)·sx·rz(π/2)`. */
export const H_TO_RZ_SX = rule('h', () =>
  recipe(
    1,
    [
      ['rz', [0], [PI / 2]],
      ['sx', [0]],
      ['rz', [0], [PI / 2]],
    ],
    PI / 4,
  ),
)

/** A phase-type gate `diag(1, e^{iλ})` as `rz(λ)` up to `e^{iλ/2}`. */
function phaseToRz(
  gate: 'p' | 'u1' | 's' | 'sdg' | 't' | 'tdg' | 'z',
  fixed?: number,
): EquivalenceRule {
  return rule(gate, (p) => {
    const lambda = fixed ?? at(p, 0)
    return recipe(1, [['rz', [0], [lambda]]], half(lambda))
  })
}

/** A fixed phase gate as `p(λ)`. */
function phaseToP(gate: 's' | 'sdg' | 't' | 'tdg' | 'z', lambda: number): EquivalenceRule {
  return rule(gate, () => recipe(1, [['p', [0], [lambda]]]))
}

/** The one-qubit rules (Qiskit's standard equivalence library is the model). */
export const ONE_QUBIT_RULES: readonly EquivalenceRule[] = [
  rule('id', () => recipe(1, [])),
  rule('global_phase', (p) => recipe(0, [], at(p, 0))),
  rule('x', () => recipe(1, [['u3', [0], [PI, 0, PI]]])),
  rule('x', () => recipe(1, [['u', [0], [PI, 0, PI]]])),
  rule('x', () =>
    recipe(1, [
      ['sx', [0]],
      ['sx', [0]],
    ]),
  ),
  rule('y', () => recipe(1, [['u3', [0], [PI, PI / 2, PI / 2]]])),
  rule('y', () => recipe(1, [['u', [0], [PI, PI / 2, PI / 2]]])),
  rule('y', () =>
    recipe(
      1,
      [
        ['z', [0]],
        ['x', [0]],
      ],
      PI / 2,
    ),
  ),
  rule('y', () =>
    recipe(
      1,
      [
        ['rz', [0], [PI]],
        ['x', [0]],
      ],
      PI,
    ),
  ),
  rule('z', () => recipe(1, [['u', [0], [0, 0, PI]]])),
  phaseToP('z', PI),
  phaseToRz('z', PI),
  rule('h', () => recipe(1, [['u2', [0], [0, PI]]])),
  rule('h', () => recipe(1, [['u', [0], [PI / 2, 0, PI]]])),
  H_TO_RZ_SX,
  phaseToP('s', PI / 2),
  phaseToRz('s', PI / 2),
  rule('s', () =>
    recipe(1, [
      ['t', [0]],
      ['t', [0]],
    ]),
  ),
  rule('s', () => recipe(1, [['u', [0], [0, 0, PI / 2]]])),
  phaseToP('sdg', -PI / 2),
  phaseToRz('sdg', -PI / 2),
  rule('sdg', () => recipe(1, [['u', [0], [0, 0, -PI / 2]]])),
  phaseToP('t', PI / 4),
  phaseToRz('t', PI / 4),
  rule('t', () => recipe(1, [['u', [0], [0, 0, PI / 4]]])),
  phaseToP('tdg', -PI / 4),
  phaseToRz('tdg', -PI / 4),
  rule('tdg', () => recipe(1, [['u', [0], [0, 0, -PI / 4]]])),
  rule('sx', () =>
    recipe(
      1,
      [
        ['sdg', [0]],
        ['h', [0]],
        ['sdg', [0]],
      ],
      PI / 4,
    ),
  ),
  rule('sx', () => recipe(1, [['rx', [0], [PI / 2]]], PI / 4)),
  rule('sx', () => recipe(1, [['u', [0], [PI / 2, -PI / 2, PI / 2]]], PI / 4)),
  rule('sxdg', () =>
    recipe(
      1,
      [
        ['s', [0]],
        ['h', [0]],
        ['s', [0]],
      ],
      -PI / 4,
    ),
  ),
  rule('sxdg', () => recipe(1, [['rx', [0], [-PI / 2]]], -PI / 4)),
  rule('sxdg', () => recipe(1, [['u', [0], [-PI / 2, -PI / 2, PI / 2]]], -PI / 4)),
  rule('sxdg', () =>
    recipe(1, [
      ['sx', [0]],
      ['x', [0]],
    ]),
  ),
  rule('rx', (p) => recipe(1, [['r', [0], [at(p, 0), 0]]])),
  rule('rx', (p) => recipe(1, [['u', [0], [at(p, 0), -PI / 2, PI / 2]]])),
  rule('rx', (p) =>
    recipe(
      1,
      [
        ['rz', [0], [PI / 2]],
        ['sx', [0]],
        ['rz', [0], [add(at(p, 0), PI)]],
        ['sx', [0]],
        ['rz', [0], [PI / 2]],
      ],
      PI / 2,
    ),
  ),
  rule('ry', (p) => recipe(1, [['r', [0], [at(p, 0), PI / 2]]])),
  rule('ry', (p) => recipe(1, [['u', [0], [at(p, 0), 0, 0]]])),
  rule('ry', (p) =>
    recipe(
      1,
      [
        ['sx', [0]],
        ['rz', [0], [add(at(p, 0), PI)]],
        ['sx', [0]],
        ['rz', [0], [PI]],
      ],
      PI / 2,
    ),
  ),
  rule('rz', (p) => recipe(1, [['p', [0], [at(p, 0)]]], neg(half(at(p, 0))))),
  rule('rz', (p) => recipe(1, [['u1', [0], [at(p, 0)]]], neg(half(at(p, 0))))),
  rule('rz', (p) => recipe(1, [['u', [0], [0, 0, at(p, 0)]]], neg(half(at(p, 0))))),
  rule('p', (p) => recipe(1, [['u', [0], [0, 0, at(p, 0)]]])),
  rule('p', (p) => recipe(1, [['u1', [0], [at(p, 0)]]])),
  phaseToRz('p'),
  rule('u1', (p) => recipe(1, [['u3', [0], [0, 0, at(p, 0)]]])),
  rule('u1', (p) => recipe(1, [['p', [0], [at(p, 0)]]])),
  rule('u1', (p) => recipe(1, [['u', [0], [0, 0, at(p, 0)]]])),
  phaseToRz('u1'),
  rule('r', (p) =>
    recipe(1, [['u3', [0], [at(p, 0), sub(at(p, 1), PI / 2), sub(PI / 2, at(p, 1))]]]),
  ),
  rule('r', (p) =>
    recipe(1, [['u', [0], [at(p, 0), sub(at(p, 1), PI / 2), sub(PI / 2, at(p, 1))]]]),
  ),
  rule('u2', (p) => recipe(1, [['u', [0], [PI / 2, at(p, 0), at(p, 1)]]])),
  rule('u2', (p) => recipe(1, [['u3', [0], [PI / 2, at(p, 0), at(p, 1)]]])),
  rule('u2', (p) =>
    recipe(
      1,
      [
        ['rz', [0], [sub(at(p, 1), PI / 2)]],
        ['sx', [0]],
        ['rz', [0], [add(at(p, 0), PI / 2)]],
      ],
      sub(half(add(at(p, 0), at(p, 1))), PI / 4),
    ),
  ),
  rule('u3', (p) => recipe(1, [['u', [0], [at(p, 0), at(p, 1), at(p, 2)]]])),
  rule('u3', (p) => U_TO_RZ_SX.build(p)),
  rule('u', (p) => recipe(1, [['u3', [0], [at(p, 0), at(p, 1), at(p, 2)]]])),
  U_TO_RZ_SX,
]
