import type { Gate } from '../../circuit/gate.js'
import type { Instruction } from '../../circuit/instruction.js'

/**
 * For gates the OpenQASM 3 reader built from a `gate` definition: the same gate over its
 * declared parameters (plain `Parameter`s), so that the exporter can write the definition once,
 * parametrically, as it was read. Weak: it never keeps a circuit alive.
 */
const ORIGINS = new WeakMap<Instruction, Gate>()

/**
 * Records that `gate` is `origin` with concrete parameter values.
 *
 * @param gate - the gate applied in a circuit
 * @param origin - the gate over placeholder parameters, with a parametric definition
 */
export function recordGateOrigin(gate: Instruction, origin: Gate): void {
  ORIGINS.set(gate, origin)
}

/**
 * The parametric gate `gate` was instantiated from, if the reader made it.
 *
 * @param gate - an operation
 * @returns its origin, or undefined
 */
export function gateOrigin(gate: Instruction): Gate | undefined {
  return ORIGINS.get(gate)
}
