import type { ComplexMatrix } from '../../math/complex-matrix.js'
import { circuitFactory } from '../circuit-factory.js'
import { parseCtrlState } from '../controlled-matrix.js'
import { ControlledGate, Gate } from '../gate.js'
import type { ParameterValue } from '../parameter-expression.js'
import { valueToNumber } from '../parameter-functions.js'
import type { QuantumCircuit } from '../quantum-circuit.js'
import { simplifyAffine } from './affine-simplify.js'
import type { GateRecipe } from './gate-recipe.js'
import { standardControl } from './standard-gate-control.js'
import { standardGateDefinition } from './standard-gate-definitions.js'
import { standardInverse, type StandardGateCall } from './standard-gate-inverse.js'
import { standardGateMatrix } from './standard-gate-matrices.js'
import { standardPower } from './standard-gate-power.js'
import {
  isStandardGateName,
  STANDARD_GATE_SPECS,
  type StandardGateName,
} from './standard-gate-specs.js'

/** Options of {@link standardGate}. */
export interface StandardGateOptions {
  /** The number of controls of `mcx`/`mcp` (required for them; not allowed for other gates). */
  readonly numCtrlQubits?: number | undefined
  /** A display label. */
  readonly label?: string | undefined
}

/** The number of qubits of a standard gate, checking `numCtrlQubits` against its spec. */
function gateWidth(name: StandardGateName, numCtrlQubits: number | undefined): number {
  const spec = STANDARD_GATE_SPECS[name]
  if (spec.numQubits !== 'variable') {
    if (numCtrlQubits !== undefined) {
      throw new TypeError(`gate '${name}' has a fixed size and takes no numCtrlQubits`)
    }
    return spec.numQubits
  }
  if (numCtrlQubits === undefined || !Number.isInteger(numCtrlQubits) || numCtrlQubits < 1) {
    throw new RangeError(`gate '${name}' needs numCtrlQubits ≥ 1, got ${String(numCtrlQubits)}`)
  }
  return numCtrlQubits + 1
}

/**
 * Turns a recipe into a circuit of standard gates, with affine angle expressions simplified
 * (`−(θ/2/2) + θ/4` becomes `0`).
 *
 * @param r - the recipe
 * @returns a new circuit on `r.numQubits` qubits with the recipe's global phase
 */
export function recipeToCircuit(r: GateRecipe): QuantumCircuit {
  const qc = circuitFactory().createCircuit(r.numQubits)
  for (const step of r.steps) {
    const variable = STANDARD_GATE_SPECS[step.gate].numQubits === 'variable'
    const options = variable ? { numCtrlQubits: step.qubits.length - 1 } : {}
    const params = step.params.map((v) => simplifyAffine(v))
    qc.append(new StandardGate(step.gate, params, options), [...step.qubits])
  }
  qc.globalPhase = simplifyAffine(r.globalPhase, { period: 2 * Math.PI })
  return qc
}

/**
 * A gate of the standard library (Qiskit's standard gates): its matrix comes from the table,
 * its definition is Qiskit's decomposition into more basic standard gates (`u` and `cx` are the
 * basis and have none), and `inverse`, `control` and `power` give standard gates where Qiskit
 * does. Build one with {@link standardGate}.
 */
export class StandardGate extends Gate {
  declare readonly name: StandardGateName
  /** The number of controls of `mcx`/`mcp`; `undefined` for gates of fixed size. */
  readonly numCtrlQubits: number | undefined
  #matrix: ComplexMatrix | undefined

  /**
   * @param name - the gate's name
   * @param params - one value per parameter of the gate's spec
   * @param options - `numCtrlQubits` for `mcx`/`mcp`, a label
   * @throws TypeError for a wrong number of parameters; RangeError for a bad `numCtrlQubits`
   */
  constructor(
    name: StandardGateName,
    params: readonly ParameterValue[] = [],
    options: StandardGateOptions = {},
  ) {
    if (!isStandardGateName(name)) throw new TypeError(`'${String(name)}' is not a standard gate`)
    const numQubits = gateWidth(name, options.numCtrlQubits)
    const spec = STANDARD_GATE_SPECS[name]
    if (params.length !== spec.params.length) {
      throw new TypeError(
        `gate '${name}' takes ${spec.params.length} parameter(s) (${spec.params.join(', ')}), got ${params.length}`,
      )
    }
    const numCtrl = options.numCtrlQubits
    const hasDefinition = name !== 'u' && name !== 'cx'
    super({
      name,
      numQubits,
      params,
      label: options.label,
      definition: hasDefinition
        ? () => recipeToCircuit(standardGateDefinition(name, params, numCtrl)!)
        : undefined,
    })
    this.numCtrlQubits = numCtrl
  }

