import { CircuitError } from './circuit-error.js'
import { isStandardGateName } from './library/standard-gate-specs.js'
import type { Parameter } from './parameter.js'
import { isSymbolic, valuesEqual } from './parameter-functions.js'
import type { ParameterValue } from './parameter-expression.js'
import type { QuantumCircuit } from './quantum-circuit.js'

/**
 * What every circuit operation has: a name, its arity and its parameters. Hot paths
 * (simulators, transpiler) read operations through this shape only.
 */
export interface Operation {
  readonly name: string
  readonly numQubits: number
  readonly numClbits: number
  readonly params: readonly ParameterValue[]
}

/** A definition given eagerly, or lazily (built on first use, then cached). */
export type DefinitionSource = QuantumCircuit | (() => QuantumCircuit)

/** Options of {@link Instruction}. */
export interface InstructionOptions {
  /** The operation name (`my_gate`); exporters write it as given. */
  readonly name: string
  /** How many qubits the operation acts on. */
  readonly numQubits: number
  /** How many clbits it writes or reads (default 0). */
  readonly numClbits?: number | undefined
  /** Its parameters (default none). */
  readonly params?: readonly ParameterValue[] | undefined
  /** A display label. */
  readonly label?: string | undefined
  /** The operation in terms of other operations, on `numQubits` qubits and `numClbits` clbits. */
  readonly definition?: DefinitionSource | undefined
  /** Whether this is a directive (barrier-like: no effect on the state; default false). */
  readonly isDirective?: boolean | undefined
  /**
   * The definition over plain parameters that `withParams` binds (kept across re-bindings, so a
   * gate bound to expressions can be bound again).
   *
   * @internal
   */
  readonly template?: DefinitionTemplate | undefined
}

/**
 * A definition written over distinct plain `Parameter`s, one per operation parameter.
 *
 * @internal
 */
export interface DefinitionTemplate {
  readonly params: readonly Parameter[]
  readonly source: DefinitionSource
}

/** The template of a definition, if the parameters are distinct plain `Parameter`s. */
function templateOf(
  params: readonly ParameterValue[],
  source: DefinitionSource,
): DefinitionTemplate | undefined {
  if (!params.every(isPlainParameter)) return undefined
  if (new Set(params.map((p) => p.id)).size !== params.length) return undefined
  return { params, source }
}

