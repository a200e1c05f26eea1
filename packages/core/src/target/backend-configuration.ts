import type {
  BackendConfigurationJson,
  GateConfigJson,
  TimingConstraintsJson,
} from './backend-json.js'
import { CouplingMap, type CouplingEdge } from './coupling-map.js'
import {
  frozenJsonCopy,
  hasFieldType,
  isRecord,
  jsonCopy,
  parseDate,
  type FieldType,
} from './json-utils.js'
import { BackendConfigurationError } from './target-errors.js'
import { TimingConstraints } from './timing-constraints.js'

/** The fields every configuration must have, and their types (Qiskit's required arguments). */
const REQUIRED_FIELDS: readonly (readonly [string, FieldType])[] = [
  ['backend_name', 'string'],
  ['backend_version', 'string'],
  ['n_qubits', 'number'],
  ['basis_gates', 'string[]'],
  ['local', 'boolean'],
  ['simulator', 'boolean'],
  ['conditional', 'boolean'],
  ['open_pulse', 'boolean'],
  ['memory', 'boolean'],
  ['max_shots', 'number'],
]

/** Optional fields whose type is checked when present. */
const OPTIONAL_FIELDS: readonly (readonly [string, FieldType])[] = [
  ['max_experiments', 'number'],
  ['supported_instructions', 'string[]'],
  ['dt', 'number'],
  ['dtm', 'number'],
  ['meas_map', 'number[][]'],
  ['description', 'string'],
  ['online_date', 'string'],
  ['rep_times', 'number[]'],
  ['rep_delay_range', 'number[]'],
  ['default_rep_delay', 'number'],
]

/**
 * The fields Qiskit's `QasmBackendConfiguration` declares as attributes. Other fields go to its
 * overflow dictionary: readable, but not "in" the configuration — which matters to
 * `filter_backends`, where only declared fields count as configuration filters.
 */
export const DECLARED_CONFIGURATION_FIELDS: ReadonlySet<string> = new Set([
  ...REQUIRED_FIELDS.map(([key]) => key),
  'gates',
  'coupling_map',
  'supported_instructions',
  'dynamic_reprate_enabled',
  'rep_delay_range',
  'default_rep_delay',
  'max_experiments',
  'sample_name',
  'n_registers',
  'register_map',
  'configurable',
  'credits_required',
  'online_date',
  'display_name',
  'description',
  'tags',
  'dt',
  'dtm',
  'processor_type',
  'parametric_pulses',
])

/** One gate of the configuration, with camelCase names (Qiskit's `GateConfig`). */
export interface GateConfig {
  readonly name: string
  /** Parameter names (empty for none). */
  readonly parameters: readonly string[]
  /** The OpenQASM 2 definition, or `null`. */
  readonly qasmDef: string | null
  /** The qubit tuples the gate is available on, or `null` if the entry has none. */
  readonly couplingMap: readonly (readonly number[])[] | null
}

const US = 1e-6
const NS = 1e-9

/**
 * A backend's static description (Qiskit's `BackendConfiguration`), read from IBM's
 * `conf_<device>.json` shape. Accessors use SI units: {@link dt} and {@link dtm} in seconds
 * (the JSON has ns), {@link repTimes} and the repetition delays in seconds (the JSON has µs).
 * Any field, declared or not, is readable with {@link get} in the JSON's own form; {@link toJSON}
 * gives back the document exactly as read. Immutable.
 *
 * @example
 * ```ts
 * const conf = BackendConfiguration.fromJSON(JSON.parse(text))
 * conf.numQubits        // 5
 * conf.basisGates       // ['id', 'rz', 'sx', 'x', 'cx']
 * conf.dt               // 2.222e-10 (seconds)
 * conf.get('quantum_volume')
 * ```
 */
export class BackendConfiguration {
  readonly #json: BackendConfigurationJson
  readonly #gates: readonly GateConfig[]

