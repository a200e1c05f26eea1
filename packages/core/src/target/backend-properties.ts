import type { BackendPropertiesJson, NduvJson } from './backend-json.js'
import { frozenJsonCopy, isRecord, jsonCopy, parseDate } from './json-utils.js'
import { QubitProperties } from './qubit-properties.js'
import { BackendPropertyError } from './target-errors.js'
import { applyUnitPrefix } from './unit-prefix.js'

/** A calibrated value in SI units (seconds, hertz), with when it was measured. */
export interface PropertyValue {
  /** The value in SI base units (the JSON's `us`, `ns`, `GHz` converted). */
  readonly value: number
  /** When it was measured, or `null` if the date is missing or unreadable. */
  readonly date: Date | null
}

/** The calibration of one gate on one qubit tuple. */
export interface GatePropertiesEntry {
  /** The qubits. */
  readonly qubits: readonly number[]
  /** `gate_error`, `gate_length` (seconds), `operational`, … by name. */
  readonly properties: ReadonlyMap<string, PropertyValue>
}

/** A gate on some qubits (what {@link BackendProperties.faultyGates} returns). */
export interface GateOnQubits {
  readonly gate: string
  readonly qubits: readonly number[]
}

type ValueMap = ReadonlyMap<string, PropertyValue>

const tupleKey = (qubits: readonly number[]): string => qubits.join(',')

/**
 * One day's calibration of a device (Qiskit's `BackendProperties`), read from IBM's
 * `props_<device>.json` shape. Every accessor returns SI units: T1/T2 and lengths in seconds,
 * frequencies in hertz. Missing data raises {@link BackendPropertyError}. {@link toJSON} gives
 * back the document exactly as read. Immutable.
 *
 * @example
 * ```ts
 * const props = BackendProperties.fromJSON(JSON.parse(text))
 * props.t1(0)                 // 5.97e-5 (seconds; the file says 59.7 us)
 * props.frequency(0)          // 5.03e9 (hertz; the file says 5.03 GHz)
 * props.gateError('cx', [0, 1])
 * props.gateLength('cx', [0, 1]) // 3.06e-7 (seconds)
 * ```
 */
export class BackendProperties {
  readonly #json: BackendPropertiesJson
  readonly #qubits: readonly ValueMap[]
  readonly #gates = new Map<string, Map<string, GatePropertiesEntry>>()
  readonly #general: ValueMap

  /**
   * @param json - the properties document (validated; copied)
   * @throws BackendPropertyError if the document is malformed or a unit is not understood
   */
  constructor(json: BackendPropertiesJson) {
    validateProperties(json)
    this.#json = frozenJsonCopy(json)
    this.#qubits = Object.freeze(this.#json.qubits.map((list, q) => toValueMap(list, `qubit ${q}`)))
    for (const gate of this.#json.gates) {
      const byQubits = this.#gates.get(gate.gate) ?? new Map<string, GatePropertiesEntry>()
      this.#gates.set(gate.gate, byQubits)
      const properties = toValueMap(gate.parameters, `${gate.gate}${gate.qubits.join('_')}`)
      byQubits.set(tupleKey(gate.qubits), Object.freeze({ qubits: gate.qubits, properties }))
    }
    this.#general = toValueMap(this.#json.general, 'general')
    Object.freeze(this)
  }

  /**
   * Reads a properties document (Qiskit's `BackendProperties.from_dict`).
   *
   * @param json - the parsed JSON
   * @returns the properties
   * @throws BackendPropertyError if the document is malformed or a unit is not understood
   */
  static fromJSON(json: unknown): BackendProperties {
    if (!isRecord(json)) throw new BackendPropertyError('backend properties must be an object')
    return new BackendProperties(json as BackendPropertiesJson)
  }

