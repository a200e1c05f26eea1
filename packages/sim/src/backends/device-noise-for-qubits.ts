/**
 * A device's noise model built for some qubits only: a job on a few qubits of a 156-qubit
 * device needs the errors of those qubits and their couplers, not all of them (building the
 * whole model, and sending it to a worker, takes seconds).
 */
import {
  QargsPropertiesMap,
  type BackendProperties,
  type QargsEntry,
  type Target,
} from '@qfabric/core/target'
import type { DeviceTarget } from '../noise/device-noise.js'
import { NoiseModel } from '../noise/noise-model.js'

/**
 * The parts of `target` that `NoiseModel.fromBackend` reads, with only the entries whose qubits
 * all lie in `qubits` (global entries are kept).
 *
 * @param target - the device's target
 * @param qubits - the qubits to keep
 * @returns the restricted view
 */
export function restrictTarget(target: Target, qubits: ReadonlySet<number>): DeviceTarget {
  const maps = new Map<string, QargsPropertiesMap | undefined>()
  return {
    operationNames: target.operationNames,
    qubitProperties: target.qubitProperties,
    operationFromName: (name) => target.operationFromName(name),
    get: (name) => {
      if (!maps.has(name)) {
        const full = target.get(name)
        const kept = new Map<string | null, QargsEntry>()
        for (const entry of full?.entries() ?? []) {
          const [qargs] = entry
          if (qargs === null) kept.set(null, entry)
          else if (qargs.every((q) => qubits.has(q))) kept.set(qargs.join(','), entry)
        }
        maps.set(name, full === undefined ? undefined : new QargsPropertiesMap(kept))
      }
      return maps.get(name)
    },
  }
}

/**
 * `NoiseModel.fromBackend` on some qubits of a device.
 *
 * @param target - the device's target
 * @param qubits - the qubits the job uses
 * @param properties - the device's calibration (for asymmetric readout errors), if any
 * @returns the model of those qubits
 */
export function deviceNoiseForQubits(
  target: Target,
  qubits: ReadonlySet<number>,
  properties?: BackendProperties | null,
): NoiseModel {
  return NoiseModel.fromBackend(restrictTarget(target, qubits), { properties })
}
