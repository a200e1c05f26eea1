/**
 * Splits a general one-qubit unitary into diagonal · real rotation · diagonal (its ZYZ Euler
 * form). The diagonal factors commute with every other diagonal gate, so fusion can merge them
 * with neighbouring rz/cz/cp gates into one diagonal stage, and the remaining real rotation
 * costs less than half the flops of a complex 2×2 product.
 */
import type { DiagonalOp, GlobalPhaseOp, MatrixOp } from '../sim-program.js'
import { snap } from './snap.js'

/** Reconstructions further than this from the input (max entry error) keep the dense form. */
const SPLIT_TOLERANCE = 1e-13

/**
 * `U = e^{iφ} · diag(1, e^{iα}) · Ry(β) · diag(1, e^{iγ})` as ops in application order:
 * `diag(1, e^{iγ})`, `Ry(β)`, `diag(1, e^{iα})`, global phase `φ`.
 *
 * @param qubit - the qubit `U` acts on
 * @param u - the 2×2 unitary, interleaved
 * @returns the four ops, or `undefined` when `u` is not (numerically) unitary
 */
export function splitOneQubitUnitary(
  qubit: number,
  u: Float64Array,
): [DiagonalOp, MatrixOp, DiagonalOp, GlobalPhaseOp] | undefined {
  const [u00r, u00i, u01r, u01i, u10r, u10i, u11r, u11i] = u as unknown as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  // det U = e^{2iφ}; V = e^{-iφ} U is in SU(2).
  const detr = u00r * u11r - u00i * u11i - (u01r * u10r - u01i * u10i)
  const deti = u00r * u11i + u00i * u11r - (u01r * u10i + u01i * u10r)
  const phi = Math.atan2(deti, detr) / 2
  const cr = Math.cos(-phi)
  const ci = Math.sin(-phi)
  const v00 = Math.hypot(u00r, u00i)
  const v10 = Math.hypot(u10r, u10i)
  const beta = 2 * Math.atan2(v10, v00)
  // V11 = e^{i(a+c)/2} cos(β/2), V10 = e^{i(a−c)/2} sin(β/2)
  const argV11 = Math.atan2(cr * u11i + ci * u11r, cr * u11r - ci * u11i)
  const argV10 = Math.atan2(cr * u10i + ci * u10r, cr * u10r - ci * u10i)
  const alpha = argV11 + argV10
  const gamma = argV11 - argV10
  const globalPhase = phi - (alpha + gamma) / 2
  const c = snap(Math.cos(beta / 2))
  const s = snap(Math.sin(beta / 2))
  if (!reconstructs(u, { globalPhase, alpha, gamma, c, s })) return undefined
  return [
    {
      kind: 'diagonal',
      qubits: [qubit],
      diagonal: Float64Array.of(1, 0, snap(Math.cos(gamma)), snap(Math.sin(gamma))),
    },
    { kind: 'matrix', qubits: [qubit], matrix: Float64Array.of(c, 0, -s, 0, s, 0, c, 0) },
    {
      kind: 'diagonal',
      qubits: [qubit],
      diagonal: Float64Array.of(1, 0, snap(Math.cos(alpha)), snap(Math.sin(alpha))),
    },
    { kind: 'global-phase', phase: globalPhase },
  ]
}

function reconstructs(
  u: Float64Array,
  p: { globalPhase: number; alpha: number; gamma: number; c: number; s: number },
): boolean {
  // e^{iφ} [[c, −s e^{iγ}], [s e^{iα}, c e^{i(α+γ)}]]
  const entry = (mag: number, angle: number): [number, number] => [
    mag * Math.cos(angle + p.globalPhase),
    mag * Math.sin(angle + p.globalPhase),
  ]
  const expected = [
    entry(p.c, 0),
    entry(-p.s, p.gamma),
    entry(p.s, p.alpha),
    entry(p.c, p.alpha + p.gamma),
  ]
  return expected.every(
    ([re, im], k) =>
      Math.abs(re - u[2 * k]!) <= SPLIT_TOLERANCE &&
      Math.abs(im - u[2 * k + 1]!) <= SPLIT_TOLERANCE,
  )
}
