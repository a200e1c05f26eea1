import type { ParameterValue } from '../circuit/parameter-expression.js'
import { CouplingMap, type CouplingEdge } from './coupling-map.js'
import { InstructionDurations } from './instruction-durations.js'
import type { InstructionProperties } from './instruction-properties.js'
import { qargsKey, type Qargs, type QargsPropertiesMap } from './qargs-properties-map.js'
import type { QubitProperties } from './qubit-properties.js'
import { couplingEdgesOf, nonGlobalOperationNames } from './target-coupling.js'
import { TargetError } from './target-errors.js'
import {
  populateFromConfiguration,
  type TargetFromConfigurationOptions,
} from './target-from-configuration.js'
import { TargetIndex, checkClassEntry, type InstructionPropertiesInput } from './target-index.js'
import { isOperationClass, type OperationClass, type TargetOperation } from './target-operation.js'
import { TimingConstraints } from './timing-constraints.js'

export type { InstructionPropertiesInput } from './target-index.js'

/** Options of the {@link Target} constructor (Qiskit's `Target(...)` arguments). */
export interface TargetOptions {
  /** A free-text description. */
  readonly description?: string | undefined
  /**
   * The number of qubits (default 0: taken from `qubitProperties`, or grown from the qargs of
   * added instructions). `null` means unknown: qubit arguments of queries are then ignored.
   */
  readonly numQubits?: number | null | undefined
  /** The sample time, in seconds. */
  readonly dt?: number | null | undefined
  /** Pulse durations are multiples of this many `dt` (default 1). */
  readonly granularity?: number | undefined
  /** Minimum pulse length, in `dt` (default 1). */
  readonly minLength?: number | undefined
  /** Gate start times are multiples of this many `dt` (default 1). */
  readonly pulseAlignment?: number | undefined
  /** Measurement start times are multiples of this many `dt` (default 1). */
  readonly acquireAlignment?: number | undefined
  /** Per-qubit T1/T2/frequency (an entry may be `null`); its length must equal `numQubits`. */
  readonly qubitProperties?: readonly (QubitProperties | null)[] | undefined
  /** Groups of qubits that are always measured together. */
  readonly concurrentMeasurements?: readonly (readonly number[])[] | undefined
}

/** A query of {@link Target.instructionSupported}. */
export interface InstructionSupportedQuery {
  /** The operation name in the target (ignored when `operationClass` is given). */
  readonly operationName?: string | undefined
  /** The physical qubits; omitted or `null` asks whether the operation exists at all. */
  readonly qargs?: Qargs | null | undefined
  /** Look for any entry of this class (by `instanceof`, or identity for class entries). */
  readonly operationClass?: OperationClass | undefined
  /** Parameter values to check against the entry's fixed or symbolic parameters. */
  readonly parameters?: readonly ParameterValue[] | undefined
}

/**
 * A target's connectivity as a tagged union rather than Qiskit's nullable coupling map: either
 * any qubits may interact, or only the coupled pairs may (qiskit-semantics §C.7).
 */
export type Connectivity =
  | { readonly kind: 'all-to-all' }
  | {
      readonly kind: 'graph'
      readonly couplingMap: CouplingMap
      readonly edges: readonly CouplingEdge[]
    }

/** Options of {@link Target.buildCouplingMap}. */
export interface BuildCouplingMapOptions {
  /** Only this 2-qubit instruction's qargs become edges. */
  readonly twoQGate?: string | undefined
  /** Leave out qubits that no instruction uses (the map then has holes in its numbering). */
  readonly filterIdleQubits?: boolean | undefined
}

/**
 * What a device supports, for the compiler (Qiskit's `Target`): the instructions it has, on
 * which qubits, with what duration and error; the qubits' properties; and timing constraints.
 *
 * Each instruction has a unique name (by default the operation's name; a fixed-angle variant
 * such as `rx(π/6)` is added under its own name, e.g. `rx_30`). Its properties map qargs to an
 * {@link InstructionProperties} (or `null` when unknown); a `null` qargs key makes it global,
 * available on any qubits. Variable-width operations (control flow) are added by class, always
 * global. Qubit indices are contiguous from 0.
 *
 * Building is additive, as in Qiskit: {@link addInstruction} and
 * {@link updateInstructionProperties} are the builder phase; {@link freeze} ends it. Everything
 * a target returns is read-only, and coupling maps it builds are fresh copies.
 *
 * @example
 * ```ts
 * const theta = new Parameter('θ')
 * const target = new Target({ numQubits: 2 })
 *   .addInstruction(standardGate('rz', [theta]), [
 *     [[0], new InstructionProperties({ duration: 0, error: 0 })],
 *     [[1], new InstructionProperties({ duration: 0, error: 0 })],
 *   ])
 *   .addInstruction(standardGate('cx'), [[[0, 1], new InstructionProperties({ error: 1e-2 })]])
 *   .addInstruction(new Measure()) // global
 * target.instructionSupported({ operationName: 'cx', qargs: [1, 0] }) // false
 * target.buildCouplingMap()?.getEdges()                               // [[0, 1]]
 * ```
 */
