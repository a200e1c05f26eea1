/**
 * A circuit the toy trap runs as it is: a Bell pair written in its native gates.
 */
import { QuantumCircuit } from '@qfabric/core/circuit'
import { msGate } from './ms-gate.js'

/**
 * `h(0); cx(0, 1); measure` in natives: `ry(π/2)` prepares `|+⟩` like `h`, then the `cx` rule of
 * `registerMsEquivalences` (`ry(π/2)`, `ms(π/2)`, `rx(−π/2)` on both, `ry(−π/2)`).
 *
 * @returns the circuit, named `bell`
 */
export function nativeBell(): QuantumCircuit {
  const qc = new QuantumCircuit(2, 2, { name: 'bell' })
  qc.ry(Math.PI / 2, 0)
  qc.ry(Math.PI / 2, 0)
  qc.append(msGate(Math.PI / 2), [0, 1])
  qc.rx(-Math.PI / 2, 0)
    .rx(-Math.PI / 2, 1)
    .ry(-Math.PI / 2, 0)
  qc.measure(0, 0).measure(1, 1)
  return qc
}