  /** The backend's name. */
  get backendName(): string {
    return this.#json.backend_name
  }
  /** The backend's version string. */
  get backendVersion(): string {
    return this.#json.backend_version
  }
  /** When the calibration was last updated, or `null`. */
  get lastUpdateDate(): Date | null {
    return parseDate(this.#json.last_update_date)
  }
  /** The number of qubits with properties. */
  get numQubits(): number {
    return this.#qubits.length
  }
  /** The names of the gates with calibration data, in order of first appearance. */
  get gateNames(): readonly string[] {
    return [...this.#gates.keys()]
  }
  /** Device-wide values (`jq_01`, `zz_01`, …), SI-converted, by name. */
  get general(): ValueMap {
    return this.#general
  }

  /**
   * All properties of a qubit, or one of them.
   *
   * @param qubit - the qubit index
   * @param name - a property name (`'T1'`, `'readout_error'`, …)
   * @returns the map of all properties, or the one named
   * @throws BackendPropertyError if the qubit or the named property does not exist
   */
  qubitProperty(qubit: number): ValueMap
  qubitProperty(qubit: number, name: string): PropertyValue
  qubitProperty(qubit: number, name?: string): ValueMap | PropertyValue {
    const map = this.#qubits[qubit]
    if (map === undefined) {
      throw new BackendPropertyError(`Couldn't find the properties of qubit ${qubit}.`)
    }
    if (name === undefined) return map
    const value = map.get(name)
    if (value === undefined) {
      throw new BackendPropertyError(`Couldn't find the property '${name}' for qubit ${qubit}.`)
    }
    return value
  }

  /**
   * T1 of a qubit, in seconds.
   *
   * @param qubit - the qubit
   * @returns the `T1` value
   * @throws BackendPropertyError if missing
   */
  t1(qubit: number): number {
    return this.qubitProperty(qubit, 'T1').value
  }
  /**
   * T2 of a qubit, in seconds.
   *
   * @param qubit - the qubit
   * @returns the `T2` value
   * @throws BackendPropertyError if missing
   */
  t2(qubit: number): number {
    return this.qubitProperty(qubit, 'T2').value
  }
  /**
   * Frequency of a qubit, in hertz.
   *
   * @param qubit - the qubit
   * @returns the `frequency` value
   * @throws BackendPropertyError if missing
   */
  frequency(qubit: number): number {
    return this.qubitProperty(qubit, 'frequency').value
  }
  /**
   * Readout error of a qubit.
   *
   * @param qubit - the qubit
   * @returns the `readout_error` value
   * @throws BackendPropertyError if missing
   */
  readoutError(qubit: number): number {
    return this.qubitProperty(qubit, 'readout_error').value
  }
  /**
   * Readout length of a qubit, in seconds.
   *
   * @param qubit - the qubit
   * @returns the `readout_length` value
   * @throws BackendPropertyError if missing
   */
  readoutLength(qubit: number): number {
    return this.qubitProperty(qubit, 'readout_length').value
  }

  /**
   * The calibration entries of a gate on every qubit tuple it has data for.
   *
   * @param gate - the gate name
   * @returns the entries, in document order
   * @throws BackendPropertyError if the gate has no data
   */
  gateEntries(gate: string): readonly GatePropertiesEntry[] {
    const byQubits = this.#gates.get(gate)
    if (byQubits === undefined) {
      throw new BackendPropertyError(`Could not find the desired property for ${gate}`)
    }
    return [...byQubits.values()]
  }

  /**
   * All properties of a gate on some qubits, or one of them.
   *
   * @param gate - the gate name
   * @param qubits - the qubit, or qubit tuple
   * @param name - a property name (`'gate_error'`, `'gate_length'`, …)
   * @returns the map of all properties, or the one named
   * @throws BackendPropertyError if the gate, the qubits or the named property has no data
   */
  gateProperty(gate: string, qubits: number | readonly number[]): ValueMap
  gateProperty(gate: string, qubits: number | readonly number[], name: string): PropertyValue
  gateProperty(
    gate: string,
    qubits: number | readonly number[],
    name?: string,
  ): ValueMap | PropertyValue {
    const tuple = typeof qubits === 'number' ? [qubits] : qubits
    const entry = this.#gates.get(gate)?.get(tupleKey(tuple))
    if (entry === undefined) {
      throw new BackendPropertyError(
        `Could not find the desired property for ${gate} on qubits [${tuple.join(', ')}]`,
      )
    }
    if (name === undefined) return entry.properties
    const value = entry.properties.get(name)
    if (value === undefined) {
      throw new BackendPropertyError(
        `Could not find the property '${name}' for ${gate} on qubits [${tuple.join(', ')}]`,
      )
    }
    return value
  }

  /**
   * @param gate - the gate name
   * @param qubits - the qubit, or qubit tuple
   * @returns the gate's average error on those qubits
   * @throws BackendPropertyError if missing
   */
  gateError(gate: string, qubits: number | readonly number[]): number {
    return this.gateProperty(gate, qubits, 'gate_error').value
  }

  /**
   * @param gate - the gate name
   * @param qubits - the qubit, or qubit tuple
   * @returns the gate's duration on those qubits, in seconds
   * @throws BackendPropertyError if missing
   */
  gateLength(gate: string, qubits: number | readonly number[]): number {
    return this.gateProperty(gate, qubits, 'gate_length').value
  }

  /**
   * Whether a qubit works: its `operational` property, or `true` when it has none (as Qiskit).
   *
   * @param qubit - the qubit
   * @returns whether it is operational
   * @throws BackendPropertyError if the qubit does not exist
   */
  isQubitOperational(qubit: number): boolean {
    const value = this.qubitProperty(qubit).get('operational')
    return value === undefined || Boolean(value.value)
  }

  /**
   * Whether a gate works on some qubits: its `operational` property, or `true` when it has none.
   *
   * @param gate - the gate name
   * @param qubits - the qubit, or qubit tuple
   * @returns whether it is operational
   * @throws BackendPropertyError if the gate has no data on those qubits
   */
  isGateOperational(gate: string, qubits: number | readonly number[]): boolean {
    const value = this.gateProperty(gate, qubits).get('operational')
    return value === undefined || Boolean(value.value)
  }

  /** @returns the qubits whose `operational` property is false, ascending */
  faultyQubits(): readonly number[] {
    const out: number[] = []
    for (let q = 0; q < this.#qubits.length; q++) if (!this.isQubitOperational(q)) out.push(q)
    return out
  }

  /** @returns the gates (with their qubits) whose `operational` property is false, in order */
  faultyGates(): readonly GateOnQubits[] {
    const out: GateOnQubits[] = []
    for (const [gate, byQubits] of this.#gates) {
      for (const { qubits, properties } of byQubits.values()) {
        const op = properties.get('operational')
        if (op !== undefined && !op.value) out.push({ gate, qubits })
      }
    }
    return out
  }

  /**
   * One {@link QubitProperties} per qubit (T1, T2, frequency; `null` where missing), as Qiskit's
   * `qubit_props_list_from_props`.
   *
   * @returns the list, indexed by qubit
   */
  toQubitProperties(): readonly QubitProperties[] {
    return this.#qubits.map(
      (map) =>
        new QubitProperties({
          t1: map.get('T1')?.value ?? null,
          t2: map.get('T2')?.value ?? null,
          frequency: map.get('frequency')?.value ?? null,
        }),
    )
  }

  /** @returns the document exactly as read (a mutable deep copy) */
  toJSON(): BackendPropertiesJson {
    return jsonCopy(this.#json)
  }
}

function toValueMap(list: readonly NduvJson[], where: string): ValueMap {
  const map = new Map<string, PropertyValue>()
  for (const nduv of list) {
    let value: number
    try {
      value = applyUnitPrefix(nduv.value, nduv.unit)
    } catch (cause) {
      throw new BackendPropertyError(
        `${where}, ${nduv.name}: could not understand units: ${nduv.unit}`,
        {
          cause,
        },
      )
    }
    map.set(nduv.name, Object.freeze({ value, date: parseDate(nduv.date) }))
  }
  return map
}

function isNduv(value: unknown): value is NduvJson {
  return (
    isRecord(value) &&
    typeof value['name'] === 'string' &&
    typeof value['value'] === 'number' &&
    typeof value['unit'] === 'string'
  )
}

function validateProperties(json: BackendPropertiesJson): void {
  const fail = (message: string): never => {
    throw new BackendPropertyError(`invalid backend properties: ${message}`)
  }
  for (const key of ['backend_name', 'backend_version', 'last_update_date'] as const) {
    if (typeof json[key] !== 'string') fail(`'${key}' must be a string`)
  }
  if (!Array.isArray(json.qubits)) fail(`'qubits' must be a list`)
  json.qubits.forEach((list: unknown, q) => {
    if (!Array.isArray(list) || !list.every(isNduv)) fail(`qubits[${q}] must be a list of values`)
  })
  if (!Array.isArray(json.gates)) fail(`'gates' must be a list`)
  json.gates.forEach((gate: unknown, i) => {
    const ok =
      isRecord(gate) &&
      typeof gate['gate'] === 'string' &&
      Array.isArray(gate['qubits']) &&
      gate['qubits'].every((q) => Number.isInteger(q)) &&
      Array.isArray(gate['parameters']) &&
      gate['parameters'].every(isNduv)
    if (!ok) fail(`gates[${i}] must have a gate name, qubits and parameters`)
  })
  if (!Array.isArray(json.general) || !json.general.every(isNduv)) {
    fail(`'general' must be a list of values`)
  }
}
