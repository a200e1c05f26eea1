import type { ParameterValue } from '../parameter-expression.js'
import { negValue as neg, subValues as sub } from '../parameter-functions.js'
import type { StandardGateName } from './standard-gate-specs.js'

/** A standard gate by name, parameters and (for `mcx`/`mcp`) number of controls. */
export interface StandardGateCall {
  readonly name: StandardGateName
  readonly params: readonly ParameterValue[]
  readonly numCtrlQubits?: number | undefined
}

const SELF_INVERSE = new Set<StandardGateName>([
  'id',
  'x',
  'y',
  'z',
  'h',
  'cx',
  'cy',
  'cz',
  'ch',
  'swap',
  'ecr',
  'ccx',
  'ccz',
  'cswap',
  'c3x',
  'mcx',
])

const SWAPPED: Partial<Record<StandardGateName, StandardGateName>> = {
  s: 'sdg',
  sdg: 's',
  t: 'tdg',
  tdg: 't',
  sx: 'sxdg',
  sxdg: 'sx',
  cs: 'csdg',
  csdg: 'cs',
}

/** Gates whose inverse negates every parameter. */
const NEGATED = new Set<StandardGateName>([
  'global_phase',
  'rx',
  'ry',
  'rz',
  'p',
  'u1',
  'cp',
  'cu1',
  'crx',
  'cry',
  'crz',
  'rxx',
  'ryy',
  'rzz',
  'rzx',
  'mcp',
])

type Params = readonly ParameterValue[]

function at(p: Params, i: number): ParameterValue {
  return p[i]!
}

/** `u(θ, φ, λ)† = u(−θ, −λ, −φ)`, and likewise for `u3`/`cu3`, `cu` (also negating γ). */
function uInverse(name: 'u' | 'u3' | 'cu3' | 'cu'): (p: Params) => StandardGateCall {
  return (p) => ({
    name,
    params: [neg(at(p, 0)), neg(at(p, 2)), neg(at(p, 1)), ...p.slice(3).map(neg)],
  })
}

/** The parametric gates whose inverse is not plain negation. */
const PARAMETRIC: Partial<Record<StandardGateName, (p: Params) => StandardGateCall>> = {
  u: uInverse('u'),
  u3: uInverse('u3'),
  cu3: uInverse('cu3'),
  cu: uInverse('cu'),
  u2: (p) => ({ name: 'u2', params: [sub(neg(at(p, 1)), Math.PI), sub(Math.PI, at(p, 0))] }),
  r: (p) => ({ name: 'r', params: [neg(at(p, 0)), at(p, 1)] }),
  xx_plus_yy: (p) => ({ name: 'xx_plus_yy', params: [neg(at(p, 0)), at(p, 1)] }),
  xx_minus_yy: (p) => ({ name: 'xx_minus_yy', params: [neg(at(p, 0)), at(p, 1)] }),
}

/**
 * The inverse of a standard gate as another standard gate, where Qiskit has one: `s → sdg`,
 * `rx(θ) → rx(−θ)`, `u(θ, φ, λ) → u(−θ, −λ, −φ)`, `u2(φ, λ) → u2(−λ−π, −φ+π)`, … Parameters are
 * negated symbolically.
 *
 * @param gate - the gate
 * @returns the inverse, or `undefined` when the inverse is not a standard gate (`iswap`, `dcx`,
 *   `rccx`, `rcccx`, `csx`, `c3sx`)
 */
export function standardInverse(gate: StandardGateCall): StandardGateCall | undefined {
  const { name, params: p } = gate
  if (SELF_INVERSE.has(name)) return gate
  const swapped = SWAPPED[name]
  if (swapped !== undefined) return { name: swapped, params: [] }
  if (NEGATED.has(name)) return { ...gate, params: p.map(neg) }
  return PARAMETRIC[name]?.(p)
}
