import { Complex } from '../../math/complex.js'
import type { ComplexMatrix } from '../../math/complex-matrix.js'
import { controlledMatrix } from './gate-matrix-helpers.js'
import { FIXED_MULTI_QUBIT_MATRICES, mcpMatrix, mcxMatrix } from './multi-qubit-gate-matrices.js'
import {
  FIXED_ONE_QUBIT_MATRICES,
  globalPhaseMatrix,
  pMatrix,
  rMatrix,
  rxMatrix,
  ryMatrix,
  rzMatrix,
  u2Matrix,
  uMatrix,
} from './one-qubit-gate-matrices.js'
import { STANDARD_GATE_SPECS, type StandardGateName } from './standard-gate-specs.js'
import {
  FIXED_TWO_QUBIT_MATRICES,
  rxxMatrix,
  ryyMatrix,
  rzxMatrix,
  rzzMatrix,
  xxMinusYyMatrix,
  xxPlusYyMatrix,
} from './two-qubit-gate-matrices.js'

type Params = readonly number[]
type MatrixFn = (p: Params) => ComplexMatrix

/** `p[i]`, which the arity check in {@link standardGateMatrix} guarantees to exist. */
function at(p: Params, i: number): number {
  return p[i]!
}

const x = FIXED_ONE_QUBIT_MATRICES.x

/** Every gate of fixed size, as a function of its numeric parameters. */
const FIXED_SIZE_MATRICES: Record<Exclude<StandardGateName, 'mcx' | 'mcp'>, MatrixFn> = {
  ...FIXED_ONE_QUBIT_MATRICES,
  ...FIXED_TWO_QUBIT_MATRICES,
  ...FIXED_MULTI_QUBIT_MATRICES,
  global_phase: (p) => globalPhaseMatrix(at(p, 0)),
  rx: (p) => rxMatrix(at(p, 0)),
  ry: (p) => ryMatrix(at(p, 0)),
  rz: (p) => rzMatrix(at(p, 0)),
  p: (p) => pMatrix(at(p, 0)),
  u1: (p) => pMatrix(at(p, 0)),
  r: (p) => rMatrix(at(p, 0), at(p, 1)),
  u: (p) => uMatrix(at(p, 0), at(p, 1), at(p, 2)),
  u2: (p) => u2Matrix(at(p, 0), at(p, 1)),
  u3: (p) => uMatrix(at(p, 0), at(p, 1), at(p, 2)),
  cx: () => controlledMatrix(x(), 1),
  cy: () => controlledMatrix(FIXED_ONE_QUBIT_MATRICES.y(), 1),
  cz: () => controlledMatrix(FIXED_ONE_QUBIT_MATRICES.z(), 1),
  ch: () => controlledMatrix(FIXED_ONE_QUBIT_MATRICES.h(), 1),
  cs: () => controlledMatrix(FIXED_ONE_QUBIT_MATRICES.s(), 1),
  csdg: () => controlledMatrix(FIXED_ONE_QUBIT_MATRICES.sdg(), 1),
  csx: () => controlledMatrix(FIXED_ONE_QUBIT_MATRICES.sx(), 1),
  cp: (p) => controlledMatrix(pMatrix(at(p, 0)), 1),
  cu1: (p) => controlledMatrix(pMatrix(at(p, 0)), 1),
  crx: (p) => controlledMatrix(rxMatrix(at(p, 0)), 1),
  cry: (p) => controlledMatrix(ryMatrix(at(p, 0)), 1),
  crz: (p) => controlledMatrix(rzMatrix(at(p, 0)), 1),
  // controlled e^{iγ}·U(θ, φ, λ)
  cu: (p) =>
    controlledMatrix(uMatrix(at(p, 0), at(p, 1), at(p, 2)).scale(Complex.expi(at(p, 3))), 1),
  cu3: (p) => controlledMatrix(uMatrix(at(p, 0), at(p, 1), at(p, 2)), 1),
  rxx: (p) => rxxMatrix(at(p, 0)),
  ryy: (p) => ryyMatrix(at(p, 0)),
  rzz: (p) => rzzMatrix(at(p, 0)),
  rzx: (p) => rzxMatrix(at(p, 0)),
  xx_plus_yy: (p) => xxPlusYyMatrix(at(p, 0), at(p, 1)),
  xx_minus_yy: (p) => xxMinusYyMatrix(at(p, 0), at(p, 1)),
}

/** Options of {@link standardGateMatrix}. */
export interface StandardGateMatrixOptions {
  /** The number of controls of `mcx`/`mcp` (required for them, ignored otherwise). */
  readonly numCtrlQubits?: number | undefined
}

/**
 * The matrix of a standard gate for numeric parameters, exactly as Qiskit defines it (global
 * phase included), in the little-endian convention: bit `k` of a row or column index is the
 * state of `qargs[k]`; controls come first (`cx` has its control on `qargs[0]`).
 *
 * @param name - the gate's name
 * @param params - its parameters, as many as `STANDARD_GATE_SPECS[name].params`
 * @param options - `numCtrlQubits` for `mcx`/`mcp`
 * @returns a fresh `2^n × 2^n` matrix (`1×1` for `global_phase`)
 * @throws RangeError on a wrong number of parameters, or a missing/invalid `numCtrlQubits`
 * @throws TypeError if a parameter is not a finite number
 * @example
 * ```ts
 * standardGateMatrix('cx', []).toArray() // [[1,0,0,0],[0,0,0,1],[0,0,1,0],[0,1,0,0]] (as pairs)
 * standardGateMatrix('mcp', [Math.PI / 3], { numCtrlQubits: 3 })
 * ```
 */
export function standardGateMatrix(
  name: StandardGateName,
  params: readonly number[] = [],
  options: StandardGateMatrixOptions = {},
): ComplexMatrix {
  const spec = STANDARD_GATE_SPECS[name]
  if (params.length !== spec.params.length) {
    throw new RangeError(
      `gate '${name}' takes ${spec.params.length} parameter(s), got ${params.length}`,
    )
  }
  for (const v of params) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new TypeError(`gate '${name}' needs finite numeric parameters, got ${String(v)}`)
    }
  }
  if (name === 'mcx' || name === 'mcp') {
    const n = options.numCtrlQubits
    if (n === undefined || !Number.isInteger(n) || n < 1) {
      throw new RangeError(`gate '${name}' needs numCtrlQubits ≥ 1, got ${String(n)}`)
    }
    return name === 'mcx' ? mcxMatrix(n) : mcpMatrix(at(params, 0), n)
  }
  return FIXED_SIZE_MATRICES[name](params)
}
