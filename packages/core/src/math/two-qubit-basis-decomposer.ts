import { Complex } from './complex.js'
import { ComplexMatrix } from './complex-matrix.js'
import type { EulerBasis } from './euler-angles.js'
import { eulerSequence } from './euler-sequence.js'
import { MathError } from './math-error.js'
import { DEFAULT_ATOL } from './tolerances.js'
import { canonicalTemplate, CZ_MATRIX, type LocalLayer } from './two-qubit-templates.js'
import { twoQubitWeylDecomposition, type TwoQubitWeylDecomposition } from './two-qubit-weyl.js'

/** One gate of a two-qubit synthesis. `qubits` index the two qubits of the input (0 = low bit). */
export interface TwoQubitSynthesisGate {
  /** A standard gate name (the Euler basis's 1-qubit gates, or the basis gate's name). */
  readonly name: string
  readonly qubits: readonly number[]
  readonly params: readonly number[]
  /** The basis gate's matrix, on the basis-gate entries only. */
  readonly matrix?: ComplexMatrix
}

/** A two-qubit gate sequence in circuit order and its global phase. */
export interface TwoQubitSynthesis {
  readonly gates: readonly TwoQubitSynthesisGate[]
  /** In radians; the product of the gates times `e^{i·globalPhase}` is the input. */
  readonly globalPhase: number
  /** How many basis gates the sequence uses (0–3). */
  readonly numBasisGates: number
}

/** A basis gate by standard name, or any gate locally equivalent to CX by name and matrix. */
export type TwoQubitBasisGate =
  'cx' | 'cz' | 'ecr' | { readonly name: string; readonly matrix: ComplexMatrix }

/** Options of {@link TwoQubitBasisDecomposer}. */
export interface TwoQubitBasisDecomposerOptions {
  /** The basis of the 1-qubit gates between the basis gates (default `'U'`: `u(θ, φ, λ)`). */
  readonly eulerBasis?: EulerBasis | undefined
  /**
   * The fidelity of one basis gate. Below 1, Qiskit's rule picks the gate count that maximises
   * the expected fidelity, which may approximate the input (default 1: exact).
   */
  readonly basisFidelity?: number | undefined
  /** Exact mode: Weyl coordinates within `atol` of a cheaper class use it (default 1e-10). */
  readonly atol?: number | undefined
}

const S = Math.SQRT1_2
const BASIS_MATRICES = {
  cx: ComplexMatrix.fromRows([
    [1, 0, 0, 0],
    [0, 0, 0, 1],
    [0, 0, 1, 0],
    [0, 1, 0, 0],
  ]),
  cz: CZ_MATRIX,
  ecr: ComplexMatrix.fromRows([
    [0, S, 0, [0, S]],
    [S, 0, [0, -S], 0],
    [0, [0, S], 0, S],
    [[0, -S], 0, S, 0],
  ]),
} as const

/** `CZ = e^{iφ}·(left.l ⊗ left.r)·G·(right.l ⊗ right.r)` for the basis gate G. */
interface CzFromBasis {
  readonly right: LocalLayer
  readonly left: LocalLayer
}

/**
 * Synthesises any two-qubit unitary with the fewest uses (0–3) of a basis gate locally
 * equivalent to CX (`cx`, `cz`, `ecr`, or a custom one given by matrix), like Qiskit's
 * `TwoQubitBasisDecomposer`. The input's KAK decomposition is matched against fixed CZ circuits
 * for the canonical gate, and each CZ is rewritten into the basis gate with local corrections
 * derived from the basis gate's own KAK decomposition. The 1-qubit layers are emitted as Euler
 * sequences (by default `u` gates; identities are dropped).
 *
 * @example
 * ```ts
 * const cx = new TwoQubitBasisDecomposer('cx')
 * const { gates, globalPhase, numBasisGates } = cx.decompose(swapMatrix) // 3 cx
 * ```
 */