function assertCount(what: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${n}`)
  }
}

/**
 * A circuit operation (Qiskit's `Instruction`): immutable; placed on qubits by a
 * `CircuitInstruction`. Subclasses: `Gate` (unitary), `Measure`, `Reset`, `Barrier`, `Delay`
 * and the control-flow operations.
 *
 * @example
 * ```ts
 * const sub = new QuantumCircuit(2, 1).h(0).measure(0, 0)
 * const op = new Instruction({ name: 'prep', numQubits: 2, numClbits: 1, definition: sub })
 * ```
 */
export class Instruction implements Operation {
  readonly name: string
  readonly numQubits: number
  readonly numClbits: number
  readonly params: readonly ParameterValue[]
  /** A display label, if any. */
  readonly label: string | undefined
  /** Whether this is a directive such as a barrier: no effect on the state. */
  readonly isDirective: boolean
  #source: DefinitionSource | undefined
  #definition: QuantumCircuit | undefined
  readonly #template: DefinitionTemplate | undefined

  /**
   * @param options - name, arity, parameters, label and definition
   * @throws TypeError if the name is empty; RangeError if an arity is not a non-negative integer
   */
  constructor(options: InstructionOptions) {
    if (typeof options.name !== 'string' || options.name.length === 0) {
      throw new TypeError('an operation needs a non-empty name')
    }
    assertCount('numQubits', options.numQubits)
    assertCount('numClbits', options.numClbits ?? 0)
    this.name = options.name
    this.numQubits = options.numQubits
    this.numClbits = options.numClbits ?? 0
    this.params = Object.freeze([...(options.params ?? [])])
    this.label = options.label
    this.isDirective = options.isDirective ?? false
    this.#source = options.definition
    this.#template = options.template
  }

  /**
   * The operation in terms of other operations, or `undefined` for an opaque operation. A lazy
   * definition is built on first access and cached.
   *
   * @throws RangeError if the definition's width does not match the operation
   */
  get definition(): QuantumCircuit | undefined {
    if (this.#definition === undefined && this.#source !== undefined) {
      const def = typeof this.#source === 'function' ? this.#source() : this.#source
      if (def.numQubits !== this.numQubits || def.numClbits !== this.numClbits) {
        throw new RangeError(
          `the definition of '${this.name}' has ${def.numQubits} qubits and ${def.numClbits} clbits, ` +
            `expected ${this.numQubits} and ${this.numClbits}`,
        )
      }
      this.#definition = def
    }
    return this.#definition
  }

  /**
   * The definition over plain parameters that {@link withParams} binds, if there is one.
   *
   * @internal
   */
  get definitionTemplate(): DefinitionTemplate | undefined {
    const source = this.#definition ?? this.#source
    return this.#template ?? (source === undefined ? undefined : templateOf(this.params, source))
  }

  /** Whether a definition was given (without building a lazy one). */
  get hasDefinition(): boolean {
    return this.#source !== undefined || this.#definition !== undefined
  }

  /** Whether a parameter still has free symbols. */
  isParameterized(): boolean {
    return this.params.some(isSymbolic)
  }

  /** This operation's options, for subclasses rebuilding themselves. */
  protected get options(): InstructionOptions {
    return {
      name: this.name,
      numQubits: this.numQubits,
      numClbits: this.numClbits,
      params: this.params,
      label: this.label,
      definition: this.#definition ?? this.#source,
      isDirective: this.isDirective,
      template: this.#template,
    }
  }

  /**
   * The same operation with new parameters. A definition written over `Parameter`s (as
   * `circuit.toGate()` makes) has the new values substituted; other definitions are kept only
   * if the parameters did not change.
   *
   * @param params - one value per parameter
   * @throws TypeError if the number of parameters differs
   */
  withParams(params: readonly ParameterValue[]): Instruction {
    return new Instruction(this.optionsWithParams(params))
  }

  /** Options with new parameters and a re-bound definition (see {@link withParams}). */
  protected optionsWithParams(params: readonly ParameterValue[]): InstructionOptions {
    if (params.length !== this.params.length) {
      throw new TypeError(
        `'${this.name}' takes ${this.params.length} parameters, got ${params.length}`,
      )
    }
    const source = this.#definition ?? this.#source
    if (source === undefined || params.every((p, i) => valuesEqual(p, this.params[i]!))) {
      return { ...this.options, params }
    }
    const template = this.#template ?? templateOf(this.params, source)
    if (template === undefined) return { ...this.options, params, definition: undefined }
    const bindings = new Map<Parameter, ParameterValue>(
      template.params.map((p, i) => [p, params[i]!]),
    )
    const definition = (): QuantumCircuit => {
      const def = typeof template.source === 'function' ? template.source() : template.source
      return def.assignParameters(bindings, { allowUnknown: true })
    }
    return { ...this.options, params, definition, template }
  }

  /**
   * The inverse operation: by default `<name>_dg` defined by the inverse of the definition.
   *
   * @throws CircuitError `circuit.not-invertible` for an opaque operation (and for measure, reset)
   */
  inverse(): Instruction {
    const def = this.definition
    if (def === undefined) {
      throw new CircuitError('circuit.not-invertible', `'${this.name}' has no definition to invert`)
    }
    return new Instruction({ ...this.inverseOptions(), definition: () => def.inverse() })
  }

  /** Name, arity and parameters of the generic inverse (`<name>_dg`). */
  protected inverseOptions(): InstructionOptions {
    return {
      name: `${this.name}_dg`,
      numQubits: this.numQubits,
      numClbits: this.numClbits,
      params: this.params,
    }
  }

  /**
   * Whether `other` is the same operation: same class, name, arity and parameters, and for
   * custom operations the same definition.
   */
  equals(other: Operation): boolean {
    if (other === this) return true
    if (
      !(other instanceof Instruction) ||
      Object.getPrototypeOf(other) !== Object.getPrototypeOf(this)
    ) {
      return false
    }
    if (
      other.name !== this.name ||
      other.numQubits !== this.numQubits ||
      other.numClbits !== this.numClbits ||
      other.params.length !== this.params.length ||
      !this.params.every((p, i) => valuesEqual(p, other.params[i]!))
    ) {
      return false
    }
    return this.sameDetails(other)
  }

  /**
   * Subclass hook of {@link equals}, called with an operation of the same class, name, arity and
   * parameters. Compares definitions, except for standard gates (defined by name and parameters).
   */
  protected sameDetails(other: Instruction): boolean {
    // A standard gate is defined by its name and parameters; building definitions would be waste.
    if (isStandardGateName(this.name)) return true
    const a = this.definition
    const b = other.definition
    if (a === undefined || b === undefined) return a === b
    return a.equals(b)
  }
}

function isPlainParameter(value: ParameterValue): value is Parameter {
  return typeof value !== 'number' && value.node.kind === 'param' && value.node.param === value
}
