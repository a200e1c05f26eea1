import { ComplexMatrix } from './complex-matrix.js'
import { eulerAngles, type EulerBasis } from './euler-angles.js'
import {
  emitKak,
  emitPsx,
  emitRr,
  emitU3,
  emitU321,
  type EmitterAngles,
  type GateSink,
} from './euler-emitters.js'
import { oneQubitGateMatrix, type OneQubitGateName } from './one-qubit-gate-matrix.js'

/** One gate of a 1-qubit synthesis: a standard gate name and its angles. */
export interface OneQubitGate {
  readonly name: OneQubitGateName
  readonly params: readonly number[]
}

/** A 1-qubit gate sequence (in circuit order) and its global phase. */
export interface OneQubitSequence {
  /** The gates, first applied first; their product (last gate leftmost) times `e^{i·globalPhase}` is the input. */
  readonly gates: readonly OneQubitGate[]
  /** The global phase in radians, normalised to `(-π, π]`. */
  readonly globalPhase: number
}

/** Options of {@link eulerSequence}. */
export interface EulerSequenceOptions {
  /** Drop rotations by angles ≡ 0 (mod 2π) within `atol` and use shorter forms (default true). */
  readonly simplify?: boolean | undefined
  /** The tolerance of those tests (default 1e-12, Qiskit's). */
  readonly atol?: number | undefined
}

type Emitter = (angles: EmitterAngles, sink: GateSink) => void

const EMITTERS: Readonly<Record<EulerBasis, Emitter>> = {
  ZYZ: (a, sink) => {
    emitKak(a, { k: 'rz', a: 'ry' }, sink)
  },
  ZXZ: (a, sink) => {
    emitKak(a, { k: 'rz', a: 'rx' }, sink)
  },
  XYX: (a, sink) => {
    emitKak(a, { k: 'rx', a: 'ry' }, sink)
  },
  XZX: (a, sink) => {
    emitKak(a, { k: 'rx', a: 'rz' }, sink)
  },
  U3: (a, sink) => {
    emitU3(a, 'u3', sink)
  },
  U: (a, sink) => {
    emitU3(a, 'u', sink)
  },
  U321: emitU321,
  PSX: (a, sink) => {
    emitPsx(a, 'PSX', sink)
  },
  ZSX: (a, sink) => {
    emitPsx(a, 'ZSX', sink)
  },
  ZSXX: (a, sink) => {
    emitPsx(a, 'ZSXX', sink)
  },
  U1X: (a, sink) => {
    emitPsx(a, 'U1X', sink)
  },
  RR: emitRr,
}

/** Qiskit's `OneQubitEulerDecomposer` default tolerance. */
export const EULER_DEFAULT_ATOL = 1e-12

/**
 * Synthesises a 2×2 unitary as a gate sequence in an Euler basis, like Qiskit's
 * `OneQubitEulerDecomposer(basis)(u)`. The product of the gates times `e^{i·globalPhase}` equals `u`
 * to rounding error, global phase included; with `simplify` identity rotations are dropped
 * (an identity gives no gates at all) and the shortest form of the basis is used.
 *
 * @param u - a 2×2 unitary
 * @param basis - the target basis
 * @param options - `simplify` (default true) and `atol` (default 1e-12)
 * @returns the gates (standard names: rz, ry, rx, u3, u, u1, u2, p, sx, x, r) and the global phase
 * @throws RangeError when `u` is not 2×2
 * @throws MathError `math.not-unitary` when `u` is not unitary
 * @example
 * ```ts
 * const { gates, globalPhase } = eulerSequence(hadamard, 'ZSX')
 * // gates: rz(π/2), sx, rz(π/2); globalPhase: π/4
 * ```
 */
export function eulerSequence(
  u: ComplexMatrix,
  basis: EulerBasis,
  options: EulerSequenceOptions = {},
): OneQubitSequence {
  const simplify = options.simplify ?? true
  const atol = simplify ? (options.atol ?? EULER_DEFAULT_ATOL) : -1
  const angles = eulerAngles(u, basis)
  const gates: OneQubitGate[] = []
  const sink: GateSink = (name, params) => gates.push({ name, params })
  EMITTERS[basis]({ ...angles, atol }, sink)
  return { gates, globalPhase: phaseOf(u, gates) }
}

/**
 * The matrix of a gate sequence: the product of its gates (last gate leftmost), without the
 * global phase.
 *
 * @param gates - the gates, in circuit order
 * @returns the 2×2 product
 */
export function oneQubitSequenceMatrix(gates: readonly OneQubitGate[]): ComplexMatrix {
  let m = ComplexMatrix.identity(2)
  for (const g of gates) m = oneQubitGateMatrix(g.name, g.params).mul(m)
  return m
}

/**
 * The global phase that makes the gates' product equal `u`. Computing it from the product
 * (rather than bookkeeping each emitter's phase) keeps it exact whatever shortcut was taken.
 */
function phaseOf(u: ComplexMatrix, gates: readonly OneQubitGate[]): number {
  const m = oneQubitSequenceMatrix(gates)
  // tr(m†·u) = 2·e^{iφ} when u = e^{iφ}·m.
  const t = m.adjoint().mul(u).trace()
  const phase = Math.atan2(t.im, t.re)
  return phase <= -Math.PI ? phase + 2 * Math.PI : phase
}