export class TwoQubitBasisDecomposer {
  /** The basis gate's name, as emitted. */
  readonly gateName: string
  /** The basis gate's 4×4 matrix (little-endian on qubits [0, 1]). */
  readonly gateMatrix: ComplexMatrix
  private readonly eulerBasis: EulerBasis
  private readonly basisFidelity: number
  private readonly atol: number
  private readonly cz: CzFromBasis

  /**
   * @param gate - the basis gate: `'cx'`, `'cz'`, `'ecr'` or `{ name, matrix }`
   * @param options - the 1-qubit basis, the basis fidelity and the tolerance
   * @throws MathError `math.unsupported-basis` when the gate is not locally equivalent to CX
   * @throws RangeError when `basisFidelity` is not in (0, 1]
   */
  constructor(gate: TwoQubitBasisGate, options: TwoQubitBasisDecomposerOptions = {}) {
    this.gateName = typeof gate === 'string' ? gate : gate.name
    this.gateMatrix = typeof gate === 'string' ? BASIS_MATRICES[gate] : gate.matrix
    this.eulerBasis = options.eulerBasis ?? 'U'
    this.basisFidelity = options.basisFidelity ?? 1
    if (!(this.basisFidelity > 0 && this.basisFidelity <= 1)) {
      throw new RangeError(`basisFidelity must be in (0, 1], got ${this.basisFidelity}`)
    }
    this.atol = options.atol ?? DEFAULT_ATOL
    this.cz = czFromBasis(this.gateMatrix, this.gateName)
  }

  /**
   * How many basis gates {@link decompose} uses for `u`.
   *
   * @param u - a 4×4 unitary
   * @returns 0, 1, 2 or 3
   */
  numBasisGates(u: ComplexMatrix): number {
    return this.chooseCount(twoQubitWeylDecomposition(u))
  }

  /**
   * Synthesises `u`.
   *
   * @param u - a 4×4 unitary, little-endian (qubit 0 is the low bit of the index)
   * @returns the gates (1-qubit gates in the Euler basis on qubit 0 or 1, the basis gate on
   *   qubits [0, 1]) and the global phase
   * @throws RangeError when `u` is not 4×4; MathError `math.not-unitary` when it is not unitary
   */
  decompose(u: ComplexMatrix): TwoQubitSynthesis {
    const w = twoQubitWeylDecomposition(u)
    const k = this.chooseCount(w)
    const layers = this.layersFor(w, k)
    const gates: TwoQubitSynthesisGate[] = []
    let product = ComplexMatrix.identity(4)
    let eulerPhase = 0
    layers.forEach((layer, i) => {
      if (i > 0) {
        gates.push({ name: this.gateName, qubits: [0, 1], params: [], matrix: this.gateMatrix })
        product = this.gateMatrix.mul(product)
      }
      for (const [q, m] of [
        [0, layer.r],
        [1, layer.l],
      ] as const) {
        const seq = eulerSequence(m, this.eulerBasis)
        eulerPhase += seq.globalPhase
        for (const g of seq.gates) gates.push({ name: g.name, qubits: [q], params: g.params })
      }
      product = layer.l.kron(layer.r).mul(product)
    })
    // The layers reproduce u up to a phase; read it off the product (exact to rounding).
    const phase = product.adjoint().mul(u).trace().arg()
    return { gates, globalPhase: normalisePhase(phase + eulerPhase), numBasisGates: k }
  }

  private chooseCount(w: TwoQubitWeylDecomposition): number {
    if (this.basisFidelity < 1) return expectedFidelityCount(w, this.basisFidelity)
    return exactCount(w, this.atol)
  }

