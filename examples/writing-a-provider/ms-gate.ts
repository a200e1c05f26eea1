/**
 * The device's custom native gate and its equivalence rules (step 1 of docs/writing-a-provider.md).
 */
import {
  EquivalenceLibrary,
  Gate,
  Parameter,
  QuantumCircuit,
  standardEquivalenceLibrary,
  standardGate,
  type ParameterValue,
} from '@qfabric/core/circuit'

/**
 * The Mølmer–Sørensen gate `MS(θ) = exp(−i θ/2 X⊗X)`, the native two-qubit gate of trapped-ion
 * devices. Its definition (`rxx(θ)`) gives it a matrix, so simulators can run it.
 *
 * @param theta - the angle, in radians (a `Parameter` for a target entry that takes any angle)
 * @returns the gate, named `ms`
 */
export function msGate(theta: ParameterValue): Gate {
  return new Gate({
    name: 'ms',
    numQubits: 2,
    params: [theta],
    definition: () => new QuantumCircuit(2).rxx(theta, 0, 1),
  })
}

/**
 * Rules from standard gates into `ms`, so that a transpiler can translate circuits to the
 * device: `rxx(θ) = ms(θ)`, and `cx` through `ms(π/2)` (Qiskit's `_cnot_rxx_decompose`).
 *
 * @param library - where to register them (default: a new library over the standard one)
 * @returns the library
 */
export function registerMsEquivalences(
  library: EquivalenceLibrary = new EquivalenceLibrary({ base: standardEquivalenceLibrary() }),
): EquivalenceLibrary {
  const theta = new Parameter('theta')
  const viaMs = new QuantumCircuit(2)
  viaMs.append(msGate(theta), [0, 1])
  library.addEquivalence(standardGate('rxx', [theta]), viaMs)

  const cx = new QuantumCircuit(2, { globalPhase: -Math.PI / 4 })
  cx.ry(Math.PI / 2, 0)
  cx.append(msGate(Math.PI / 2), [0, 1])
  cx.rx(-Math.PI / 2, 0)
    .rx(-Math.PI / 2, 1)
    .ry(-Math.PI / 2, 0)
  library.addEquivalence(standardGate('cx'), cx)
  return library
}
