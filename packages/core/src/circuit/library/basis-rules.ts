import type { ParameterValue } from '../parameter-expression.js'
import { add, half, PI, recipe, sub, type GateRecipe, type RecipeStep } from './gate-recipe.js'
import { param as at, type EquivalenceRule } from './equivalence-rule.js'
import { flattenRecipe, mergeRotations, type StepExpander } from './recipe-flatten.js'
import { H_TO_RZ_SX, U_TO_RZ_SX } from './standard-equivalences-1q.js'
import { standardGateDefinition } from './standard-gate-definitions.js'
import { STANDARD_GATE_SPECS, type StandardGateName } from './standard-gate-specs.js'

/** The two bases every standard gate has a direct rule into. */
export const EQUIVALENCE_BASES = {
  /** Qiskit's universal basis: `cx` and `u` (global phases go to the circuit's phase). */
  'cx-u': new Set<StandardGateName>(['cx', 'u']),
  /** IBM's Heron basis. */
  'cz-rz-sx-x': new Set<StandardGateName>(['cz', 'rz', 'sx', 'x']),
} as const

/** The name of one of {@link EQUIVALENCE_BASES}. */
export type EquivalenceBasis = keyof typeof EQUIVALENCE_BASES

/** A step's number of controls (mcx/mcp: all qubits but the target). */
function ctrlCount(step: RecipeStep): number {
  return step.qubits.length - 1
}

const byDefinition: StepExpander = (step) =>
  standardGateDefinition(step.gate, step.params, ctrlCount(step))

/**
 * `u(θ, φ, λ)` over `rz`/`sx`/`x`: the general five-gate form, shortened when θ is a known
 * multiple of π/2 (so that gates with fixed angles flatten to short circuits).
 */
function uToRzSx(p: readonly ParameterValue[]): GateRecipe {
  const [theta, phi, lambda] = [at(p, 0), at(p, 1), at(p, 2)]
  const sum = half(add(phi, lambda))
  if (theta === 0) return recipe(1, [['rz', [0], [add(phi, lambda)]]], sum)
  if (theta === PI / 2) {
    return recipe(
      1,
      [
        ['rz', [0], [sub(lambda, PI / 2)]],
        ['sx', [0]],
        ['rz', [0], [add(phi, PI / 2)]],
      ],
      sub(sum, PI / 4),
    )
  }
  if (theta === PI) {
    return recipe(
      1,
      [
        ['rz', [0], [add(sub(lambda, phi), PI)]],
        ['x', [0]],
      ],
      add(sum, PI / 2),
    )
  }
  return U_TO_RZ_SX.build(p)
}

/** Phase-type gates: `diag(1, e^{iλ}) = e^{iλ/2}·rz(λ)`. */
const PHASES: Partial<Record<StandardGateName, number>> = {
  z: PI,
  s: PI / 2,
  sdg: -PI / 2,
  t: PI / 4,
  tdg: -PI / 4,
}

type Params = readonly ParameterValue[]

/** The rewrites into `{cz, rz, sx, x}` that differ from the gate's definition. */
const CZ_BASIS_REWRITES: Partial<Record<StandardGateName, (p: Params) => GateRecipe>> = {
  u: uToRzSx,
  u3: uToRzSx,
  u2: (p) => uToRzSx([PI / 2, at(p, 0), at(p, 1)]),
  p: (p) => recipe(1, [['rz', [0], [at(p, 0)]]], half(at(p, 0))),
  u1: (p) => recipe(1, [['rz', [0], [at(p, 0)]]], half(at(p, 0))),
  h: (p) => H_TO_RZ_SX.build(p),
  y: () =>
    recipe(
      1,
      [
        ['rz', [0], [PI]],
        ['x', [0]],
      ],
      PI,
    ),
  sxdg: () =>
    recipe(1, [
      ['sx', [0]],
      ['x', [0]],
    ]),
  cx: () =>
    recipe(2, [
      ['h', [1]],
      ['cz', [0, 1]],
      ['h', [1]],
    ]),
}

const TO_CZ_RZ_SX_X: StepExpander = (step) => {
  const rewrite = CZ_BASIS_REWRITES[step.gate]
  if (rewrite !== undefined) return rewrite(step.params)
  const lambda = PHASES[step.gate]
  if (lambda !== undefined) return recipe(1, [['rz', [0], [lambda]]], lambda / 2)
  return byDefinition(step)
}

const EXPANDERS: Record<EquivalenceBasis, StepExpander> = {
  'cx-u': byDefinition,
  'cz-rz-sx-x': TO_CZ_RZ_SX_X,
}

/**
 * A rule taking a standard gate directly into one of the two {@link EQUIVALENCE_BASES}: the
 * gate's definitions (and, for the `cz` basis, the rules `u → rz·sx·rz·sx·rz`,
 * `cx → h·cz·h`, …) are applied until only basis gates remain; runs of `rz` and of phase-type
 * `u` are then merged.
 *
 * @param gate - the gate
 * @param basis - which basis
 * @param numCtrlQubits - the number of controls of `mcx`/`mcp`
 * @returns the rule
 */
export function ruleIntoBasis(
  gate: StandardGateName,
  basis: EquivalenceBasis,
  numCtrlQubits?: number,
): EquivalenceRule {
  const spec = STANDARD_GATE_SPECS[gate]
  const numQubits = spec.numQubits === 'variable' ? (numCtrlQubits ?? 1) + 1 : spec.numQubits
  const build = (params: readonly ParameterValue[]): GateRecipe => {
    const qubits = Array.from({ length: numQubits }, (_, k) => k)
    const start: GateRecipe = { numQubits, globalPhase: 0, steps: [{ gate, qubits, params }] }
    const flat = flattenRecipe(start, EQUIVALENCE_BASES[basis], EXPANDERS[basis])
    return mergeRotations(flat)
  }
  return numCtrlQubits === undefined ? { gate, build } : { gate, numCtrlQubits, build }
}
