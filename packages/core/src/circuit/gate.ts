import type { ComplexMatrix } from '../math/complex-matrix.js'
import { unitaryPower } from '../math/unitary-eigen.js'
import { CircuitError } from './circuit-error.js'
import { circuitFactory } from './circuit-factory.js'
import { circuitToMatrix } from './circuit-unitary.js'
import { controlledDefinition } from './controlled-definition.js'
import { controlledMatrix, parseCtrlState } from './controlled-matrix.js'
import { Instruction, type DefinitionSource, type InstructionOptions } from './instruction.js'
import type { ParameterValue } from './parameter-expression.js'

/** Options of {@link Gate}: an instruction without clbits. */
export type GateOptions = Omit<InstructionOptions, 'numClbits'>

/**
 * A unitary operation (Qiskit's `Gate`). A custom gate is defined by a circuit; a gate without
 * a definition is opaque (fine for transpiling to targets that know it, but it has no matrix).
 *
 * @example
 * ```ts
 * const theta = new Parameter('θ')
 * const def = new QuantumCircuit(2).rx(theta, 0).cx(0, 1)
 * const g = new Gate({ name: 'my_gate', numQubits: 2, params: [theta], definition: def })
 * new QuantumCircuit(3).append(g.withParams([0.5]), [0, 2])
 * ```
 */
export class Gate extends Instruction {
  #matrix: ComplexMatrix | undefined

  /**
   * @param options - name, number of qubits, parameters, label and definition
   * @throws TypeError if the name is empty; RangeError for a bad arity
   */
  constructor(options: GateOptions) {
    super({ ...options, numClbits: 0 })
  }

  /**
   * The unitary matrix, little-endian in the qargs (bit `k` of a row index is `qargs[k]`). The
   * generic gate computes it from its definition; library gates read their table.
   *
   * @throws CircuitError `circuit.unbound-parameter` if a parameter is symbolic;
   *   `circuit.no-matrix` if the gate is opaque
   */
  toMatrix(): ComplexMatrix {
    if (this.#matrix === undefined) {
      this.assertBound()
      const def = this.definition
      if (def === undefined) {
        throw new CircuitError('circuit.no-matrix', `the opaque gate '${this.name}' has no matrix`)
      }
      this.#matrix = circuitToMatrix(def)
    }
    // Matrices are mutable arrays: hand out a copy so the cache stays right.
    return this.#matrix.clone()
  }

  /**
   * Throws unless every parameter is bound.
   *
   * @throws CircuitError `circuit.unbound-parameter`
   */
  protected assertBound(): void {
    if (this.isParameterized()) {
      throw new CircuitError(
        'circuit.unbound-parameter',
        `gate '${this.name}' has unbound parameters (${this.params.map(String).join(', ')})`,
      )
    }
  }

  override withParams(params: readonly ParameterValue[]): Gate {
    return new Gate(this.optionsWithParams(params))
  }

  /**
   * The inverse gate: `<name>_dg`, defined by the inverse of the definition.
   *
   * @throws CircuitError `circuit.not-invertible` for an opaque gate
   */
  override inverse(): Gate {
    const def = this.definition
    if (def === undefined) {
      throw new CircuitError(
        'circuit.not-invertible',
        `the opaque gate '${this.name}' cannot be inverted`,
      )
    }
    return new Gate({ ...this.inverseOptions(), definition: () => def.inverse() })
  }

  /**
   * This gate controlled by `numCtrlQubits` more qubits, which come first in the qargs. Library
   * gates return standard results where they exist (`x → cx → ccx → c3x → mcx`, `p → cp → mcp`);
   * the generic result is a {@link ControlledGate}.
   *
   * @param numCtrlQubits - the number of controls (default 1)
   * @param ctrlState - the activating state (number, or bitstring most-significant first);
   *   all ones by default
   * @throws RangeError if the count or the state is out of range
   */
  control(numCtrlQubits = 1, ctrlState?: number | string): Gate {
    return new ControlledGate({ baseGate: this, numCtrlQubits, ctrlState })
  }

