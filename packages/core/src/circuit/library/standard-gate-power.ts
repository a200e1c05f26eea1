import type { ParameterValue } from '../parameter-expression.js'
import { mulValues as mul } from '../parameter-functions.js'
import type { StandardGateCall } from './standard-gate-inverse.js'
import type { StandardGateName } from './standard-gate-specs.js'

/** Rotation-type gates: `g(θ, …)^k = g(kθ, …)` (the first parameter scales). */
const SCALES_FIRST = new Set<StandardGateName>([
  'global_phase',
  'rx',
  'ry',
  'rz',
  'p',
  'u1',
  'r',
  'cp',
  'cu1',
  'crx',
  'cry',
  'crz',
  'rxx',
  'ryy',
  'rzz',
  'rzx',
  'xx_plus_yy',
  'xx_minus_yy',
  'mcp',
])

/** Fixed phase-type gates as powers of a phase gate: `s^k = p(kπ/2)`, `cz^k = cp(kπ)`, … */
const PHASE_POWERS: Partial<Record<StandardGateName, readonly [StandardGateName, number]>> = {
  z: ['p', Math.PI],
  s: ['p', Math.PI / 2],
  sdg: ['p', -Math.PI / 2],
  t: ['p', Math.PI / 4],
  tdg: ['p', -Math.PI / 4],
  cz: ['cp', Math.PI],
  cs: ['cp', Math.PI / 2],
  csdg: ['cp', -Math.PI / 2],
}

/**
 * A standard gate raised to the power `k` as another standard gate, where Qiskit has one:
 * rotations scale their angle (`rx(θ)^k = rx(kθ)`), phase gates become phase gates
 * (`s^k = p(kπ/2)`), and `iswap^k = xx_plus_yy(−kπ, 0)`.
 *
 * @param gate - the gate
 * @param k - the exponent (finite)
 * @returns the power, or `undefined` to fall back to the generic power
 */
export function standardPower(gate: StandardGateCall, k: number): StandardGateCall | undefined {
  const { name, params } = gate
  if (SCALES_FIRST.has(name)) {
    return { ...gate, params: params.map((v: ParameterValue, i) => (i === 0 ? mul(v, k) : v)) }
  }
  const phase = PHASE_POWERS[name]
  if (phase !== undefined) return { name: phase[0], params: [phase[1] * k] }
  if (name === 'iswap') return { name: 'xx_plus_yy', params: [-Math.PI * k, 0] }
  return undefined
}
