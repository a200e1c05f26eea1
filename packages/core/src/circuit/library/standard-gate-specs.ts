/**
 * The names, arities and parameter names of the standard gate library, exactly as Qiskit names
 * them (`rcccx` is QASM 2's `rc3x`; `c3sx` is QASM 2's `c3sqrtx`). `mcx` and `mcp` take any number
 * of controls (`numQubits: 'variable'`); `global_phase` acts on no qubit.
 */
export const STANDARD_GATE_SPECS = {
  global_phase: { numQubits: 0, params: ['theta'] },
  id: { numQubits: 1, params: [] },
  x: { numQubits: 1, params: [] },
  y: { numQubits: 1, params: [] },
  z: { numQubits: 1, params: [] },
  h: { numQubits: 1, params: [] },
  s: { numQubits: 1, params: [] },
  sdg: { numQubits: 1, params: [] },
  t: { numQubits: 1, params: [] },
  tdg: { numQubits: 1, params: [] },
  sx: { numQubits: 1, params: [] },
  sxdg: { numQubits: 1, params: [] },
  rx: { numQubits: 1, params: ['theta'] },
  ry: { numQubits: 1, params: ['theta'] },
  rz: { numQubits: 1, params: ['phi'] },
  p: { numQubits: 1, params: ['lambda'] },
  r: { numQubits: 1, params: ['theta', 'phi'] },
  u: { numQubits: 1, params: ['theta', 'phi', 'lambda'] },
  u1: { numQubits: 1, params: ['lambda'] },
  u2: { numQubits: 1, params: ['phi', 'lambda'] },
  u3: { numQubits: 1, params: ['theta', 'phi', 'lambda'] },
  cx: { numQubits: 2, params: [] },
  cy: { numQubits: 2, params: [] },
  cz: { numQubits: 2, params: [] },
  ch: { numQubits: 2, params: [] },
  cs: { numQubits: 2, params: [] },
  csdg: { numQubits: 2, params: [] },
  csx: { numQubits: 2, params: [] },
  cp: { numQubits: 2, params: ['lambda'] },
  crx: { numQubits: 2, params: ['theta'] },
  cry: { numQubits: 2, params: ['theta'] },
  crz: { numQubits: 2, params: ['theta'] },
  cu: { numQubits: 2, params: ['theta', 'phi', 'lambda', 'gamma'] },
  cu1: { numQubits: 2, params: ['lambda'] },
  cu3: { numQubits: 2, params: ['theta', 'phi', 'lambda'] },
  swap: { numQubits: 2, params: [] },
  iswap: { numQubits: 2, params: [] },
  dcx: { numQubits: 2, params: [] },
  ecr: { numQubits: 2, params: [] },
  rxx: { numQubits: 2, params: ['theta'] },
  ryy: { numQubits: 2, params: ['theta'] },
  rzz: { numQubits: 2, params: ['theta'] },
  rzx: { numQubits: 2, params: ['theta'] },
  xx_plus_yy: { numQubits: 2, params: ['theta', 'beta'] },
  xx_minus_yy: { numQubits: 2, params: ['theta', 'beta'] },
  ccx: { numQubits: 3, params: [] },
  ccz: { numQubits: 3, params: [] },
  cswap: { numQubits: 3, params: [] },
  rccx: { numQubits: 3, params: [] },
  rcccx: { numQubits: 4, params: [] },
  c3x: { numQubits: 4, params: [] },
  c3sx: { numQubits: 4, params: [] },
  mcx: { numQubits: 'variable', params: [] },
  mcp: { numQubits: 'variable', params: ['lambda'] },
} as const satisfies Record<string, { numQubits: number | 'variable'; params: readonly string[] }>

/** The name of a standard gate. */
export type StandardGateName = keyof typeof STANDARD_GATE_SPECS

/** Every standard gate name, in library order. */
export const STANDARD_GATE_NAMES = Object.keys(STANDARD_GATE_SPECS) as readonly StandardGateName[]

/** Whether `name` names a standard gate. */
export function isStandardGateName(name: string): name is StandardGateName {
  return Object.hasOwn(STANDARD_GATE_SPECS, name)
}
