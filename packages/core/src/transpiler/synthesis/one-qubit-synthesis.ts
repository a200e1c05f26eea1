import type { ComplexMatrix } from '../../math/complex-matrix.js'
import { EULER_BASES, type EulerBasis } from '../../math/euler-angles.js'
import { eulerSequence, type OneQubitGate } from '../../math/euler-sequence.js'

/**
 * The gate names each Euler basis emits (Qiskit's `EULER_BASIS_NAMES`): a basis is usable on a
 * qubit when the target has all of them there.
 */
export const EULER_BASIS_GATES: Readonly<Record<EulerBasis, readonly string[]>> = {
  U3: ['u3'],
  U321: ['u3', 'u2', 'u1'],
  U: ['u'],
  PSX: ['p', 'sx'],
  U1X: ['u1', 'rx'],
  RR: ['r'],
  ZYZ: ['rz', 'ry'],
  ZXZ: ['rz', 'rx'],
  XYX: ['rx', 'ry'],
  XZX: ['rz', 'rx'],
  ZSXX: ['rz', 'sx', 'x'],
  ZSX: ['rz', 'sx'],
}

/**
 * The Euler bases whose gates are all among `names`. Where a basis is contained in a richer one
 * both are kept: the synthesis tries each and keeps the cheapest result.
 *
 * @param names - the gate names available (on one qubit)
 * @returns the usable bases, in Qiskit's order
 */
export function eulerBasesFor(names: ReadonlySet<string>): EulerBasis[] {
  return EULER_BASES.filter((basis) => EULER_BASIS_GATES[basis].every((g) => names.has(g)))
}

/** The cost of one gate of a sequence (an error, or a small constant when none is known). */
export type GateCost = (name: string) => number

/** A 1-qubit synthesis result. */
export interface OneQubitSynthesis {
  readonly basis: EulerBasis
  readonly gates: readonly OneQubitGate[]
  /** Radians: the gates' product times `e^{i·globalPhase}` is the input. */
  readonly globalPhase: number
  /** The sum of the gates' costs. */
  readonly cost: number
}

/**
 * The default gate cost: a virtual `rz`/`p`/`u1` is almost free, anything else costs one unit,
 * so that sequences are compared by their physical gate count (ties broken by length).
 *
 * @param name - a gate name
 * @returns its cost
 */
export function defaultGateCost(name: string): number {
  return name === 'rz' || name === 'p' || name === 'u1' ? 1e-3 : 1
}

/**
 * Synthesises a 2×2 unitary in each of several Euler bases and returns the cheapest sequence
 * (Qiskit's `unitary_to_gate_sequence` with the target's errors as the figure of merit).
 *
 * @param matrix - a 2×2 unitary
 * @param options - the bases to try and the per-gate cost
 * @returns the cheapest synthesis, or `undefined` when `bases` is empty
 * @example
 * ```ts
 * synthesizeOneQubit(hadamard, { bases: ['ZSX'] })?.gates // rz(π/2), sx, rz(π/2)
 * ```
 */
export function synthesizeOneQubit(
  matrix: ComplexMatrix,
  options: { readonly bases: readonly EulerBasis[]; readonly cost?: GateCost | undefined },
): OneQubitSynthesis | undefined {
  const cost = options.cost ?? defaultGateCost
  let best: OneQubitSynthesis | undefined
  for (const basis of options.bases) {
    const seq = eulerSequence(matrix, basis)
    let total = 0
    for (const g of seq.gates) total += cost(g.name)
    if (best === undefined || total < best.cost - 1e-12) {
      best = { basis, gates: seq.gates, globalPhase: seq.globalPhase, cost: total }
    }
  }
  return best
}
