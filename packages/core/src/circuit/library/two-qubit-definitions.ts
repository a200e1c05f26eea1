import type { ParameterValue } from '../parameter-expression.js'
import { add, half, neg, PI, recipe, sub, type GateRecipe } from './gate-recipe.js'

type Params = readonly ParameterValue[]

/** `p[i]`, which the arity check of the caller guarantees to exist. */
function at(p: Params, i: number): ParameterValue {
  return p[i]!
}

/** `cp(λ)`-shaped decomposition with the given phase gate (`p` or `u1`). */
function controlledPhase(gate: 'p' | 'u1', lambda: ParameterValue): GateRecipe {
  const h = half(lambda)
  return recipe(2, [
    [gate, [0], [h]],
    ['cx', [0, 1]],
    [gate, [1], [neg(h)]],
    ['cx', [0, 1]],
    [gate, [1], [h]],
  ])
}

/** Controlled `U(θ, φ, λ)` from two CNOTs, as `cu3`/`cu` define it. */
function controlledU(gate: 'u' | 'u3', p: Params, phase: 'p' | 'u1'): GateRecipe {
  const [theta, phi, lambda] = [at(p, 0), at(p, 1), at(p, 2)]
  return recipe(2, [
    [phase, [0], [half(add(lambda, phi))]],
    [phase, [1], [half(sub(lambda, phi))]],
    ['cx', [0, 1]],
    [gate, [1], [neg(half(theta)), 0, neg(half(add(phi, lambda)))]],
    ['cx', [0, 1]],
    [gate, [1], [half(theta), phi, 0]],
  ])
}

/** The two-qubit gates. */
export const TWO_QUBIT_DEFINITIONS: Record<string, (p: Params) => GateRecipe> = {
  cy: () =>
    recipe(2, [
      ['sdg', [1]],
      ['cx', [0, 1]],
      ['s', [1]],
    ]),
  cz: () =>
    recipe(2, [
      ['h', [1]],
      ['cx', [0, 1]],
      ['h', [1]],
    ]),
  ch: () =>
    recipe(2, [
      ['s', [1]],
      ['h', [1]],
      ['t', [1]],
      ['cx', [0, 1]],
      ['tdg', [1]],
      ['h', [1]],
      ['sdg', [1]],
    ]),
  cs: () => controlledPhase('p', PI / 2),
  csdg: () => controlledPhase('p', -PI / 2),
  csx: () =>
    recipe(2, [
      ['h', [1]],
      ['cu1', [0, 1], [PI / 2]],
      ['h', [1]],
    ]),
  cp: (p) => controlledPhase('p', at(p, 0)),
  cu1: (p) => controlledPhase('u1', at(p, 0)),
  crx: (p) =>
    recipe(2, [
      ['u1', [1], [PI / 2]],
      ['cx', [0, 1]],
      ['u3', [1], [neg(half(at(p, 0))), 0, 0]],
      ['cx', [0, 1]],
      ['u3', [1], [half(at(p, 0)), -PI / 2, 0]],
    ]),
  cry: (p) =>
    recipe(2, [
      ['ry', [1], [half(at(p, 0))]],
      ['cx', [0, 1]],
      ['ry', [1], [neg(half(at(p, 0)))]],
      ['cx', [0, 1]],
    ]),
  crz: (p) =>
    recipe(2, [
      ['rz', [1], [half(at(p, 0))]],
      ['cx', [0, 1]],
      ['rz', [1], [neg(half(at(p, 0)))]],
      ['cx', [0, 1]],
    ]),
  cu: (p) => {
    const inner = controlledU('u', p, 'p')
    return { ...inner, steps: [{ gate: 'p', qubits: [0], params: [at(p, 3)] }, ...inner.steps] }
  },
  cu3: (p) => controlledU('u3', p, 'u1'),
  swap: () =>
    recipe(2, [
      ['cx', [0, 1]],
      ['cx', [1, 0]],
      ['cx', [0, 1]],
    ]),
  iswap: () =>
    recipe(2, [
      ['s', [0]],
      ['s', [1]],
      ['h', [0]],
      ['cx', [0, 1]],
      ['cx', [1, 0]],
      ['h', [1]],
    ]),
  dcx: () =>
    recipe(2, [
      ['cx', [0, 1]],
      ['cx', [1, 0]],
    ]),
  ecr: () =>
    recipe(
      2,
      [
        ['s', [0]],
        ['sx', [1]],
        ['cx', [0, 1]],
        ['x', [0]],
      ],
      -PI / 4,
    ),
  rxx: (p) =>
    recipe(2, [
      ['h', [0]],
      ['h', [1]],
      ['cx', [0, 1]],
      ['rz', [1], [at(p, 0)]],
      ['cx', [0, 1]],
      ['h', [1]],
      ['h', [0]],
    ]),
  ryy: (p) =>
    recipe(2, [
      ['rx', [0], [PI / 2]],
      ['rx', [1], [PI / 2]],
      ['cx', [0, 1]],
      ['rz', [1], [at(p, 0)]],
      ['cx', [0, 1]],
      ['rx', [0], [-PI / 2]],
      ['rx', [1], [-PI / 2]],
    ]),
  rzz: (p) =>
    recipe(2, [
      ['cx', [0, 1]],
      ['rz', [1], [at(p, 0)]],
      ['cx', [0, 1]],
    ]),
  rzx: (p) =>
    recipe(2, [
      ['h', [1]],
      ['cx', [0, 1]],
      ['rz', [1], [at(p, 0)]],
      ['cx', [0, 1]],
      ['h', [1]],
    ]),
  xx_plus_yy: (p) => xxYyDefinition(at(p, 0), at(p, 1), 'plus'),
  xx_minus_yy: (p) => xxYyDefinition(at(p, 0), at(p, 1), 'minus'),
}

/**
 * `XX±YY(θ, β)`: conjugate a pair of Y rotations by CNOTs and Clifford frames. For `XX+YY` the
 * phase β sits on qubit 0, for `XX−YY` on qubit 1 (with the roles of the qubits swapped).
 */
function xxYyDefinition(
  theta: ParameterValue,
  beta: ParameterValue,
  kind: 'plus' | 'minus',
): GateRecipe {
  const [a, b] = kind === 'plus' ? [1, 0] : [0, 1]
  const halfTheta = half(theta)
  return recipe(2, [
    ['rz', [b], [kind === 'plus' ? beta : neg(beta)]],
    ['rz', [a], [-PI / 2]],
    ['sx', [a]],
    ['rz', [a], [PI / 2]],
    ['s', [b]],
    ['cx', [a, b]],
    ['ry', [a], [kind === 'plus' ? neg(halfTheta) : halfTheta]],
    ['ry', [b], [neg(halfTheta)]],
    ['cx', [a, b]],
    ['sdg', [b]],
    ['rz', [a], [-PI / 2]],
    ['sxdg', [a]],
    ['rz', [a], [PI / 2]],
    ['rz', [b], [kind === 'plus' ? neg(beta) : beta]],
  ])
}