  /** The local layers around the k basis gates: K2 first, the CZ template, K1 last. */
  private layersFor(w: TwoQubitWeylDecomposition, k: number): LocalLayer[] {
    const t = canonicalTemplate(k, [w.a, w.b, w.c])
    const layers = t.map((layer, i) => {
      let { l, r } = layer
      // Each CZ between layers i and i+1 becomes left·G·right.
      if (i < t.length - 1) {
        l = this.cz.right.l.mul(l)
        r = this.cz.right.r.mul(r)
      }
      if (i > 0) {
        l = l.mul(this.cz.left.l)
        r = r.mul(this.cz.left.r)
      }
      return { l, r }
    })
    const first = layers[0]!
    layers[0] = { l: first.l.mul(w.k2l), r: first.r.mul(w.k2r) }
    const last = layers[layers.length - 1]!
    layers[layers.length - 1] = { l: w.k1l.mul(last.l), r: w.k1r.mul(last.r) }
    return layers
  }
}

/**
 * The fewest CX (or CZ, ECR, …) a two-qubit unitary needs: 0 for a product of 1-qubit gates, 1
 * for a gate locally equivalent to CX, 2 when the Weyl coordinate `c` vanishes, 3 otherwise.
 *
 * @param u - a 4×4 unitary
 * @param atol - the tolerance on the Weyl coordinates (default 1e-10)
 * @returns 0, 1, 2 or 3
 * @throws RangeError when `u` is not 4×4; MathError `math.not-unitary` when it is not unitary
 */
export function numBasisGatesNeeded(u: ComplexMatrix, atol: number = DEFAULT_ATOL): number {
  return exactCount(twoQubitWeylDecomposition(u), atol)
}

/** The gate count of the cheapest template that reproduces the coordinates within `t`. */
function exactCount(w: TwoQubitWeylDecomposition, t: number): number {
  const { a, b, c } = w
  if (a <= t && b <= t && Math.abs(c) <= t) return 0
  if (Math.abs(a - Math.PI / 4) <= t && b <= t && Math.abs(c) <= t) return 1
  if (Math.abs(c) <= t) return 2
  return 3
}

/** Locals turning the basis gate into CZ, from both gates' KAK decompositions. */
function czFromBasis(g: ComplexMatrix, name: string): CzFromBasis {
  const wg = twoQubitWeylDecomposition(g)
  const tol = 1e-9
  if (Math.abs(wg.a - Math.PI / 4) > tol || Math.abs(wg.b) > tol || Math.abs(wg.c) > tol) {
    throw new MathError(
      'math.unsupported-basis',
      `basis gate ${name} is not locally equivalent to CX (Weyl coordinates ${wg.a}, ${wg.b}, ${wg.c})`,
    )
  }
  const wz = twoQubitWeylDecomposition(CZ_MATRIX)
  // G = K1g·N·K2g and CZ = K1z·N·K2z (phases aside) give CZ = (K1z·K1g†)·G·(K2g†·K2z).
  return {
    left: { l: wz.k1l.mul(wg.k1l.adjoint()), r: wz.k1r.mul(wg.k1r.adjoint()) },
    right: { l: wg.k2l.adjoint().mul(wz.k2l), r: wg.k2r.adjoint().mul(wz.k2r) },
  }
}

/** Qiskit's choice: argmax over k of `traceToFidelity(trace_k)·basisFidelity^k`. */
function expectedFidelityCount(w: TwoQubitWeylDecomposition, basisFidelity: number): number {
  const { a, b, c } = w
  const traces = [
    new Complex(Math.cos(a) * Math.cos(b) * Math.cos(c), Math.sin(a) * Math.sin(b) * Math.sin(c)),
    new Complex(
      Math.cos(Math.PI / 4 - a) * Math.cos(b) * Math.cos(c),
      Math.sin(Math.PI / 4 - a) * Math.sin(b) * Math.sin(c),
    ),
    new Complex(Math.cos(c), 0),
    Complex.ONE,
  ].map((t) => t.mul(4))
  let best = 0
  let bestFid = -1
  traces.forEach((t, k) => {
    const fid = ((4 + t.abs2()) / 20) * basisFidelity ** k
    if (fid > bestFid) [best, bestFid] = [k, fid]
  })
  return best
}

function normalisePhase(p: number): number {
  const twoPi = 2 * Math.PI
  let r = ((p % twoPi) + twoPi) % twoPi
  if (r > Math.PI) r -= twoPi
  return r
}