export class Target implements Iterable<readonly [string, QargsPropertiesMap]> {
  /** A free-text description, or `null`. */
  readonly description: string | null
  /** The sample time in seconds, or `null`. */
  readonly dt: number | null
  /** Pulse durations are multiples of this many `dt`. */
  readonly granularity: number
  /** Minimum pulse length, in `dt`. */
  readonly minLength: number
  /** Gate start times are multiples of this many `dt`. */
  readonly pulseAlignment: number
  /** Measurement start times are multiples of this many `dt`. */
  readonly acquireAlignment: number
  /** Per-qubit properties, or `null` if not given. */
  readonly qubitProperties: readonly (QubitProperties | null)[] | null
  /** Groups of qubits always measured together, or `null`. */
  readonly concurrentMeasurements: readonly (readonly number[])[] | null
  #numQubits: number | null
  #frozen = false
  readonly #index = new TargetIndex()
  #couplingEdges: CouplingEdge[] | null | undefined
  #durations: InstructionDurations | undefined

  /**
   * @param options - description, qubit count, `dt`, timing constraints, qubit properties
   * @throws RangeError if `numQubits` (> 0) differs from the length of `qubitProperties`
   */
  constructor(options: TargetOptions = {}) {
    const timing = new TimingConstraints(options)
    this.description = options.description ?? null
    this.dt = options.dt ?? null
    this.granularity = timing.granularity
    this.minLength = timing.minLength
    this.pulseAlignment = timing.pulseAlignment
    this.acquireAlignment = timing.acquireAlignment
    const groups = options.concurrentMeasurements
    this.concurrentMeasurements =
      groups === undefined ? null : Object.freeze(groups.map((g) => Object.freeze([...g])))
    let numQubits = options.numQubits === undefined ? 0 : options.numQubits
    const qubitProperties = options.qubitProperties
    if (qubitProperties !== undefined) {
      if (numQubits !== null && numQubits > 0 && numQubits !== qubitProperties.length) {
        throw new RangeError(
          'The value of num_qubits specified does not match the length of the input qubit_properties list',
        )
      }
      numQubits = qubitProperties.length
    }
    if (numQubits !== null && (!Number.isInteger(numQubits) || numQubits < 0)) {
      throw new RangeError(`numQubits must be a non-negative integer, got ${String(numQubits)}`)
    }
    this.#numQubits = numQubits
    this.qubitProperties =
      qubitProperties === undefined ? null : Object.freeze([...qubitProperties])
  }

  /**
   * Builds a target from loose constraints — basis gate names, a coupling map, calibration data
   * (Qiskit's `Target.from_configuration`, the migration path away from `BackendConfiguration`).
   *
   * @param options - basis gates, qubit count, coupling map, properties, durations, `dt`, …
   * @returns the target
   * @throws TargetError `target.unknown-instruction` for a basis gate with no known operation;
   *   `target.invalid-instruction` for a basis gate on more than 2 qubits
   */
  static fromConfiguration(options: TargetFromConfigurationOptions): Target {
    const timing = options.timingConstraints
    const target = new Target({
      numQubits: options.numQubits ?? options.couplingMap?.size() ?? 0,
      dt: options.dt,
      granularity: timing?.granularity,
      minLength: timing?.minLength,
      pulseAlignment: timing?.pulseAlignment,
      acquireAlignment: timing?.acquireAlignment,
      qubitProperties: options.backendProperties?.toQubitProperties(),
      concurrentMeasurements: options.concurrentMeasurements,
    })
    populateFromConfiguration(target, options)
    return target
  }

  /** The number of qubits, or `null` when unknown. */
  get numQubits(): number | null {
    return this.#numQubits
  }

  /** Whether {@link freeze} was called. */
  get isFrozen(): boolean {
    return this.#frozen
  }

  /**
   * Ends the builder phase: later {@link addInstruction}/{@link updateInstructionProperties}
   * calls throw. Backends freeze the targets they expose.
   *
   * @returns this target
   */
  freeze(): this {
    this.#frozen = true
    Object.freeze(this)
    return this
  }

