/**
 * The part of a noise model a job needs, as JSON: errors and relaxation on the qubits its
 * circuits use (a model of a 156-qubit device is megabytes of JSON; a job on a few qubits sends
 * kilobytes to its worker).
 */
import type { NoiseModel } from '../noise/noise-model.js'
import type { NoiseModelJson } from '../noise/noise-model-json.js'

/**
 * The JSON of `model` restricted to `qubits`: all-qubit errors are kept, local errors only on
 * qubit tuples inside `qubits`.
 *
 * @param model - the noise model
 * @param qubits - the qubits the job's circuits use
 * @returns the restricted JSON (`NoiseModel.fromJSON` reads it)
 */
export function noiseModelJsonForQubits(
  model: NoiseModel,
  qubits: ReadonlySet<number>,
): NoiseModelJson {
  const json = model.toJSON()
  const inside = (tuple: readonly number[]): boolean => tuple.every((q) => qubits.has(q))
  const errors = json.errors.flatMap((entry) => {
    const tuples = (entry as { readonly gate_qubits?: readonly (readonly number[])[] }).gate_qubits
    if (tuples === undefined) return [entry]
    const kept = tuples.filter(inside)
    return kept.length === 0 ? [] : [{ ...entry, gate_qubits: kept }]
  })
  return {
    ...json,
    errors,
    ...(json.delay_relaxation === undefined
      ? {}
      : { delay_relaxation: json.delay_relaxation.filter((r) => qubits.has(r.qubit)) }),
  }
}
