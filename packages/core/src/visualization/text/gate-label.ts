import type { Instruction } from '../../circuit/index.js'
import { formatParam } from '../format-param.js'

/** How a gate is drawn: its box label, and how many of its first qargs are drawn as controls. */
export interface GateDrawing {
  readonly label: string
  readonly numControls: number
  /** Draw the targets as dots too (symmetric gates: cz, cp, ccz, mcp). */
  readonly isSymmetric: boolean
  /** Draw the targets as ╳ (swap, cswap). */
  readonly isSwap: boolean
}

const DISPLAY: Readonly<Record<string, string>> = {
  id: 'I',
  x: 'X',
  y: 'Y',
  z: 'Z',
  h: 'H',
  s: 'S',
  sdg: 'Sdg',
  t: 'T',
  tdg: 'Tdg',
  sx: '√X',
  sxdg: '√Xdg',
  rx: 'Rx',
  ry: 'Ry',
  rz: 'Rz',
  p: 'P',
  r: 'R',
  u: 'U',
  u1: 'U1',
  u2: 'U2',
  u3: 'U3',
  iswap: 'Iswap',
  dcx: 'Dcx',
  ecr: 'Ecr',
  rxx: 'Rxx',
  ryy: 'Ryy',
  rzz: 'Rzz',
  rzx: 'Rzx',
  xx_plus_yy: '(XX+YY)',
  xx_minus_yy: '(XX-YY)',
  rccx: 'Rccx',
  rcccx: 'Rcccx',
  measure: 'M',
  global_phase: 'GPhase',
  unitary: 'Unitary',
  if_else: 'If_else',
  while_loop: 'While',
  for_loop: 'For',
  box: 'Box',
  delay: 'Delay',
}

/** Standard controlled gates: name → [number of controls, drawn base name, symmetric]. */
const CONTROLLED: Readonly<Record<string, readonly [number, string, boolean]>> = {
  cx: [1, 'x', false],
  cy: [1, 'y', false],
  cz: [1, 'z', true],
  ch: [1, 'h', false],
  cs: [1, 's', false],
  csdg: [1, 'sdg', false],
  csx: [1, 'sx', false],
  cp: [1, 'p', true],
  crx: [1, 'rx', false],
  cry: [1, 'ry', false],
  crz: [1, 'rz', false],
  cu: [1, 'u', false],
  cu1: [1, 'u1', true],
  cu3: [1, 'u3', false],
  ccx: [2, 'x', false],
  ccz: [2, 'z', true],
  c3x: [3, 'x', false],
  c3sx: [3, 'sx', false],
  cswap: [1, 'swap', false],
}

function labelFor(name: string, params: string[]): string {
  const base = DISPLAY[name] ?? name
  return params.length === 0 ? base : `${base}(${params.join(',')})`
}

/**
 * Decides how an operation is drawn.
 *
 * @param op - the operation
 * @returns its label and control structure
 */
export function gateDrawing(op: Instruction): GateDrawing {
  const params = op.params.map(formatParam)
  const unit = (op as { unit?: unknown }).unit
  if (op.name === 'delay' && typeof unit === 'string') {
    return plain(`Delay(${params[0] ?? ''}[${unit}])`)
  }
  const ctrl = CONTROLLED[op.name]
  if (ctrl !== undefined) {
    const [numControls, base, isSymmetric] = ctrl
    return { label: labelFor(base, params), numControls, isSymmetric, isSwap: base === 'swap' }
  }
  if (op.name === 'swap') return { label: '', numControls: 0, isSymmetric: false, isSwap: true }
  if (op.name === 'mcx') {
    return { label: 'X', numControls: op.numQubits - 1, isSymmetric: false, isSwap: false }
  }
  if (op.name === 'mcp') {
    return {
      label: labelFor('p', params),
      numControls: op.numQubits - 1,
      isSymmetric: true,
      isSwap: false,
    }
  }
  const controlled = op as Partial<{ numCtrlQubits: number; baseGate: Instruction }>
  if (typeof controlled.numCtrlQubits === 'number' && controlled.baseGate !== undefined) {
    const inner = gateDrawing(controlled.baseGate)
    return { ...inner, numControls: controlled.numCtrlQubits + inner.numControls }
  }
  return plain(op.label ?? labelFor(op.name, params))
}

function plain(label: string): GateDrawing {
  return { label, numControls: 0, isSymmetric: false, isSwap: false }
}