  /**
   * Adds an instruction (Qiskit's `add_instruction`).
   *
   * @param instruction - an operation (parameters may be symbolic, accepting any value, or fixed),
   *   or a variable-width operation class (then `name` is required and `properties` not allowed)
   * @param properties - `[qargs, properties]` pairs (a `Map` works); omitted or `null` means
   *   global: `[[null, null]]`, any qubits, no properties
   * @param name - the unique name (default: the operation's name)
   * @returns this target
   * @throws TargetError `target.duplicate-instruction` if the name exists;
   *   `target.qargs-mismatch` if a qargs length differs from the operation's qubit count;
   *   `target.invalid-instruction` for a class without a name or with properties;
   *   `target.frozen` after {@link freeze}
   * @throws RangeError if a qubit index is not a non-negative integer
   */
  addInstruction(
    instruction: TargetOperation,
    properties?: InstructionPropertiesInput | null,
    name?: string,
  ): this {
    this.#assertBuilding()
    if (isOperationClass(instruction)) checkClassEntry(name, properties)
    const instructionName = name ?? (instruction as { readonly name: string }).name
    if (this.#index.gateMap.has(instructionName)) {
      throw new TargetError(
        'target.duplicate-instruction',
        `Instruction ${instructionName} is already in the target`,
      )
    }
    const maxQubit = this.#index.add(instructionName, instruction, properties ?? null)
    if (maxQubit >= 0) this.#numQubits = Math.max(this.#numQubits ?? 0, maxQubit + 1)
    this.#couplingEdges = undefined
    this.#durations = undefined
    return this
  }

  /**
   * Replaces the properties of one existing `(name, qargs)` entry.
   *
   * @param name - the instruction name
   * @param qargs - the qargs of the entry (`null` for the global one)
   * @param properties - the new properties, or `null`
   * @returns this target
   * @throws TargetError `target.unknown-instruction` / `target.unknown-qargs` if the entry does
   *   not exist; `target.frozen` after {@link freeze}
   */
  updateInstructionProperties(
    name: string,
    qargs: Qargs | null,
    properties: InstructionProperties | null,
  ): this {
    this.#assertBuilding()
    const entry = this.#index.require(name)
    const key = qargsKey(qargs)
    const existing = entry.props.get(key)
    if (existing === undefined) {
      throw new TargetError(
        'target.unknown-qargs',
        `Provided qarg: '${qargs === null ? 'None' : `(${qargs.join(', ')})`}' not in this Target for ${name}`,
      )
    }
    entry.props.set(key, Object.freeze([existing[0], properties] as const))
    this.#durations = undefined
    return this
  }

  /** The number of instructions. */
  get size(): number {
    return this.#index.gateMap.size
  }

  /**
   * @param name - an instruction name
   * @returns whether the target has it
   */
  has(name: string): boolean {
    return this.#index.gateMap.has(name)
  }

  /**
   * The per-qargs properties of an instruction (Qiskit's `target[name]`).
   *
   * @param name - an instruction name
   * @returns its properties map, or `undefined` if the target has no such instruction
   */
  get(name: string): QargsPropertiesMap | undefined {
    return this.#index.gateMap.get(name)?.view
  }

  /** @returns the instruction names, in insertion order (as {@link operationNames}) */
  keys(): readonly string[] {
    return this.operationNames
  }

