/**
 * The JSON shape of results: exactly Qiskit's `Result.to_dict()` (snake_case, counts with hex
 * keys, complex numbers as `[re, im]` pairs as Qiskit's JSON encoder writes them), so result
 * files move between Qiskit and qfabric unchanged.
 */

/** A complex number on the wire: `[re, im]`. */
export type ComplexJson = readonly [re: number, im: number]

/** An experiment's header (Qiskit's `QobjExperimentHeader` as a dict). Extra keys are kept. */
export interface ExperimentHeaderJson {
  /** The circuit's name; `Result.getCounts(name)` looks experiments up by it. */
  readonly name?: string
  /** Classical registers `[name, size]` in circuit order. */
  readonly creg_sizes?: readonly (readonly [string, number])[]
  /** The number of classical bits. */
  readonly memory_slots?: number
  /** Quantum registers `[name, size]` in circuit order. */
  readonly qreg_sizes?: readonly (readonly [string, number])[]
  /** The number of qubits. */
  readonly n_qubits?: number
  /** `[register, index]` of each clbit. */
  readonly clbit_labels?: readonly (readonly [string, number])[]
  /** `[register, index]` of each qubit. */
  readonly qubit_labels?: readonly (readonly [string, number])[]
  readonly global_phase?: number
  readonly metadata?: Readonly<Record<string, unknown>> | null
  readonly [key: string]: unknown
}

/** An experiment's data (Qiskit's `ExperimentResultData`). Extra keys are kept. */
export interface ExperimentDataJson {
  /** Outcome (hex key, `'0x5'`) → number of shots. */
  readonly counts?: Readonly<Record<string, number>>
  /** Per-shot outcomes: hex strings at measurement level 2; `[re, im]` arrays at levels 0/1. */
  readonly memory?: readonly unknown[]
  /** The final state, little-endian, as `[re, im]` pairs. */
  readonly statevector?: readonly ComplexJson[]
  /** The circuit's unitary, row-major rows of `[re, im]` pairs. */
  readonly unitary?: readonly (readonly ComplexJson[])[]
  readonly [key: string]: unknown
}

/** One experiment's result (Qiskit's `ExperimentResult.to_dict()`). Extra keys are kept. */
export interface ExperimentResultJson {
  /** The number of shots, or the first and last shot of this data. */
  readonly shots: number | readonly [number, number]
  readonly success: boolean
  readonly data: ExperimentDataJson
  /** 0 raw, 1 kerneled, 2 classified (the default). */
  readonly meas_level?: 0 | 1 | 2
  readonly meas_return?: 'single' | 'avg'
  readonly status?: string
  readonly seed?: number
  readonly seed_simulator?: number
  readonly time_taken?: number
  readonly header?: ExperimentHeaderJson
  readonly [key: string]: unknown
}

/** A job's result (Qiskit's `Result.to_dict()`). Extra keys are kept as metadata. */
export interface ResultJson {
  readonly backend_name: string
  readonly backend_version: string
  /** Qiskit 1.x required it; 2.x dropped it. */
  readonly qobj_id?: string | null
  readonly job_id: string
  /** True when every experiment succeeded. */
  readonly success: boolean
  readonly results: readonly ExperimentResultJson[]
  /** When the result was produced: an ISO 8601 UTC timestamp. */
  readonly date?: string | null
  readonly status?: string | null
  readonly header?: Readonly<Record<string, unknown>> | null
  /** Wall time of the whole job, in seconds. */
  readonly time_taken?: number
  readonly [key: string]: unknown
}

/**
 * Checks that `value` has the shape of a {@link ResultJson} (required fields and their types);
 * extra fields are allowed.
 *
 * @param value - parsed JSON
 * @throws TypeError naming the first field that is missing or of the wrong type
 */
export function assertResultJson(value: unknown): asserts value is ResultJson {
  const r = asRecord(value, 'result')
  expectType(r['backend_name'], 'string', 'result.backend_name')
  expectType(r['backend_version'], 'string', 'result.backend_version')
  expectType(r['job_id'], 'string', 'result.job_id')
  expectType(r['success'], 'boolean', 'result.success')
  const results = r['results']
  if (!Array.isArray(results)) throw new TypeError('result.results must be an array')
  results.forEach((exp: unknown, i) => {
    const where = `result.results[${i}]`
    const e = asRecord(exp, where)
    const shots = e['shots']
    const isPair =
      Array.isArray(shots) && shots.length === 2 && shots.every((s) => typeof s === 'number')
    if (typeof shots !== 'number' && !isPair) {
      throw new TypeError(`${where}.shots must be a number or a [first, last] pair`)
    }
    expectType(e['success'], 'boolean', `${where}.success`)
    asRecord(e['data'], `${where}.data`)
    if (e['header'] !== undefined) asRecord(e['header'], `${where}.header`)
  })
}

function asRecord(value: unknown, where: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${where} must be an object`)
  }
  return value as Readonly<Record<string, unknown>>
}

function expectType(value: unknown, type: 'string' | 'boolean', path: string): void {
  if (typeof value !== type) throw new TypeError(`${path} must be a ${type}`)
}
