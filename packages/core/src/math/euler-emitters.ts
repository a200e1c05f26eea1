import type { OneQubitGateName } from './one-qubit-gate-matrix.js'

/**
 * The gate-sequence builders behind `eulerSequence`, one per family of bases, after Qiskit's
 * `_circuit_kak`, `_circuit_u3`, `_circuit_u321`, `_circuit_psx_gen` and `_circuit_rr`. They only
 * choose gates; the caller derives the global phase from the product.
 */

/** Receives the emitted gates in circuit order. */
export type GateSink = (name: OneQubitGateName, params: readonly number[]) => void

/** Euler angles plus the simplification tolerance (negative: never simplify). */
export interface EmitterAngles {
  readonly theta: number
  readonly phi: number
  readonly lambda: number
  readonly atol: number
}

/**
 * Wraps an angle into `[-π, π)`; an angle within `atol` below π becomes -π (Qiskit's `_mod_2pi`).
 *
 * @param angle - radians
 * @param atol - the clamping tolerance (default 0)
 * @returns the wrapped angle
 */
export function mod2pi(angle: number, atol = 0): number {
  const twoPi = 2 * Math.PI
  let w = ((((angle + Math.PI) % twoPi) + twoPi) % twoPi) - Math.PI
  if (Math.abs(w - Math.PI) < atol) w = -Math.PI
  return w
}

/** `K(φ)·A(θ)·K(λ)` with `K`, `A` two of rz, ry, rx. */
export function emitKak(
  angles: EmitterAngles,
  gates: { readonly k: 'rz' | 'ry' | 'rx'; readonly a: 'rz' | 'ry' | 'rx' },
  sink: GateSink,
): void {
  const { atol } = angles
  let { theta, phi, lambda: lam } = angles
  if (Math.abs(theta) < atol) {
    // No middle rotation: the two outer ones merge.
    lam = mod2pi(lam + phi, atol)
    if (Math.abs(lam) > atol) sink(gates.k, [lam])
    return
  }
  if (Math.abs(theta - Math.PI) < atol) {
    // K(φ)·A(π) = A(π)·K(-φ): fold φ into λ.
    lam -= phi
    phi = 0
  }
  if (Math.abs(mod2pi(lam + Math.PI)) < atol || Math.abs(mod2pi(phi + Math.PI)) < atol) {
    // K(π)·A(θ)·K(π) ∝ A(-θ): an outer rotation by π can be traded for negating θ.
    lam += Math.PI
    theta = -theta
    phi += Math.PI
  }
  lam = mod2pi(lam, atol)
  if (Math.abs(lam) > atol) sink(gates.k, [lam])
  sink(gates.a, [theta])
  phi = mod2pi(phi, atol)
  if (Math.abs(phi) > atol) sink(gates.k, [phi])
}

/** One `u3` (or `u`) gate, nothing for an identity. */
export function emitU3(angles: EmitterAngles, name: 'u3' | 'u', sink: GateSink): void {
  const { theta, atol } = angles
  const phi = mod2pi(angles.phi, atol)
  const lam = mod2pi(angles.lambda, atol)
  if (Math.abs(theta) < atol && Math.abs(mod2pi(phi + lam, atol)) < atol) return
  sink(name, [theta, phi, lam])
}

/** `u1` for a diagonal, `u2` for θ = π/2, `u3` otherwise. */
export function emitU321(angles: EmitterAngles, sink: GateSink): void {
  const { theta, atol } = angles
  if (Math.abs(theta) < atol) {
    const tot = mod2pi(angles.phi + angles.lambda, atol)
    if (Math.abs(tot) > atol) sink('u1', [tot])
  } else if (Math.abs(theta - Math.PI / 2) < atol) {
    sink('u2', [mod2pi(angles.phi, atol), mod2pi(angles.lambda, atol)])
  } else {
    sink('u3', [theta, mod2pi(angles.phi, atol), mod2pi(angles.lambda, atol)])
  }
}

/** `r(θ - π, π/2 - λ)·r(π, (φ - λ + π)/2)` (the first dropped when θ = π). */
export function emitRr(angles: EmitterAngles, sink: GateSink): void {
  const { theta, phi, lambda: lam, atol } = angles
  if (Math.abs(theta) < atol && Math.abs(mod2pi(phi + lam, atol)) < atol) return
  if (Math.abs(theta - Math.PI) > atol) sink('r', [theta - Math.PI, mod2pi(Math.PI / 2 - lam)])
  sink('r', [Math.PI, mod2pi((phi - lam + Math.PI) / 2)])
}

/**
 * The phase-and-√X family: `P(φ+π)·SX·P(θ+π)·SX·P(λ)` and its zero- and one-SX short forms.
 * `PSX` uses `p`, `ZSX`/`ZSXX` use `rz` (`ZSXX` also `x` for a middle rotation by π), `U1X` uses
 * `u1` and `rx(π/2)` for the √X.
 */
export function emitPsx(
  angles: EmitterAngles,
  basis: 'PSX' | 'ZSX' | 'ZSXX' | 'U1X',
  sink: GateSink,
): void {
  const { atol } = angles
  let { theta, phi, lambda: lam } = angles
  const pName = basis === 'PSX' ? 'p' : basis === 'U1X' ? 'u1' : 'rz'
  const p = (angle: number): void => {
    const a = mod2pi(angle, atol)
    if (Math.abs(a) > atol) sink(pName, [a])
  }
  const sx = (): void => {
    if (basis === 'U1X') sink('rx', [Math.PI / 2])
    else sink('sx', [])
  }
  if (Math.abs(theta) < atol) {
    p(lam + phi)
    return
  }
  if (Math.abs(theta - Math.PI / 2) < atol) {
    p(lam - Math.PI / 2)
    sx()
    p(phi + Math.PI / 2)
    return
  }
  if (Math.abs(theta - Math.PI) < atol) {
    phi -= lam
    lam = 0
  }
  if (Math.abs(mod2pi(lam + Math.PI)) < atol || Math.abs(mod2pi(phi)) < atol) {
    lam += Math.PI
    theta = -theta
    phi += Math.PI
  }
  // rz(φ)·ry(θ)·rz(λ) ∝ rz(φ+π)·sx·rz(θ+π)·sx·rz(λ).
  theta += Math.PI
  phi += Math.PI
  p(lam)
  if (basis === 'ZSXX' && Math.abs(mod2pi(theta)) < atol) {
    sink('x', [])
  } else {
    sx()
    p(theta)
    sx()
  }
  p(phi)
}
