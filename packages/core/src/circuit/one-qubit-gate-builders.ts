/* eslint-disable max-params -- builders take Qiskit's positional arguments (parameters, then
   qubits), as the circuit contract fixes them */
import type { QubitSpecifier } from './circuit-bits.js'
import { CircuitCore } from './circuit-core.js'
import { standardGate } from './library/standard-gates.js'
import type { StandardGateName } from './library/standard-gate-specs.js'
import type { ParameterValue } from './parameter-expression.js'

/**
 * The one-qubit builders of `QuantumCircuit` (Qiskit's argument order: parameters first, then
 * qubits). Each builds in place and returns `this`.
 */
export class OneQubitGateBuilders extends CircuitCore {
  /** Appends a standard gate, broadcasting its qubit arguments. */
  protected gate(
    name: StandardGateName,
    params: readonly ParameterValue[],
    qubits: readonly QubitSpecifier[],
  ): this {
    return this.append(standardGate(name, params), qubits)
  }

  /** Applies the identity (builds in place; broadcasts over registers and lists). */
  id(qubit: QubitSpecifier): this {
    return this.gate('id', [], [qubit])
  }
  /** Applies a Pauli X (builds in place; broadcasts over registers and lists). */
  x(qubit: QubitSpecifier): this {
    return this.gate('x', [], [qubit])
  }
  /** Applies a Pauli Y (builds in place; broadcasts over registers and lists). */
  y(qubit: QubitSpecifier): this {
    return this.gate('y', [], [qubit])
  }
  /** Applies a Pauli Z (builds in place; broadcasts over registers and lists). */
  z(qubit: QubitSpecifier): this {
    return this.gate('z', [], [qubit])
  }
  /** Applies a Hadamard (builds in place; broadcasts over registers and lists). */
  h(qubit: QubitSpecifier): this {
    return this.gate('h', [], [qubit])
  }
  /** Applies an S (√Z) (builds in place; broadcasts over registers and lists). */
  s(qubit: QubitSpecifier): this {
    return this.gate('s', [], [qubit])
  }
  /** Applies an S† (builds in place; broadcasts over registers and lists). */
  sdg(qubit: QubitSpecifier): this {
    return this.gate('sdg', [], [qubit])
  }
  /** Applies a T (⁴√Z) (builds in place; broadcasts over registers and lists). */
  t(qubit: QubitSpecifier): this {
    return this.gate('t', [], [qubit])
  }
  /** Applies a T† (builds in place; broadcasts over registers and lists). */
  tdg(qubit: QubitSpecifier): this {
    return this.gate('tdg', [], [qubit])
  }
  /** Applies a √X (builds in place; broadcasts over registers and lists). */
  sx(qubit: QubitSpecifier): this {
    return this.gate('sx', [], [qubit])
  }
  /** Applies a √X† (builds in place; broadcasts over registers and lists). */
  sxdg(qubit: QubitSpecifier): this {
    return this.gate('sxdg', [], [qubit])
  }
  /** Applies an X rotation by θ (builds in place; broadcasts over registers and lists). */
  rx(theta: ParameterValue, qubit: QubitSpecifier): this {
    return this.gate('rx', [theta], [qubit])
  }
  /** Applies a Y rotation by θ (builds in place; broadcasts over registers and lists). */
  ry(theta: ParameterValue, qubit: QubitSpecifier): this {
    return this.gate('ry', [theta], [qubit])
  }
  /** Applies a Z rotation by φ (builds in place; broadcasts over registers and lists). */
  rz(phi: ParameterValue, qubit: QubitSpecifier): this {
    return this.gate('rz', [phi], [qubit])
  }
  /** Applies a phase gate p(λ) (builds in place; broadcasts over registers and lists). */
  p(lam: ParameterValue, qubit: QubitSpecifier): this {
    return this.gate('p', [lam], [qubit])
  }
  /** Applies a rotation r(θ, φ) about cos φ·X + sin φ·Y (builds in place; broadcasts over registers and lists). */
  r(theta: ParameterValue, phi: ParameterValue, qubit: QubitSpecifier): this {
    return this.gate('r', [theta, phi], [qubit])
  }
  /** Applies the generic rotation u(θ, φ, λ) (builds in place; broadcasts over registers and lists). */
  u(theta: ParameterValue, phi: ParameterValue, lam: ParameterValue, qubit: QubitSpecifier): this {
    return this.gate('u', [theta, phi, lam], [qubit])
  }
  /** Applies the legacy u1(λ) (= p(λ)) (builds in place; broadcasts over registers and lists). */
  u1(lam: ParameterValue, qubit: QubitSpecifier): this {
    return this.gate('u1', [lam], [qubit])
  }
  /** Applies the legacy u2(φ, λ) (builds in place; broadcasts over registers and lists). */
  u2(phi: ParameterValue, lam: ParameterValue, qubit: QubitSpecifier): this {
    return this.gate('u2', [phi, lam], [qubit])
  }
  /** Applies the legacy u3(θ, φ, λ) (= u) (builds in place; broadcasts over registers and lists). */
  u3(theta: ParameterValue, phi: ParameterValue, lam: ParameterValue, qubit: QubitSpecifier): this {
    return this.gate('u3', [theta, phi, lam], [qubit])
  }

  /** Appends a 0-qubit `global_phase(θ)` gate (builds in place). */
  globalPhaseGate(theta: ParameterValue): this {
    return this.append(standardGate('global_phase', [theta]), [])
  }
}