  /**
   * The gate's matrix from the standard table (Qiskit's exact matrices, little-endian).
   *
   * @throws CircuitError `circuit.unbound-parameter` if a parameter is symbolic
   */
  override toMatrix(): ComplexMatrix {
    if (this.#matrix === undefined) {
      this.assertBound()
      this.#matrix = standardGateMatrix(this.name, this.params.map(valueToNumber), {
        numCtrlQubits: this.numCtrlQubits,
      })
    }
    return this.#matrix.clone()
  }

  override withParams(params: readonly ParameterValue[]): StandardGate {
    return new StandardGate(this.name, params, {
      numCtrlQubits: this.numCtrlQubits,
      label: this.label,
    })
  }

  /**
   * The inverse: a standard gate where Qiskit has one (`s → sdg`, `rx(θ) → rx(−θ)`, …); the
   * controlled √X gates invert their base (`csx → sxdg.control(1)`, as Qiskit's controlled
   * gates do); the others (`iswap`, `dcx`, `rccx`, `rcccx`) get `<name>_dg` from the definition.
   */
  override inverse(): Gate {
    const inv = standardInverse(this.call())
    if (inv !== undefined) return fromCall(inv)
    if (this.name === 'csx' || this.name === 'c3sx') {
      return new StandardGate('sxdg').control(this.name === 'csx' ? 1 : 3)
    }
    return super.inverse()
  }

  /**
   * This gate under `numCtrlQubits` more controls (first in the qargs): the standard gate
   * Qiskit returns where there is one (`x → cx → ccx → c3x → mcx`, `p → cp → mcp`, `rz → crz`,
   * …), a generic `ControlledGate` otherwise. Open controls (`ctrlState` not all ones) give a
   * `ControlledGate` defined by X gates around the closed-control gate.
   *
   * @param numCtrlQubits - the number of new controls (default 1)
   * @param ctrlState - their activating state (number, or bitstring most-significant first)
   * @throws RangeError if the count or the state is out of range
   */
  override control(numCtrlQubits = 1, ctrlState?: number | string): Gate {
    if (!Number.isInteger(numCtrlQubits) || numCtrlQubits < 1) {
      throw new RangeError(`a controlled gate needs at least one control, got ${numCtrlQubits}`)
    }
    const state = parseCtrlState(ctrlState, numCtrlQubits)
    const closed = this.closedControl(numCtrlQubits)
    if (state === 2 ** numCtrlQubits - 1) return closed
    return new ControlledGate({
      baseGate: this,
      numCtrlQubits,
      ctrlState: state,
      definition: () => wrapOpenControls(closed, numCtrlQubits, state),
    })
  }

  /**
   * This gate to the power `exponent`: rotations scale their angle (`rx(θ)^k = rx(kθ)`), phase
   * gates become phase gates (`t^k = p(kπ/4)`); other gates use the generic power.
   *
   * @param exponent - a finite number
   * @throws RangeError for a non-finite exponent
   */
  override power(exponent: number): Gate {
    if (!Number.isFinite(exponent))
      throw new RangeError(`cannot raise a gate to the power ${exponent}`)
    if (exponent === 1) return this
    const p = standardPower(this.call(), exponent)
    return p === undefined ? super.power(exponent) : fromCall(p)
  }

  /** Controlled with all controls closed. */
  private closedControl(n: number): Gate {
    const std = standardControl(this.call(), n)
    if (std !== undefined) return fromCall(std)
    if (this.name !== 'u') return super.control(n)
    // `u` has no definition to control gate by gate: control `cu(θ, φ, λ, 0)` n − 1 more times
    const cu = fromCall({ name: 'cu', params: [...this.params, 0] })
    return new ControlledGate({
      baseGate: this,
      numCtrlQubits: n,
      definition: () => {
        const qc = circuitFactory().createCircuit(n + 1)
        qc.append(
          cu.control(n - 1),
          Array.from({ length: n + 1 }, (_, i) => i),
        )
        return qc
      },
    })
  }

  private call(): StandardGateCall {
    return { name: this.name, params: this.params, numCtrlQubits: this.numCtrlQubits }
  }
}

function fromCall(call: StandardGateCall): StandardGate {
  return new StandardGate(call.name, call.params, { numCtrlQubits: call.numCtrlQubits })
}

/** `closed` with X gates on the controls that `state` leaves open (bit k = control k). */
function wrapOpenControls(closed: Gate, n: number, state: number): QuantumCircuit {
  const qc = circuitFactory().createCircuit(closed.numQubits)
  const open = Array.from({ length: n }, (_, q) => q).filter((q) => ((state >> q) & 1) === 0)
  const x = new StandardGate('x')
  for (const q of open) qc.append(x, [q])
  qc.append(
    closed,
    Array.from({ length: closed.numQubits }, (_, i) => i),
  )
  for (const q of open) qc.append(x, [q])
  return qc
}

/**
 * A standard gate by name.
 *
 * @param name - one of `STANDARD_GATE_NAMES` (`'h'`, `'rx'`, `'cu'`, `'mcx'`, …)
 * @param params - one value (number or expression) per parameter of the gate
 * @param options - `numCtrlQubits` for `mcx`/`mcp` (required for them), a label
 * @returns the gate
 * @throws TypeError for an unknown name or a wrong number of parameters; RangeError for a bad
 *   `numCtrlQubits`
 * @example
 * ```ts
 * standardGate('rx', [Math.PI / 2]).toMatrix()
 * standardGate('mcx', [], { numCtrlQubits: 4 })        // 5 qubits, target last
 * standardGate('x').control(2)                          // ccx
 * ```
 */
export function standardGate(
  name: StandardGateName,
  params: readonly ParameterValue[] = [],
  options: StandardGateOptions = {},
): StandardGate {
  return new StandardGate(name, params, options)
}

/** Whether an operation is a gate of the standard library. */
export function isStandardGate(op: unknown): op is StandardGate {
  return op instanceof StandardGate
}
