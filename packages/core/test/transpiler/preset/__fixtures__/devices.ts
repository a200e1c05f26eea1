import { readFileSync } from 'node:fs'
import { BackendConfiguration } from '../../../../src/target/backend-configuration.js'
import { BackendProperties } from '../../../../src/target/backend-properties.js'
import { convertToTarget } from '../../../../src/target/convert-to-target.js'
import type { Target } from '../../../../src/target/target.js'
import type { QuantumCircuit } from '../../../../src/circuit/quantum-circuit.js'

const DATA = new URL('../../../../../../../shared/data/qiskit-fake-backends/', import.meta.url)

/** The device snapshots of `shared/data/qiskit-fake-backends`, smallest first. */
export const FAKE_DEVICES = [
  'vigo',
  'lima',
  'manila',
  'fractional',
  'nairobi',
  'guadalupe',
  'montreal',
  'kolkata',
  'washington',
  'sherbrooke',
  'torino',
  'fez',
] as const

/**
 * The target of a device snapshot (configuration + calibration), as a provider builds it.
 *
 * @param name - a folder of `shared/data/qiskit-fake-backends`
 * @returns the frozen target
 */
export function fakeTarget(name: string): Target {
  const read = (file: string): unknown =>
    JSON.parse(readFileSync(new URL(`${name}/${file}_${name}.json`, DATA), 'utf8'))
  return convertToTarget(
    BackendConfiguration.fromJSON(read('conf')),
    BackendProperties.fromJSON(read('props')),
  ).freeze()
}

/**
 * The operations of a circuit the target does not support on their qubits (with their
 * parameters), as `name(q0,q1)` strings; directives are always fine.
 *
 * @param circuit - a transpiled circuit
 * @param target - the target
 * @returns the offending operations (empty when all are supported)
 */
export function unsupportedOperations(circuit: QuantumCircuit, target: Target): string[] {
  return circuit.data
    .filter((inst) => {
      const op = inst.operation
      if (op.isDirective) return false
      const parameters = op.params.every((p) => typeof p === 'number') ? op.params : undefined
      return !target.instructionSupported({ operationName: op.name, qargs: inst.qubits, parameters })
    })
    .map((inst) => `${inst.operation.name}(${inst.qubits.join(',')})`)
}
