/**
 * The noise model of a simulation (Qiskit Aer's `NoiseModel`): which quantum errors follow which
 * instructions on which qubits, which readout errors affect measurements, and how idle qubits
 * relax during delays.
 */
import { STANDARD_GATE_SPECS, isStandardGateName } from '@qfabric/core/circuit'
import { deviceNoise, type DeviceTarget, type FromBackendOptions } from './device-noise.js'
import { NoiseError } from './noise-error.js'
import {
  noiseModelFromJson,
  noiseModelToJson,
  type NoiseModelJson,
  type QubitRelaxation,
} from './noise-model-json.js'
import type { QuantumError } from './quantum-error.js'
import type { ReadoutError } from './readout-error.js'
import { thermalRelaxationError } from './thermal-relaxation-error.js'

/** Aer's default basis when none is given. */
const DEFAULT_BASIS = ['cx', 'id', 'rz', 'sx']
/** Instructions that are never basis gates even when they carry noise. */
const NON_GATES = new Set(['measure', 'reset', 'delay', 'barrier', 'initialize', 'kraus'])

/** Options of the {@link NoiseModel} constructor. */
export interface NoiseModelOptions {
  /** The basis gates to compile to (default Aer's `['cx', 'id', 'rz', 'sx']`). */
  readonly basisGates?: readonly string[] | undefined
}

interface Located<TError> {
  readonly qubits: readonly number[]
  readonly error: TError
}

/**
 * A noise model. Quantum errors are attached to instruction names, either on all qubits or on
 * given qubit tuples; a local error on the exact qubits of an instruction takes precedence over
 * the all-qubit one. Adding a second error to the same place composes it after the first (Aer's
 * rule). Ideal errors are not added. Errors apply **after** gates and resets and **before**
 * measurements (see {@link NOISE_BEFORE_INSTRUCTIONS}).
 *
 * Qubits are little-endian throughout: an error's qubit `k` is the instruction's `k`-th qubit.
 *
 * @example
 * ```ts
 * const model = new NoiseModel()
 * model.addAllQubitQuantumError(depolarizingError(0.001, 1), ['sx', 'x'])
 * model.addAllQubitQuantumError(depolarizingError(0.01, 2), 'cx')
 * model.addReadoutError(new ReadoutError([[0.98, 0.02], [0.05, 0.95]]), [0])
 * model.errorsFor('cx', [0, 1]) // [the 2-qubit depolarizing error]
 * ```
 */
export class NoiseModel {
  readonly #basisGates: Set<string>
  readonly #noiseInstructions = new Set<string>()
  readonly #noiseQubits = new Set<number>()
  readonly #allQubit = new Map<string, QuantumError>()
  readonly #local = new Map<string, Map<string, Located<QuantumError>>>()
  #allQubitReadout: ReadoutError | undefined
  readonly #localReadout = new Map<string, Located<ReadoutError>>()
  readonly #relaxation = new Map<number, QubitRelaxation>()

  /** @param options - the basis gates */
  constructor(options: NoiseModelOptions = {}) {
    this.#basisGates = new Set(options.basisGates ?? DEFAULT_BASIS)
  }

