import type { ParameterValue } from '../parameter-expression.js'
import type { StandardGateCall } from './standard-gate-inverse.js'
import type { StandardGateName } from './standard-gate-specs.js'

/** The X gate with `total` controls: `cx`, `ccx`, `c3x`, then `mcx`. */
function xWithControls(total: number): StandardGateCall {
  if (total === 1) return { name: 'cx', params: [] }
  if (total === 2) return { name: 'ccx', params: [] }
  if (total === 3) return { name: 'c3x', params: [] }
  return { name: 'mcx', params: [], numCtrlQubits: total }
}

/** The phase gate `diag(1, e^{iλ})` with `total` controls: `cp`, then `mcp`. */
function phaseWithControls(lambda: ParameterValue, total: number): StandardGateCall {
  return total === 1
    ? { name: 'cp', params: [lambda] }
    : { name: 'mcp', params: [lambda], numCtrlQubits: total }
}

/** Gates that become one named standard gate under exactly one control. */
const SINGLY_CONTROLLED: Partial<Record<StandardGateName, StandardGateName>> = {
  y: 'cy',
  h: 'ch',
  s: 'cs',
  sdg: 'csdg',
  sx: 'csx',
  u3: 'cu3',
  rx: 'crx',
  ry: 'cry',
  rz: 'crz',
  swap: 'cswap',
}

/** How many controls the X-family and phase-family gates already have. */
const X_FAMILY: Partial<Record<StandardGateName, number>> = { x: 0, cx: 1, ccx: 2, c3x: 3 }
const PHASE_FAMILY: Partial<Record<StandardGateName, number>> = { p: 0, cp: 1, u1: 0, cu1: 1 }

/**
 * A standard gate controlled by `n` more qubits (all in state 1), as the standard gate Qiskit
 * returns: `x → cx → ccx → c3x → mcx`, `z → cz → ccz`, `p → cp → mcp`, `u1 → cu1`,
 * `u → cu(θ, φ, λ, 0)`, `rx → crx`, `swap → cswap`, `global_phase(θ) → p(θ) / mcp(θ)`, …
 *
 * @param gate - the gate to control
 * @param n - the number of new controls (≥ 1), which come first in the qargs
 * @returns the controlled gate, or `undefined` if it is not a standard gate
 */
export function standardControl(gate: StandardGateCall, n: number): StandardGateCall | undefined {
  return familyControl(gate, n) ?? fixedControl(gate, n)
}

/** The X family (`x`, `cx`, `ccx`, `c3x`, `mcx`), the phase family and `global_phase`. */
function familyControl(gate: StandardGateCall, n: number): StandardGateCall | undefined {
  const { name, params } = gate
  const xCtrls = X_FAMILY[name] ?? (name === 'mcx' ? gate.numCtrlQubits : undefined)
  if (xCtrls !== undefined) return xWithControls(xCtrls + n)
  const pCtrls = PHASE_FAMILY[name] ?? (name === 'mcp' ? gate.numCtrlQubits : undefined)
  if (pCtrls !== undefined) {
    // u1 keeps its own name under one control (cu1), as Qiskit's U1Gate.control does
    if (name === 'u1' && n === 1) return { name: 'cu1', params }
    return phaseWithControls(params[0]!, pCtrls + n)
  }
  if (name === 'global_phase') {
    // e^{iθ} applied when all n controls are 1 is the phase gate on those controls
    return n === 1 ? { name: 'p', params } : { name: 'mcp', params, numCtrlQubits: n - 1 }
  }
  return undefined
}

/** The gates with a standard controlled form for a fixed number of controls. */
function fixedControl(gate: StandardGateCall, n: number): StandardGateCall | undefined {
  const { name, params } = gate
  if (name === 'z' && n <= 2) return { name: n === 1 ? 'cz' : 'ccz', params: [] }
  if (name === 'cz' && n === 1) return { name: 'ccz', params: [] }
  if (n !== 1) return undefined
  if (name === 'u') return { name: 'cu', params: [...params, 0] }
  const single = SINGLY_CONTROLLED[name]
  return single === undefined ? undefined : { name: single, params }
}
