/**
 * The predicate the automatic simulation method uses to pick the stabilizer simulator.
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { compileStabilizerCircuit } from './compile-stabilizer.js'
import { StabilizerError } from './stabilizer-error.js'

/**
 * Whether the stabilizer simulator can run `circuit`: every gate is a Clifford operation (up to
 * global phase, through definitions where needed) with bound parameters, and every other
 * instruction is a measurement, reset, barrier, delay, condition or control flow over such.
 *
 * @param circuit - the circuit
 * @returns true when `runStabilizer` accepts it
 * @example
 * ```ts
 * isCliffordCircuit(new QuantumCircuit(2).h(0).cx(0, 1).rz(Math.PI / 2, 1)) // true
 * isCliffordCircuit(new QuantumCircuit(1).t(0))                                // false
 * ```
 */
export function isCliffordCircuit(circuit: QuantumCircuit): boolean {
  try {
    compileStabilizerCircuit(circuit)
    return true
  } catch (error) {
    if (error instanceof StabilizerError) return false
    if ((error as { code?: unknown }).code === 'circuit.unbound-parameter') return false
    throw error
  }
}