  /** The basis gates to compile circuits to, sorted. */
  get basisGates(): string[] {
    return [...this.#basisGates].sort()
  }

  /** The instructions that carry noise, sorted. */
  get noiseInstructions(): string[] {
    return [...this.#noiseInstructions].sort()
  }

  /** The qubits named by local quantum or readout errors, ascending. */
  get noiseQubits(): number[] {
    return [...this.#noiseQubits].sort((a, b) => a - b)
  }

  /**
   * Adds standard gate names to the basis (others, and `measure`, `reset`, … are ignored, as
   * in Aer).
   *
   * @param instructions - instruction names
   */
  addBasisGates(instructions: string | readonly string[]): void {
    for (const name of asList(instructions)) {
      if (isStandardGateName(name) && !NON_GATES.has(name)) this.#basisGates.add(name)
    }
  }

  /**
   * Attaches an error to instructions on every qubit tuple that has no local error of its own.
   *
   * @param error - the error; its width must match the instructions'
   * @param instructions - one or more instruction names
   * @throws NoiseError `sim.noise.qubit-mismatch` when a standard gate has another width
   */
  addAllQubitQuantumError(error: QuantumError, instructions: string | readonly string[]): void {
    if (error.isIdeal()) return
    for (const name of asList(instructions)) {
      checkWidth(error, name)
      const existing = this.#allQubit.get(name)
      this.#allQubit.set(name, existing ? existing.compose(error) : error)
      this.#noiseInstructions.add(name)
      this.addBasisGates(name)
    }
  }

  /**
   * Attaches an error to instructions on the given qubits.
   *
   * @param error - the error, on `qubits.length` qubits
   * @param instructions - one or more instruction names
   * @param qubits - the qubits, in the instruction's order
   * @throws NoiseError `sim.noise.qubit-mismatch` when the widths differ
   * @throws RangeError for negative, non-integer or repeated qubits
   */
  addQuantumError(
    error: QuantumError,
    instructions: string | readonly string[],
    qubits: readonly number[],
  ): void {
    checkQubits(qubits)
    if (error.isIdeal()) return
    if (error.numQubits !== qubits.length) {
      throw new NoiseError(
        'sim.noise.qubit-mismatch',
        `number of qubits (${qubits.length}) does not match the error size (${error.numQubits})`,
        { argument: 'qubits' },
      )
    }
    for (const q of qubits) this.#noiseQubits.add(q)
    const key = qubits.join(',')
    for (const name of asList(instructions)) {
      checkWidth(error, name)
      const byQubits = this.#local.get(name) ?? new Map<string, Located<QuantumError>>()
      const existing = byQubits.get(key)?.error
      byQubits.set(key, { qubits: [...qubits], error: existing ? existing.compose(error) : error })
      this.#local.set(name, byQubits)
      this.#noiseInstructions.add(name)
      this.addBasisGates(name)
    }
  }

  /**
   * Sets the readout error of every measured qubit without a local one (replacing any previous).
   *
   * @param error - a single-qubit readout error
   * @throws NoiseError `sim.noise.qubit-mismatch` for a multi-qubit error
   */
  addAllQubitReadoutError(error: ReadoutError): void {
    if (error.isIdeal()) return
    if (error.numQubits !== 1) {
      throw new NoiseError(
        'sim.noise.qubit-mismatch',
        'all-qubit readout errors must be single-qubit errors',
        { argument: 'error' },
      )
    }
    this.#allQubitReadout = error
    this.#noiseInstructions.add('measure')
  }

  /**
   * Sets the readout error of a measurement of exactly these qubits (replacing any previous).
   *
   * @param error - a readout error on `qubits.length` qubits
   * @param qubits - the measured qubits (bit `k` of the error's outcomes is `qubits[k]`)
   * @throws NoiseError `sim.noise.qubit-mismatch` when the widths differ
   * @throws RangeError for negative, non-integer or repeated qubits
   */
  addReadoutError(error: ReadoutError, qubits: readonly number[]): void {
    checkQubits(qubits)
    if (error.isIdeal()) return
    if (error.numQubits !== qubits.length) {
      throw new NoiseError(
        'sim.noise.qubit-mismatch',
        `number of qubits (${qubits.length}) does not match the readout error size (${error.numQubits})`,
        { argument: 'qubits' },
      )
    }
    for (const q of qubits) this.#noiseQubits.add(q)
    this.#localReadout.set(qubits.join(','), { qubits: [...qubits], error })
    this.#noiseInstructions.add('measure')
  }

  /**
   * Sets the relaxation of an idle qubit during `delay` (Aer adds it from T1/T2 in
   * `from_backend`); `null` removes it.
   *
   * @param qubit - the qubit
   * @param relaxation - `{ t1, t2, excitedStatePopulation }` in seconds, or `null`
   * @throws NoiseError `sim.noise.invalid-parameter` for invalid times (checked by building one
   *   error)
   */
  setDelayRelaxation(qubit: number, relaxation: QubitRelaxation | null): void {
    checkQubits([qubit])
    if (relaxation === null) {
      this.#relaxation.delete(qubit)
      return
    }
    thermalRelaxationError(relaxation.t1, relaxation.t2, 0, relaxation.excitedStatePopulation)
    this.#relaxation.set(qubit, Object.freeze({ ...relaxation }))
  }

  /**
   * The relaxation of an idle qubit over a delay.
   *
   * @param qubit - the delayed qubit
   * @param duration - the delay in seconds
   * @returns the thermal relaxation error, or `undefined` without relaxation data or for a zero
   *   duration
   */
  delayError(qubit: number, duration: number): QuantumError | undefined {
    const r = this.#relaxation.get(qubit)
    if (r === undefined || !(duration > 0)) return undefined
    return thermalRelaxationError(r.t1, r.t2, duration, r.excitedStatePopulation)
  }

  /** @returns whether the model has no noise at all (Aer's `is_ideal()`) */
  isIdeal(): boolean {
    return (
      this.#allQubit.size === 0 &&
      this.#local.size === 0 &&
      this.#allQubitReadout === undefined &&
      this.#localReadout.size === 0 &&
      this.#relaxation.size === 0
    )
  }

  /**
   * Whether any quantum error (or delay relaxation) is present. Without one, a simulator can
   * sample every shot from one ideal state and apply only the readout errors.
   *
   * @returns whether per-shot noisy evolution is needed
   */
  hasQuantumErrors(): boolean {
    return this.#allQubit.size > 0 || this.#local.size > 0 || this.#relaxation.size > 0
  }

  /**
   * The quantum errors of an instruction on given qubits: the local error for exactly these
   * qubits if any, else the all-qubit error of that name, else none. Apply them in order, after
   * the instruction (before it for `measure`). Call once per instruction when compiling, not per
   * shot.
   *
   * @param name - the instruction name
   * @param qubits - its qubits, in order
   * @returns the errors (each on `qubits.length` qubits), possibly empty
   * @throws NoiseError `sim.noise.qubit-mismatch` when an all-qubit error of another width is
   *   attached to `name`
   */
  errorsFor(name: string, qubits: readonly number[]): readonly QuantumError[] {
    const local = this.#local.get(name)?.get(qubits.join(','))
    if (local) return [local.error]
    const all = this.#allQubit.get(name)
    if (!all) return []
    if (all.numQubits !== qubits.length) {
      throw new NoiseError(
        'sim.noise.qubit-mismatch',
        `the ${all.numQubits}-qubit all-qubit error of "${name}" cannot follow it on ${qubits.length} qubits`,
        { argument: 'qubits' },
      )
    }
    return [all]
  }

  /**
   * The readout error of a measurement: for one qubit, its local error or else the all-qubit
   * one; for a tuple, the local error of exactly that tuple.
   *
   * @param qubits - a qubit, or the qubits measured together
   * @returns the readout error, or `undefined` when the measurement is ideal
   */
  readoutErrorFor(qubits: number | readonly number[]): ReadoutError | undefined {
    const list = typeof qubits === 'number' ? [qubits] : qubits
    const local = this.#localReadout.get(list.join(','))
    if (local) return local.error
    return list.length === 1 ? this.#allQubitReadout : undefined
  }

  /** @returns the JSON form: Aer's `{ errors: [...] }` plus `basis_gates` and `delay_relaxation` */
  toJSON(): NoiseModelJson {
    return noiseModelToJson({
      basisGates: this.basisGates,
      allQubit: [...this.#allQubit],
      local: [...this.#local].flatMap(([name, m]) =>
        [...m.values()].map((l) => [name, l] as const),
      ),
      allQubitReadout: this.#allQubitReadout,
      localReadout: [...this.#localReadout.values()],
      relaxation: [...this.#relaxation],
    })
  }

  /**
   * Reads a noise model from JSON.
   *
   * @param json - what {@link toJSON} wrote (or Aer's `to_dict(serializable=True)`)
   * @returns the model
   * @throws NoiseError `sim.noise.invalid-json` for a malformed document
   */
  static fromJSON(json: unknown): NoiseModel {
    const parts = noiseModelFromJson(json)
    const model = new NoiseModel({ basisGates: parts.basisGates })
    for (const q of parts.quantum) {
      if (q.gateQubits === undefined) model.addAllQubitQuantumError(q.error, q.operations)
      else for (const qubits of q.gateQubits) model.addQuantumError(q.error, q.operations, qubits)
    }
    for (const r of parts.readout) {
      if (r.gateQubits === undefined) model.addAllQubitReadoutError(r.error)
      else for (const qubits of r.gateQubits) model.addReadoutError(r.error, qubits)
    }
    for (const [q, r] of parts.relaxation) model.setDelayRelaxation(q, r)
    return model
  }

  /**
   * A device noise model from a target's calibration (Aer's `NoiseModel.from_backend`): per
   * instruction, a depolarizing error composed with thermal relaxation over the instruction's
   * duration (one single-qubit relaxation per qubit), the depolarizing parameter chosen so that
   * the total average gate infidelity equals the reported error; readout errors per qubit; and
   * delay relaxation from T1/T2. See {@link FromBackendOptions}.
   *
   * @param backend - a `Target`, or anything with a `target` (a `Backend`)
   * @param options - which parts to include, temperature, calibration for asymmetric readout
   * @returns the model; its basis gates are the target's operation names
   * @throws NoiseError `sim.noise.invalid-backend` when no target is found
   * @example
   * ```ts
   * const target = convertToTarget(BackendConfiguration.fromJSON(conf), BackendProperties.fromJSON(props))
   * const model = NoiseModel.fromBackend(target)
   * model.errorsFor('cx', [0, 1])[0]?.averageGateFidelity() // 1 − gate_error
   * ```
   */
  static fromBackend(
    backend: DeviceTarget | { readonly target: DeviceTarget },
    options: FromBackendOptions = {},
  ): NoiseModel {
    const parts = deviceNoise(backend, options)
    const model = new NoiseModel({ basisGates: parts.basisGates })
    for (const r of parts.readout) model.addReadoutError(r.error, r.qubits)
    for (const q of parts.quantum) model.addQuantumError(q.error, q.name, q.qubits)
    for (const [q, r] of parts.relaxation) model.setDelayRelaxation(q, r)
    return model
  }
}

/**
 * Instructions whose quantum errors act before them rather than after (Aer's rule: an error on
 * `measure` happens before the measurement).
 */
export const NOISE_BEFORE_INSTRUCTIONS: ReadonlySet<string> = new Set(['measure'])

function asList(instructions: string | readonly string[]): readonly string[] {
  return typeof instructions === 'string' ? [instructions] : instructions
}

function checkWidth(error: QuantumError, name: string): void {
  if (!isStandardGateName(name)) return
  const width = STANDARD_GATE_SPECS[name].numQubits
  if (typeof width === 'number' && width > 0 && width !== error.numQubits) {
    throw new NoiseError(
      'sim.noise.qubit-mismatch',
      `a ${error.numQubits}-qubit error cannot be applied to the ${width}-qubit instruction "${name}"`,
      { argument: 'error' },
    )
  }
}

function checkQubits(qubits: readonly number[]): void {
  const seen = new Set<number>()
  for (const q of qubits) {
    if (!Number.isInteger(q) || q < 0) throw new RangeError(`qubit ${q} is not a valid index`)
    if (seen.has(q)) throw new RangeError(`qubit ${q} is given twice`)
    seen.add(q)
  }
}
