import type { Complex } from '../math/complex.js'
import type { ComplexMatrix } from '../math/complex-matrix.js'
import { complexFromJson, roundHalfEven, unitaryFromJson } from './complex-json.js'
import { Counts } from './counts.js'
import { clonePlain, deepFreeze, type DeepReadonly } from './deep-freeze.js'
import { formatCountKey } from './format-count-key.js'
import { ResultError } from './provider-errors.js'
import { assertResultJson, type ExperimentResultJson, type ResultJson } from './result-json.js'

/** Selects an experiment of a result: its index, its circuit's name, or the circuit itself. */
export type ExperimentKey = number | string | { readonly name: string }

/** A frozen experiment result, in Qiskit's dict shape. */
export type ExperimentResult = DeepReadonly<ExperimentResultJson>

const RESULT_FIELDS = new Set([
  'backend_name',
  'backend_version',
  'qobj_id',
  'job_id',
  'success',
  'results',
  'date',
  'status',
  'header',
])

/**
 * The result of a job: one experiment result per circuit, in submission order (Qiskit's
 * `Result`). Immutable: built from a deep copy of its JSON and frozen, so post-processing never
 * changes what a later `job.result()` returns (Qiskit/qiskit-ibmq-provider#466). Marginalisation
 * and formatting are pure functions returning new objects (`marginalCounts`).
 *
 * Bitstrings are little-endian everywhere: clbit 0 is the rightmost character.
 *
 * @example
 * ```ts
 * const result = Result.fromJSON(JSON.parse(text))
 * result.getCounts(0) // Counts { '00': 510, '11': 490 }
 * result.getCounts('bell') // the same experiment, by circuit name
 * result.getAllCounts() // one Counts per experiment
 * JSON.stringify(result) // Qiskit's Result.to_dict() shape
 * ```
 */
export class Result {
  readonly #json: DeepReadonly<ResultJson>

  /**
   * @param json - the result in Qiskit's `to_dict()` shape; it is copied, not kept
   * @throws TypeError when a required field is missing or mistyped
   */
  constructor(json: ResultJson) {
    assertResultJson(json)
    this.#json = deepFreeze(clonePlain<ResultJson>(json))
    Object.freeze(this)
  }

  /**
   * Builds a result from parsed JSON (Qiskit's `Result.from_dict`).
   *
   * @param json - the output of `toJSON()` or of Qiskit's `Result.to_dict()`
   * @returns the result
   * @throws TypeError when the shape is wrong
   */
  static fromJSON(json: unknown): Result {
    assertResultJson(json)
    return new Result(json)
  }

  /** The backend that produced the result. */
  get backendName(): string {
    return this.#json.backend_name
  }

  /** The backend's version. */
  get backendVersion(): string {
    return this.#json.backend_version
  }

  /** The job's id. */
  get jobId(): string {
    return this.#json.job_id
  }

  /** Qiskit 1.x's `qobj_id`, when present. */
  get qobjId(): string | undefined {
    return this.#json.qobj_id ?? undefined
  }

  /** True when every experiment succeeded. */
  get success(): boolean {
    return this.#json.success
  }

  /** The overall status message, when the backend gave one. */
  get status(): string | undefined {
    return this.#json.status ?? undefined
  }

  /** When the result was produced (ISO 8601, UTC), when known. */
  get date(): string | undefined {
    return this.#json.date ?? undefined
  }

  /** The job-level header, when present. */
  get header(): DeepReadonly<Record<string, unknown>> | undefined {
    return this.#json.header ?? undefined
  }

