/* eslint-disable max-params -- builders take Qiskit's positional arguments (parameters, then
   qubits), as the circuit contract fixes them */
import type { QubitSpecifier } from './circuit-bits.js'
import { standardGate } from './library/standard-gates.js'
import { OneQubitGateBuilders } from './one-qubit-gate-builders.js'
import type { ParameterValue } from './parameter-expression.js'

/**
 * The multi-qubit builders of `QuantumCircuit` (Qiskit's argument order: parameters first,
 * then qubits, controls before targets). Each builds in place and returns `this`.
 */
export class MultiQubitGateBuilders extends OneQubitGateBuilders {
  /** Applies a controlled X (CNOT) (builds in place; broadcasts over registers and lists). */
  cx(control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('cx', [], [control, target])
  }
  /** Applies a controlled Y (builds in place; broadcasts over registers and lists). */
  cy(control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('cy', [], [control, target])
  }
  /** Applies a controlled Z (builds in place; broadcasts over registers and lists). */
  cz(control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('cz', [], [control, target])
  }
  /** Applies a controlled Hadamard (builds in place; broadcasts over registers and lists). */
  ch(control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('ch', [], [control, target])
  }
  /** Applies a controlled S (builds in place; broadcasts over registers and lists). */
  cs(control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('cs', [], [control, target])
  }
  /** Applies a controlled S† (builds in place; broadcasts over registers and lists). */
  csdg(control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('csdg', [], [control, target])
  }
  /** Applies a controlled √X (builds in place; broadcasts over registers and lists). */
  csx(control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('csx', [], [control, target])
  }
  /** Applies a controlled phase cp(λ) (builds in place; broadcasts over registers and lists). */
  cp(lam: ParameterValue, control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('cp', [lam], [control, target])
  }
  /** Applies a controlled X rotation (builds in place; broadcasts over registers and lists). */
  crx(theta: ParameterValue, control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('crx', [theta], [control, target])
  }
  /** Applies a controlled Y rotation (builds in place; broadcasts over registers and lists). */
  cry(theta: ParameterValue, control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('cry', [theta], [control, target])
  }
  /** Applies a controlled Z rotation (builds in place; broadcasts over registers and lists). */
  crz(theta: ParameterValue, control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('crz', [theta], [control, target])
  }
  /** Applies a controlled u(θ, φ, λ) with phase γ on the control (builds in place; broadcasts over registers and lists). */
  cu(
    theta: ParameterValue,
    phi: ParameterValue,
    lam: ParameterValue,
    gamma: ParameterValue,
    control: QubitSpecifier,
    target: QubitSpecifier,
  ): this {
    return this.gate('cu', [theta, phi, lam, gamma], [control, target])
  }
  /** Applies the legacy controlled u1(λ) (builds in place; broadcasts over registers and lists). */
  cu1(lam: ParameterValue, control: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('cu1', [lam], [control, target])
  }
  /** Applies the legacy controlled u3(θ, φ, λ) (builds in place; broadcasts over registers and lists). */
  cu3(
    theta: ParameterValue,
    phi: ParameterValue,
    lam: ParameterValue,
    control: QubitSpecifier,
    target: QubitSpecifier,
  ): this {
    return this.gate('cu3', [theta, phi, lam], [control, target])
  }
  /** Applies a SWAP (builds in place; broadcasts over registers and lists). */
  swap(qubit1: QubitSpecifier, qubit2: QubitSpecifier): this {
    return this.gate('swap', [], [qubit1, qubit2])
  }
  /** Applies an iSWAP (builds in place; broadcasts over registers and lists). */
  iswap(qubit1: QubitSpecifier, qubit2: QubitSpecifier): this {
    return this.gate('iswap', [], [qubit1, qubit2])
  }
  /** Applies a double CNOT (builds in place; broadcasts over registers and lists). */
  dcx(qubit1: QubitSpecifier, qubit2: QubitSpecifier): this {
    return this.gate('dcx', [], [qubit1, qubit2])
  }
  /** Applies an echoed cross-resonance gate (builds in place; broadcasts over registers and lists). */
  ecr(qubit1: QubitSpecifier, qubit2: QubitSpecifier): this {
    return this.gate('ecr', [], [qubit1, qubit2])
  }
  /** Applies an XX rotation (builds in place; broadcasts over registers and lists). */
  rxx(theta: ParameterValue, qubit1: QubitSpecifier, qubit2: QubitSpecifier): this {
    return this.gate('rxx', [theta], [qubit1, qubit2])
  }
  /** Applies a YY rotation (builds in place; broadcasts over registers and lists). */
  ryy(theta: ParameterValue, qubit1: QubitSpecifier, qubit2: QubitSpecifier): this {
    return this.gate('ryy', [theta], [qubit1, qubit2])
  }
  /** Applies a ZZ rotation (builds in place; broadcasts over registers and lists). */
  rzz(theta: ParameterValue, qubit1: QubitSpecifier, qubit2: QubitSpecifier): this {
    return this.gate('rzz', [theta], [qubit1, qubit2])
  }
  /** Applies a ZX rotation (Z on the first qubit) (builds in place; broadcasts over registers and lists). */
  rzx(theta: ParameterValue, qubit1: QubitSpecifier, qubit2: QubitSpecifier): this {
    return this.gate('rzx', [theta], [qubit1, qubit2])
  }
  /** Applies an XX+YY interaction (builds in place; broadcasts over registers and lists). */
  xxPlusYy(
    theta: ParameterValue,
    beta: ParameterValue,
    qubit1: QubitSpecifier,
    qubit2: QubitSpecifier,
  ): this {
    return this.gate('xx_plus_yy', [theta, beta], [qubit1, qubit2])
  }
  /** Applies an XX−YY interaction (builds in place; broadcasts over registers and lists). */
  xxMinusYy(
    theta: ParameterValue,
    beta: ParameterValue,
    qubit1: QubitSpecifier,
    qubit2: QubitSpecifier,
  ): this {
    return this.gate('xx_minus_yy', [theta, beta], [qubit1, qubit2])
  }
  /** Applies a Toffoli (doubly controlled X) (builds in place; broadcasts over registers and lists). */
  ccx(control1: QubitSpecifier, control2: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('ccx', [], [control1, control2, target])
  }
  /** Applies a doubly controlled Z (builds in place; broadcasts over registers and lists). */
  ccz(control1: QubitSpecifier, control2: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('ccz', [], [control1, control2, target])
  }
  /** Applies a Fredkin (controlled SWAP) (builds in place; broadcasts over registers and lists). */
  cswap(control: QubitSpecifier, qubit1: QubitSpecifier, qubit2: QubitSpecifier): this {
    return this.gate('cswap', [], [control, qubit1, qubit2])
  }
  /** Applies a relative-phase Toffoli (builds in place; broadcasts over registers and lists). */
  rccx(control1: QubitSpecifier, control2: QubitSpecifier, target: QubitSpecifier): this {
    return this.gate('rccx', [], [control1, control2, target])
  }
  /** Applies a relative-phase triply controlled X (QASM 2 `rc3x`) (builds in place; broadcasts over registers and lists). */
  rcccx(
    control1: QubitSpecifier,
    control2: QubitSpecifier,
    control3: QubitSpecifier,
    target: QubitSpecifier,
  ): this {
    return this.gate('rcccx', [], [control1, control2, control3, target])
  }
  /** Applies a triply controlled X (builds in place; broadcasts over registers and lists). */
  c3x(
    control1: QubitSpecifier,
    control2: QubitSpecifier,
    control3: QubitSpecifier,
    target: QubitSpecifier,
  ): this {
    return this.gate('c3x', [], [control1, control2, control3, target])
  }
  /** Applies a triply controlled √X (QASM 2 `c3sqrtx`) (builds in place; broadcasts over registers and lists). */
  c3sx(
    control1: QubitSpecifier,
    control2: QubitSpecifier,
    control3: QubitSpecifier,
    target: QubitSpecifier,
  ): this {
    return this.gate('c3sx', [], [control1, control2, control3, target])
  }

  /**
   * Applies X to `target` controlled by all of `controls` (builds in place): `cx` for one
   * control, `ccx` for two, `mcx` beyond (as Qiskit's `MCXGate` does). Several targets get one
   * gate each.
   */
  mcx(controls: QubitSpecifier, target: QubitSpecifier): this {
    const ctrl = this.resolveQubits(controls)
    const n = ctrl.length
    const gate =
      n === 1
        ? standardGate('cx')
        : n === 2
          ? standardGate('ccx')
          : standardGate('mcx', [], { numCtrlQubits: n })
    for (const t of this.resolveQubits(target)) this.append(gate, [...ctrl, t])
    return this
  }

  /**
   * Applies a phase `λ` to the all-ones state of `controls` and `target` (builds in place;
   * Qiskit's `mcp`). Several targets get one gate each.
   */
  mcp(lam: ParameterValue, controls: QubitSpecifier, target: QubitSpecifier): this {
    const ctrl = this.resolveQubits(controls)
    const gate = standardGate('mcp', [lam], { numCtrlQubits: ctrl.length })
    for (const t of this.resolveQubits(target)) this.append(gate, [...ctrl, t])
    return this
  }
}