  /**
   * @param json - the configuration document (validated; copied)
   * @throws BackendConfigurationError if a required field is missing or a field has the wrong type
   */
  constructor(json: BackendConfigurationJson) {
    validateConfiguration(json)
    this.#json = frozenJsonCopy(json)
    this.#gates = Object.freeze(this.#json.gates.map(toGateConfig))
    Object.freeze(this)
  }

  /**
   * Reads a configuration document (Qiskit's `BackendConfiguration.from_dict`).
   *
   * @param json - the parsed JSON
   * @returns the configuration
   * @throws BackendConfigurationError if the document is not a valid configuration
   */
  static fromJSON(json: unknown): BackendConfiguration {
    if (!isRecord(json)) throw new BackendConfigurationError('a configuration must be an object')
    return new BackendConfiguration(json as BackendConfigurationJson)
  }

  /** The backend's name (`ibmq_vigo`). */
  get backendName(): string {
    return this.#json.backend_name
  }
  /** The backend's version string. */
  get backendVersion(): string {
    return this.#json.backend_version
  }
  /** The number of qubits (`n_qubits`). */
  get numQubits(): number {
    return this.#json.n_qubits
  }
  /** Alias of {@link numQubits}, as Qiskit's `n_qubits`. */
  get nQubits(): number {
    return this.#json.n_qubits
  }
  /** The native gate names. */
  get basisGates(): readonly string[] {
    return this.#json.basis_gates
  }
  /** The per-gate configuration entries. */
  get gates(): readonly GateConfig[] {
    return this.#gates
  }
  /** Whether the backend runs locally. */
  get local(): boolean {
    return this.#json.local
  }
  /** Whether the backend is a simulator. */
  get simulator(): boolean {
    return this.#json.simulator
  }
  /** Whether classically conditioned operations are supported. */
  get conditional(): boolean {
    return this.#json.conditional
  }
  /** Whether pulse programs are accepted. */
  get openPulse(): boolean {
    return this.#json.open_pulse
  }
  /** Whether per-shot memory is supported. */
  get memory(): boolean {
    return this.#json.memory
  }
  /** The maximum number of shots per job. */
  get maxShots(): number {
    return this.#json.max_shots
  }
  /** The directed couplings `[control, target]`, or `null` for all-to-all. */
  get couplingMap(): readonly CouplingEdge[] | null {
    const map = this.#json.coupling_map
    return map === null ? null : (map as readonly CouplingEdge[])
  }
  /** The maximum number of circuits per job; `undefined` when absent or 0 (as Qiskit). */
  get maxExperiments(): number | undefined {
    const value = this.#json.max_experiments
    return typeof value === 'number' && value !== 0 ? value : undefined
  }
  /** Instruction names the backend accepts besides gates (`measure`, `delay`, `if_else`, …). */
  get supportedInstructions(): readonly string[] {
    return this.#json.supported_instructions ?? []
  }
  /** The sample time in seconds, or `null`. */
  get dt(): number | null {
    return numberOrNull(this.#json.dt, NS)
  }
  /** The measurement sample time in seconds, or `null`. */
  get dtm(): number | null {
    return numberOrNull(this.#json.dtm, NS)
  }
  /** Groups of qubits that are measured together, or `null`. */
  get measMap(): readonly (readonly number[])[] | null {
    return this.#json.meas_map ?? null
  }
  /** The timing constraints, or `null` when the document has none. */
  get timingConstraints(): TimingConstraints | null {
    const tc: TimingConstraintsJson | undefined = this.#json.timing_constraints
    if (typeof tc !== 'object') return null
    return new TimingConstraints({
      granularity: tc.granularity,
      minLength: tc.min_length,
      pulseAlignment: tc.pulse_alignment,
      acquireAlignment: tc.acquire_alignment,
    })
  }
  /** A description of the backend, or `null`. */
  get description(): string | null {
    return this.#json.description ?? null
  }
  /** When the backend went online, or `null`. */
  get onlineDate(): Date | null {
    return parseDate(this.#json.online_date)
  }
  /** The supported repetition times, in seconds. */
  get repTimes(): readonly number[] | null {
    return this.#json.rep_times?.map((t) => t * US) ?? null
  }
  /** The range of the repetition delay `[min, max]`, in seconds, or `null`. */
  get repDelayRange(): readonly number[] | null {
    return this.#json.rep_delay_range?.map((t) => t * US) ?? null
  }
  /** The default repetition delay, in seconds, or `null`. */
  get defaultRepDelay(): number | null {
    return numberOrNull(this.#json.default_rep_delay, US)
  }
  /** The processor family and revision, or `null`. */
  get processorType(): BackendConfigurationJson['processor_type'] | null {
    return this.#json.processor_type ?? null
  }

  /**
   * Any field of the document, in the JSON's own form and units.
   *
   * @param key - a snake_case field name (`'quantum_volume'`)
   * @returns the value, or `undefined`
   */
  get(key: string): unknown {
    return Object.hasOwn(this.#json, key) ? this.#json[key] : undefined
  }

  /**
   * Whether a declared field is set (Qiskit's `key in configuration`): overflow fields such as
   * `quantum_volume` are readable with {@link get} but not "in" the configuration.
   *
   * @param key - a snake_case field name
   * @returns whether the field is declared and present
   */
  has(key: string): boolean {
    return DECLARED_CONFIGURATION_FIELDS.has(key) && this.get(key) !== undefined
  }

  /** The fields Qiskit would keep in its overflow dictionary, in the JSON's form. */
  get extra(): Readonly<Record<string, unknown>> {
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(this.#json)) {
      if (!DECLARED_CONFIGURATION_FIELDS.has(key)) out[key] = value
    }
    return out
  }

  /**
   * The coupling map as a {@link CouplingMap} over all `numQubits` qubits.
   *
   * @returns the map, or `null` when the device is all-to-all
   */
  getCouplingMap(): CouplingMap | null {
    const edges = this.couplingMap
    if (edges === null) return null
    return new CouplingMap(edges, { numQubits: this.numQubits, description: this.backendName })
  }

  /** @returns the document exactly as read (a mutable deep copy) */
  toJSON(): BackendConfigurationJson {
    return jsonCopy(this.#json)
  }
}

function numberOrNull(value: unknown, scale: number): number | null {
  return typeof value === 'number' ? value * scale : null
}

function toGateConfig(gate: GateConfigJson): GateConfig {
  return Object.freeze({
    name: gate.name,
    parameters: gate.parameters ?? [],
    qasmDef: gate.qasm_def ?? null,
    couplingMap: gate.coupling_map ?? null,
  })
}

function validateConfiguration(json: BackendConfigurationJson): void {
  const fail = (message: string): never => {
    throw new BackendConfigurationError(`invalid backend configuration: ${message}`)
  }
  for (const [key, type] of REQUIRED_FIELDS) {
    if (!Object.hasOwn(json, key)) fail(`missing required field '${key}'`)
    if (!hasFieldType(json[key], type)) fail(`'${key}' must be a ${type}`)
  }
  for (const [key, type] of OPTIONAL_FIELDS) {
    const value = json[key]
    if (value !== undefined && value !== null && !hasFieldType(value, type)) {
      fail(`'${key}' must be a ${type}`)
    }
  }
  if (!Number.isInteger(json.n_qubits) || json.n_qubits < 0) {
    fail(`'n_qubits' must be a non-negative integer`)
  }
  validateStructures(json, fail)
}

function validateStructures(
  json: BackendConfigurationJson,
  fail: (message: string) => never,
): void {
  if (!Object.hasOwn(json, 'coupling_map')) fail(`missing required field 'coupling_map'`)
  const coupling: unknown = json.coupling_map
  if (coupling !== null && !hasFieldType(coupling, 'number[][]')) {
    fail(`'coupling_map' must be a list of qubit pairs or null`)
  }
  if (!Array.isArray(json.gates)) fail(`missing required field 'gates'`)
  json.gates.forEach((gate: unknown, i) => {
    if (!isRecord(gate) || typeof gate['name'] !== 'string') fail(`gates[${i}] needs a name`)
  })
  if (json.timing_constraints !== undefined && !isRecord(json.timing_constraints)) {
    fail(`'timing_constraints' must be an object`)
  }
}