  /** Extra top-level fields (Qiskit keeps them as metadata, e.g. `time_taken`). */
  get metadata(): Readonly<Record<string, unknown>> {
    return Object.freeze(
      Object.fromEntries(Object.entries(this.#json).filter(([k]) => !RESULT_FIELDS.has(k))),
    )
  }

  /** The experiment results, in submission order. */
  get results(): readonly ExperimentResult[] {
    return this.#json.results
  }

  /**
   * One experiment's result (Qiskit's `_get_experiment`): by index, by circuit name or circuit
   * (the first match wins when names repeat), or the only one when `key` is omitted.
   *
   * @param key - an index or a circuit name; optional when there is exactly one experiment
   * @returns the experiment result
   * @throws TypeError when `key` is omitted but there is not exactly one experiment
   * @throws RangeError for an index out of range
   * @throws {@link ResultError} `result.experiment-not-found` for an unknown name;
   *   `result.experiment-failed` when that experiment did not succeed
   */
  experiment(key?: ExperimentKey): ExperimentResult {
    const exp = this.#find(key)
    if (exp.success) return exp
    const resultStatus = this.status ?? 'Result was not successful'
    const expStatus = exp.status ?? 'Experiment was not successful'
    throw new ResultError('result.experiment-failed', `${resultStatus}, ${expStatus}`)
  }

  /**
   * The raw data of one experiment (hex counts, hex memory, `[re, im]` pairs), frozen.
   *
   * @param key - as for {@link Result.experiment}
   * @returns the experiment's `data` object
   * @throws as {@link Result.experiment}
   */
  data(key?: ExperimentKey): ExperimentResult['data'] {
    return this.experiment(key).data
  }

  /**
   * The counts of one experiment, keys formatted from its header's `creg_sizes` and
   * `memory_slots` (Qiskit's `get_counts(i)`). An experiment without counts but with a
   * statevector gives its outcome probabilities (rounded to 15 decimals, zeros dropped) keyed by
   * bitstrings of the qubit count, as Qiskit does.
   *
   * @param key - as for {@link Result.experiment}
   * @returns the counts
   * @throws {@link ResultError} `result.no-data` when the experiment has neither counts nor a
   *   statevector; otherwise as {@link Result.experiment}
   */
  getCounts(key?: ExperimentKey): Counts {
    const exp = this.experiment(key)
    const counts = exp.data.counts
    if (counts !== undefined) {
      return new Counts(counts, {
        cregSizes: exp.header?.creg_sizes,
        memorySlots: exp.header?.memory_slots,
        timeTaken: exp.time_taken,
      })
    }
    if (exp.data.statevector !== undefined) return probabilitiesOf(exp.data.statevector)
    throw new ResultError('result.no-data', `No counts for experiment ${describeKey(key)}`)
  }

  /**
   * The counts of every experiment, in order (always an array, unlike Qiskit's dict-or-list
   * `get_counts()`, Qiskit/qiskit#3733).
   *
   * @returns one `Counts` per experiment
   * @throws as {@link Result.getCounts} for any experiment
   */
  getAllCounts(): readonly Counts[] {
    return Object.freeze(this.#json.results.map((_, i) => this.getCounts(i)))
  }

  /**
   * The per-shot outcomes of a measurement-level-2 experiment run with memory, formatted like
   * count keys (little-endian, zero-padded, registers separated by spaces).
   *
   * @param key - as for {@link Result.experiment}
   * @returns one formatted bitstring per shot
   * @throws {@link ResultError} `result.no-data` when there is no level-2 memory (run with
   *   `memory: true`; for levels 0/1 use {@link Result.getComplexMemory})
   */
  getMemory(key?: ExperimentKey): readonly string[] {
    const exp = this.experiment(key)
    const memory = exp.data.memory
    if (memory === undefined || (exp.meas_level ?? 2) !== 2) {
      throw new ResultError(
        'result.no-data',
        `No memory for experiment ${describeKey(key)}. Run a measurement level 2 job with memory: true.`,
      )
    }
    const format = { cregSizes: exp.header?.creg_sizes, memorySlots: exp.header?.memory_slots }
    return Object.freeze(memory.map((shot) => formatCountKey(String(shot), format)))
  }

  /**
   * The per-shot (`single`) or averaged (`avg`) complex readouts of a measurement-level-0/1
   * experiment, decoded from `[re, im]` pairs; nesting follows the data.
   *
   * @param key - as for {@link Result.experiment}
   * @returns nested arrays of complex numbers
   * @throws {@link ResultError} `result.no-data` when the experiment has no level-0/1 memory
   */
  getComplexMemory(key?: ExperimentKey): readonly unknown[] {
    const exp = this.experiment(key)
    const memory = exp.data.memory
    if (memory === undefined || (exp.meas_level ?? 2) === 2) {
      throw new ResultError(
        'result.no-data',
        `No level 0/1 memory for experiment ${describeKey(key)}`,
      )
    }
    return decodeNested(memory)
  }

  /**
   * The final statevector of an experiment, decoded from `[re, im]` pairs (little-endian:
   * amplitude index bit `k` is qubit `k`).
   *
   * @param key - as for {@link Result.experiment}
   * @param options - `decimals` to round (numpy's half-to-even; Qiskit ignores `decimals=0`, we
   *   do not)
   * @returns the amplitudes
   * @throws {@link ResultError} `result.no-data` when there is no statevector
   */
  getStatevector(key?: ExperimentKey, options: { decimals?: number } = {}): readonly Complex[] {
    const sv = this.experiment(key).data.statevector
    if (sv === undefined) {
      throw new ResultError('result.no-data', `No statevector for experiment ${describeKey(key)}`)
    }
    return Object.freeze(sv.map((z) => complexFromJson(z, options.decimals)))
  }

  /**
   * The unitary of an experiment, decoded from rows of `[re, im]` pairs (a new matrix each call).
   *
   * @param key - as for {@link Result.experiment}
   * @param options - `decimals` to round (numpy's half-to-even)
   * @returns the matrix
   * @throws {@link ResultError} `result.no-data` when there is no unitary
   */
  getUnitary(key?: ExperimentKey, options: { decimals?: number } = {}): ComplexMatrix {
    const u = this.experiment(key).data.unitary
    if (u === undefined) {
      throw new ResultError('result.no-data', `No unitary for experiment ${describeKey(key)}`)
    }
    return unitaryFromJson(u, options.decimals)
  }

  /**
   * The result in Qiskit's `Result.to_dict()` shape: a fresh deep copy, so it may be changed.
   *
   * @returns the JSON object
   */
  toJSON(): ResultJson {
    return clonePlain<ResultJson>(this.#json)
  }

  #find(given: ExperimentKey | undefined): ExperimentResult {
    const results = this.#json.results
    const key = typeof given === 'object' ? given.name : given
    if (key === undefined) {
      if (results.length !== 1) {
        throw new TypeError(
          `Select an experiment (index or name): this result holds ${results.length} experiments`,
        )
      }
      return results[0]!
    }
    if (typeof key === 'number') {
      const exp = Number.isInteger(key) && key >= 0 ? results[key] : undefined
      if (exp === undefined) {
        throw new RangeError(`experiment index ${key} is out of range [0, ${results.length - 1}]`)
      }
      return exp
    }
    const exp = results.find((r) => r.header?.name === key)
    if (exp === undefined) {
      throw new ResultError(
        'result.experiment-not-found',
        `Data for experiment "${key}" could not be found.`,
      )
    }
    return exp
  }
}

function describeKey(key: ExperimentKey | undefined): string {
  if (key === undefined) return '0'
  if (typeof key === 'object') return `"${key.name}"`
  return typeof key === 'string' ? `"${key}"` : String(key)
}

function probabilitiesOf(statevector: readonly (readonly [number, number])[]): Counts {
  const n = Math.round(Math.log2(Math.max(1, statevector.length)))
  const probs: [string, number][] = []
  statevector.forEach(([re, im], i) => {
    const p = roundHalfEven(re * re + im * im, 15)
    if (p !== 0) probs.push([i.toString(2).padStart(n, '0'), p])
  })
  return new Counts(probs)
}

function decodeNested(values: readonly unknown[]): readonly unknown[] {
  const isPair = (v: unknown): boolean =>
    Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number'
  return Object.freeze(
    values.map((v) =>
      isPair(v) ? complexFromJson(v) : Array.isArray(v) ? decodeNested(v as unknown[]) : v,
    ),
  )
}
