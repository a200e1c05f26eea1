import { Gate } from '../../circuit/gate.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import type { QuantumCircuit } from '../../circuit/quantum-circuit.js'

/**
 * How to build the definition of a gate declared in OpenQASM: one template per `gate`
 * statement, shared by every application of the gate.
 */
export interface GateTemplate {
  readonly name: string
  readonly numQubits: number
  readonly numParams: number
  /** The definition for these parameter values (numbers or symbolic). */
  build(params: readonly ParameterValue[]): QuantumCircuit
}

/**
 * A gate defined by an OpenQASM `gate` statement (Qiskit's `_DefinedGate`): its definition is
 * built from the gate body on first use, for its own parameter values, and {@link withParams}
 * rebuilds it for new ones — symbolic values included, which is how an exporter gets the
 * parameterised body back.
 */
export class Qasm2Gate extends Gate {
  /** The `gate` statement this gate comes from. */
  readonly template: GateTemplate

  /**
   * @param template - the gate's template
   * @param params - the parameter values of this application
   * @throws TypeError if the number of parameters differs from the template's
   */
  constructor(template: GateTemplate, params: readonly ParameterValue[]) {
    if (params.length !== template.numParams) {
      throw new TypeError(
        `'${template.name}' takes ${template.numParams} parameters, got ${params.length}`,
      )
    }
    super({
      name: template.name,
      numQubits: template.numQubits,
      params,
      definition: () => template.build(params),
    })
    this.template = template
  }

  /**
   * The same gate with new parameters; its definition follows them.
   *
   * @param params - one value per parameter
   * @returns the new gate
   * @throws TypeError if the number of parameters differs
   */
  override withParams(params: readonly ParameterValue[]): Qasm2Gate {
    return new Qasm2Gate(this.template, params)
  }
}