  /** @returns `[name, properties map]` pairs, in insertion order */
  entries(): readonly (readonly [string, QargsPropertiesMap])[] {
    return [...this.#index.gateMap.values()].map((e) => [e.name, e.view] as const)
  }

  /** Iterates over `[name, properties map]` pairs, in insertion order (like a `Map`). */
  [Symbol.iterator](): Iterator<readonly [string, QargsPropertiesMap]> {
    return this.entries()[Symbol.iterator]()
  }

  /** The instruction names, in insertion order. */
  get operationNames(): readonly string[] {
    return Object.freeze([...this.#index.gateMap.keys()])
  }

  /** The operations (instances, or classes for variable-width entries), in insertion order. */
  get operations(): readonly TargetOperation[] {
    return Object.freeze([...this.#index.gateMap.values()].map((e) => e.operation))
  }

  /**
   * Every `(operation, qargs)` pair, instruction by instruction; global entries have `null`
   * qargs (a class entry appears as `[class, null]`).
   */
  get instructions(): readonly (readonly [TargetOperation, Qargs | null])[] {
    const out: (readonly [TargetOperation, Qargs | null])[] = []
    for (const entry of this.#index.gateMap.values()) {
      for (const [qargs] of entry.props.values()) out.push([entry.operation, qargs])
    }
    return Object.freeze(out)
  }

  /**
   * The properties of the `index`-th element of {@link instructions}.
   *
   * @param index - an index into {@link instructions}
   * @returns its properties (`null` when none)
   * @throws RangeError if the index is out of range
   */
  instructionProperties(index: number): InstructionProperties | null {
    const all: (InstructionProperties | null)[] = []
    for (const entry of this.#index.gateMap.values()) {
      for (const [, props] of entry.props.values()) all.push(props)
    }
    if (!Number.isInteger(index) || index < 0 || index >= all.length) {
      throw new RangeError(`instruction index ${index} out of range`)
    }
    return all[index]!
  }

  /**
   * The operation stored under a name.
   *
   * @param name - an instruction name
   * @returns the operation (or class)
   * @throws TargetError `target.unknown-instruction` if the name is not in the target
   */
  operationFromName(name: string): TargetOperation {
    return this.#index.require(name).operation
  }

  /**
   * Every qargs tuple of the target, in order of first appearance; `null` when the target has
   * only global instructions (Qiskit's `qargs`). Global entries themselves are not listed.
   */
  get qargs(): readonly Qargs[] | null {
    const keys = [...this.#index.qargGateMap.values()]
    if (keys.length === 1 && keys[0]!.qargs === null) return null
    return Object.freeze(keys.flatMap(({ qargs }) => (qargs === null ? [] : [qargs])))
  }

  /**
   * The qargs an instruction is defined on.
   *
   * @param name - an instruction name
   * @returns the qargs, or `null` if the instruction is global
   * @throws TargetError `target.unknown-instruction` if the name is not in the target
   */
  qargsForOperationName(name: string): readonly Qargs[] | null {
    const entry = this.#index.require(name)
    if (entry.props.has(null)) return null
    return Object.freeze([...entry.props.values()].map(([qargs]) => qargs!))
  }

  /**
   * The names of the instructions usable on some qargs: those defined exactly on them, every
   * variable-width (class) instruction, and every global instruction of the same arity. With
   * `null` qargs (or a target of 0/unknown qubits, where qargs are ignored): the global ones.
   *
   * @param qargs - physical qubits, or `null`
   * @returns the names
   * @throws RangeError if a qubit is out of range
   * @throws TargetError `target.unknown-qargs` if no instruction applies
   */
  operationNamesForQargs(qargs: Qargs | null): ReadonlySet<string> {
    const n = this.#numQubits ?? 0
    const q = n === 0 ? null : qargs
    if (q?.some((x) => !Number.isInteger(x) || x < 0 || x >= n)) {
      throw new RangeError(`[${q.join(', ')}] not in target`)
    }
    const names = new Set(this.#index.qargGateMap.get(qargsKey(q))?.names)
    for (const name of this.#index.variadic) names.add(name)
    if (q !== null)
      for (const name of this.#index.globalOperations.get(q.length) ?? []) names.add(name)
    if (names.size === 0) {
      throw new TargetError(
        'target.unknown-qargs',
        `${q === null ? 'None' : `[${q.join(', ')}]`} not in target`,
      )
    }
    return names
  }

  /**
   * The operations usable on some qargs (see {@link operationNamesForQargs}).
   *
   * @param qargs - physical qubits, or `null`
   * @returns the operations (or classes)
   * @throws RangeError if a qubit is out of range
   * @throws TargetError `target.unknown-qargs` if no instruction applies
   */
  operationsForQargs(qargs: Qargs | null): readonly TargetOperation[] {
    return [...this.operationNamesForQargs(qargs)].map(
      (name) => this.#index.gateMap.get(name)!.operation,
    )
  }

  /**
   * Whether an instruction is supported (Qiskit's `instruction_supported`): by name (or by
   * class), optionally on given qargs and with given parameter values.
   *
   * An exact qargs entry supports; a global entry supports any in-range qargs of the right
   * length; a class entry supports any in-range qargs without duplicates. With `parameters`, a
   * symbolic entry parameter accepts any value, a fixed one only an equal value (so a fixed-angle
   * `rzz(π/2)` entry accepts only π/2). When the target's qubit count is unknown (`null`), qargs
   * are ignored. Deliberate differences from Qiskit: the name + parameters path also checks the
   * qargs (Qiskit skips them), and class entries bound indices by `< numQubits` (Qiskit `<=`).
   *
   * @param query - `operationName` or `operationClass`, and optional `qargs` and `parameters`
   * @returns whether the target supports it
   */
  instructionSupported(query: InstructionSupportedQuery): boolean {
    const qargs = this.#numQubits === null ? null : (query.qargs ?? null)
    const n = this.#numQubits ?? 0
    const { operationClass, parameters } = query
    if (operationClass !== undefined) {
      return this.#index.supportedByClass({ operationClass, qargs, parameters }, n)
    }
    const name = query.operationName
    const entry = name === undefined ? undefined : this.#index.gateMap.get(name)
    if (entry === undefined) return false
    if (entry.numQubits === null) return TargetIndex.variadicSupports(qargs, n)
    if (parameters !== undefined && !TargetIndex.parametersAccepted(entry, parameters)) return false
    return TargetIndex.entrySupports(entry, qargs, n)
  }

  /**
   * The target's connectivity as a coupling map (Qiskit's `build_coupling_map`): nodes
   * `0 … numQubits−1` and one edge per 2-qubit qargs.
   *
   * Returns `null` — no constraint — when {@link qargs} is `null`, when a 2-qubit instruction is
   * global (a mix of global and constrained 2-qubit instructions too: pass `twoQGate` to see the
   * constrained edges), or when there are no edges and some instruction is global. Instructions
   * on more than two qubits are ignored. Each call returns a fresh copy.
   *
   * @param options - `twoQGate` to use one instruction's edges only; `filterIdleQubits`
   * @returns the map, or `null`
   * @throws TargetError `target.unknown-instruction` / `target.not-two-qubit` for a bad `twoQGate`
   */
  buildCouplingMap(options: BuildCouplingMapOptions = {}): CouplingMap | null {
    const allQargs = this.qargs
    if (allQargs === null) return null
    const numQubits = this.#numQubits ?? 0
    let edges: readonly CouplingEdge[]
    if (options.twoQGate !== undefined) {
      edges = this.#index.twoQGateEdges(options.twoQGate)
    } else {
      this.#couplingEdges ??= couplingEdgesOf(
        this.#index.gateMap.values(),
        this.#index.qargGateMap.has(null),
      )
      if (this.#couplingEdges === null) return null
      edges = this.#couplingEdges
    }
    if (options.filterIdleQubits === true && options.twoQGate === undefined) {
      const used = new Set(allQargs.flat())
      return new CouplingMap(edges, { physicalQubits: [...used].sort((a, b) => a - b) })
    }
    return new CouplingMap(edges, { numQubits })
  }

  /**
   * {@link buildCouplingMap} as a tagged union: `all-to-all` where it would return `null`.
   *
   * @returns the connectivity
   */
  connectivity(): Connectivity {
    const couplingMap = this.buildCouplingMap()
    if (couplingMap === null) return { kind: 'all-to-all' }
    return { kind: 'graph', couplingMap, edges: couplingMap.getEdges() }
  }

  /**
   * The names of the instructions not available on every qubit (1-qubit) or every qargs of their
   * arity (Qiskit's `get_non_global_operation_names`).
   *
   * @param options - `strictDirection`: `(0, 1)` and `(1, 0)` count separately
   * @returns the names, in insertion order
   */
  getNonGlobalOperationNames(
    options: { readonly strictDirection?: boolean | undefined } = {},
  ): readonly string[] {
    return nonGlobalOperationNames(this.#index.gateMap.values(), this.qargs ?? [], {
      numQubits: this.#numQubits ?? 0,
      strictDirection: options.strictDirection ?? false,
    })
  }

  /** The physical qubits `0 … numQubits−1`. */
  get physicalQubits(): readonly number[] {
    return Object.freeze(Array.from({ length: this.#numQubits ?? 0 }, (_, i) => i))
  }

  /**
   * The durations of every entry that has one, in seconds, with the target's `dt` (Qiskit's
   * `durations()`). Cached until the target changes.
   *
   * @returns the durations
   */
  durations(): InstructionDurations {
    if (this.#durations === undefined) {
      const entries = []
      for (const entry of this.#index.gateMap.values()) {
        for (const [qargs, props] of entry.props.values()) {
          if (props?.duration != null) {
            entries.push({
              name: entry.name,
              qubits: qargs,
              duration: props.duration,
              unit: 's' as const,
            })
          }
        }
      }
      this.#durations = new InstructionDurations(entries, { dt: this.dt })
    }
    return this.#durations
  }

  /** @returns the target's timing constraints (Qiskit's `timing_constraints()`) */
  timingConstraints(): TimingConstraints {
    return new TimingConstraints(this)
  }

  #assertBuilding(): void {
    if (this.#frozen) throw new TargetError('target.frozen', 'the target is frozen')
  }
}
