/**
 * The JSON of a noise model, in the shape of Qiskit Aer's `NoiseModel.to_dict(serializable=True)`
 * (`{ errors: [...] }`, each a `qerror` or `roerror` with `operations` and, for local errors,
 * `gate_qubits`), plus `basis_gates` and the per-qubit `delay_relaxation` Aer keeps in a pass.
 */
import { NoiseError } from './noise-error.js'
import { QuantumError } from './quantum-error.js'
import type { QuantumErrorJson } from './quantum-error-json.js'
import { ReadoutError, type ReadoutErrorJson } from './readout-error.js'

/** The relaxation parameters of one qubit, in seconds. */
export interface QubitRelaxation {
  /** T1 in seconds (`Infinity` for none). */
  readonly t1: number
  /** T2 in seconds, at most `2·T1` (`Infinity` for none). */
  readonly t2: number
  /** The thermal excited-state population (0 at zero temperature). */
  readonly excitedStatePopulation: number
}

/** A noise model in JSON. */
export interface NoiseModelJson {
  readonly errors: readonly (QuantumErrorJson | ReadoutErrorJson)[]
  readonly basis_gates?: readonly string[]
  readonly delay_relaxation?: readonly {
    readonly qubit: number
    readonly t1: number | null
    readonly t2: number | null
    readonly excited_state_population: number
  }[]
}

/** What a model holds, as `noiseModelToJson` needs it. @internal */
export interface NoiseModelContents {
  readonly basisGates: readonly string[]
  readonly allQubit: readonly (readonly [string, QuantumError])[]
  readonly local: readonly (readonly [
    string,
    { readonly qubits: readonly number[]; readonly error: QuantumError },
  ])[]
  readonly allQubitReadout: ReadoutError | undefined
  readonly localReadout: readonly {
    readonly qubits: readonly number[]
    readonly error: ReadoutError
  }[]
  readonly relaxation: readonly (readonly [number, QubitRelaxation])[]
}

/** What a JSON document holds, for `NoiseModel.fromJSON`. @internal */
export interface NoiseModelParts {
  readonly basisGates: readonly string[] | undefined
  readonly quantum: readonly {
    readonly error: QuantumError
    readonly operations: readonly string[]
    readonly gateQubits: readonly (readonly number[])[] | undefined
  }[]
  readonly readout: readonly {
    readonly error: ReadoutError
    readonly gateQubits: readonly (readonly number[])[] | undefined
  }[]
  readonly relaxation: readonly (readonly [number, QubitRelaxation])[]
}

/**
 * Writes a model's contents as JSON (infinite times as `null`, which JSON cannot hold).
 *
 * @internal
 */
export function noiseModelToJson(contents: NoiseModelContents): NoiseModelJson {
  const errors: (QuantumErrorJson | ReadoutErrorJson)[] = []
  for (const [name, error] of contents.allQubit)
    errors.push({ ...error.toJSON(), operations: [name] })
  for (const [name, { qubits, error }] of contents.local) {
    errors.push({ ...error.toJSON(), operations: [name], gate_qubits: [[...qubits]] })
  }
  if (contents.allQubitReadout) errors.push(contents.allQubitReadout.toJSON())
  for (const { qubits, error } of contents.localReadout) {
    errors.push({ ...error.toJSON(), gate_qubits: [[...qubits]] })
  }
  return {
    errors,
    basis_gates: [...contents.basisGates],
    delay_relaxation: contents.relaxation.map(([qubit, r]) => ({
      qubit,
      t1: finiteOrNull(r.t1),
      t2: finiteOrNull(r.t2),
      excited_state_population: r.excitedStatePopulation,
    })),
  }
}

/**
 * Reads a model's parts from JSON.
 *
 * @throws NoiseError `sim.noise.invalid-json` for a malformed document
 * @internal
 */
export function noiseModelFromJson(json: unknown): NoiseModelParts {
  const doc = json as Partial<NoiseModelJson> | null
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.errors)) {
    return fail('a noise model needs an `errors` list')
  }
  const quantum: NoiseModelParts['quantum'][number][] = []
  const readout: NoiseModelParts['readout'][number][] = []
  for (const entry of doc.errors as readonly Record<string, unknown>[]) {
    const gateQubits = readGateQubits(entry['gate_qubits'])
    if (entry['type'] === 'qerror') {
      quantum.push({
        error: QuantumError.fromJSON(entry),
        operations: readNames(entry['operations']),
        gateQubits,
      })
    } else if (entry['type'] === 'roerror') {
      readout.push({ error: ReadoutError.fromJSON(entry), gateQubits })
    } else {
      fail(`unknown error type ${String(entry['type'])}`)
    }
  }
  const basis = doc.basis_gates
  if (basis !== undefined && !(Array.isArray(basis) && basis.every((b) => typeof b === 'string'))) {
    fail('`basis_gates` must be a list of names')
  }
  return { basisGates: basis, quantum, readout, relaxation: readRelaxation(doc.delay_relaxation) }
}

function readNames(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
    return fail('a quantum error needs `operations`, a list of instruction names')
  }
  return value
}

function readGateQubits(value: unknown): number[][] | undefined {
  if (value === undefined || value === null) return undefined
  const ok =
    Array.isArray(value) &&
    value.every(
      (t) =>
        Array.isArray(t) &&
        t.every((q: unknown) => typeof q === 'number' && Number.isInteger(q) && q >= 0),
    )
  return ok ? (value as number[][]) : fail('`gate_qubits` must be a list of qubit lists')
}

function readRelaxation(value: unknown): [number, QubitRelaxation][] {
  if (value === undefined) return []
  if (!Array.isArray(value)) return fail('`delay_relaxation` must be a list')
  return (value as readonly Record<string, unknown>[]).map((r) => {
    const qubit = r['qubit']
    const pop = r['excited_state_population'] ?? 0
    if (typeof qubit !== 'number' || typeof pop !== 'number') {
      return fail('each `delay_relaxation` entry needs a qubit and an excited_state_population')
    }
    return [qubit, { t1: timeOf(r['t1']), t2: timeOf(r['t2']), excitedStatePopulation: pop }]
  })
}

function timeOf(value: unknown): number {
  if (value === null) return Infinity
  return typeof value === 'number' ? value : fail('relaxation times must be numbers or null')
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null
}

function fail(message: string): never {
  throw new NoiseError('sim.noise.invalid-json', message)
}