  /**
   * This gate raised to a power: integer powers by repetition (`<name>_pow_<k>` defined by `k`
   * copies; negative through the inverse), other powers as a `unitary` of the principal-branch
   * matrix power (labelled `<name>^<k>`).
   *
   * @param exponent - a finite number
   * @throws RangeError for a non-finite exponent; CircuitError as `inverse` and `toMatrix` do
   */
  power(exponent: number): Gate {
    if (!Number.isFinite(exponent))
      throw new RangeError(`cannot raise a gate to the power ${exponent}`)
    if (exponent === 1) return this
    if (exponent < 0 && Number.isInteger(exponent)) return this.inverse().power(-exponent)
    if (!Number.isInteger(exponent)) {
      // Qiskit's `Gate.power`: the principal-branch matrix power, as a unitary gate.
      return circuitFactory().unitaryGate(
        unitaryPower(this.toMatrix(), exponent),
        `${this.name}^${exponent}`,
      )
    }
    const base = this as Gate
    const definition: DefinitionSource = () => {
      const qc = circuitFactory().createCircuit(base.numQubits)
      const qargs = Array.from({ length: base.numQubits }, (_, i) => i)
      for (let i = 0; i < exponent; i++) qc.append(base, qargs)
      return qc
    }
    return new Gate({
      name: `${this.name}_pow_${exponent}`,
      numQubits: this.numQubits,
      params: this.params,
      definition,
    })
  }
}

/** Options of {@link ControlledGate}. */
export interface ControlledGateOptions {
  /** The gate applied when the controls are in `ctrlState`. */
  readonly baseGate: Gate
  /** The number of controls (default 1). */
  readonly numCtrlQubits?: number | undefined
  /** The activating control state (number, or bitstring most-significant first; default all ones). */
  readonly ctrlState?: number | string | undefined
  /** The name; `c<name>` / `c<n><name>` by default, with `_o<state>` for open controls. */
  readonly name?: string | undefined
  /** A display label. */
  readonly label?: string | undefined
  /** A definition; the generic controlled decomposition by default. */
  readonly definition?: DefinitionSource | undefined
}

/**
 * A gate applied when `numCtrlQubits` control qubits are in `ctrlState` (Qiskit's
 * `ControlledGate`). The controls are qargs `0 … n−1`, the base gate's qubits follow.
 */
export class ControlledGate extends Gate {
  /** The controlled gate. */
  readonly baseGate: Gate
  /** The number of controls. */
  readonly numCtrlQubits: number
  /** The activating state: bit `k` is the state of control `k`. */
  readonly ctrlState: number

  /**
   * @param options - the base gate, number of controls and control state
   * @throws RangeError if the count or the state is out of range
   */
  constructor(options: ControlledGateOptions) {
    const n = options.numCtrlQubits ?? 1
    if (!Number.isInteger(n) || n < 1) {
      throw new RangeError(`a controlled gate needs at least one control, got ${n}`)
    }
    const state = parseCtrlState(options.ctrlState, n)
    const base = options.baseGate
    const suffix = state === 2 ** n - 1 ? '' : `_o${state}`
    super({
      name: options.name ?? `c${n > 1 ? n : ''}${base.name}${suffix}`,
      numQubits: n + base.numQubits,
      params: base.params,
      label: options.label,
      definition: options.definition ?? (() => controlledDefinition(base, n, state)),
    })
    this.baseGate = base
    this.numCtrlQubits = n
    this.ctrlState = state
  }

  /** The controlled matrix, built from the base gate's matrix. */
  override toMatrix(): ComplexMatrix {
    return controlledMatrix(this.baseGate.toMatrix(), this.numCtrlQubits, this.ctrlState)
  }

  override withParams(params: readonly ParameterValue[]): ControlledGate {
    return new ControlledGate({
      baseGate: this.baseGate.withParams(params),
      numCtrlQubits: this.numCtrlQubits,
      ctrlState: this.ctrlState,
      name: this.name,
      label: this.label,
    })
  }

  /** The inverse: the base gate's inverse under the same controls. */
  override inverse(): ControlledGate {
    return new ControlledGate({
      baseGate: this.baseGate.inverse(),
      numCtrlQubits: this.numCtrlQubits,
      ctrlState: this.ctrlState,
    })
  }

  /** More controls, placed before the existing ones (Qiskit's order and state packing). */
  override control(numCtrlQubits = 1, ctrlState?: number | string): Gate {
    const extra = parseCtrlState(ctrlState, numCtrlQubits)
    return this.baseGate.control(
      numCtrlQubits + this.numCtrlQubits,
      (this.ctrlState << numCtrlQubits) | extra,
    )
  }

  protected override sameDetails(other: Instruction): boolean {
    return (
      other instanceof ControlledGate &&
      other.numCtrlQubits === this.numCtrlQubits &&
      other.ctrlState === this.ctrlState &&
      other.baseGate.equals(this.baseGate)
    )
  }
}
