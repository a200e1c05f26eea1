/**
 * The real ibmq_manila snapshot from shared/data as a target and its calibration numbers
 * (read straight from the JSON, independently of our accessors).
 */
import { readFileSync } from 'node:fs'
import {
  BackendConfiguration,
  BackendProperties,
  convertToTarget,
  type Target,
} from '@qfabric/core/target'

const DIR = `${process.env['QFABRIC_SHARED']}/data/qiskit-fake-backends/manila`

interface RawProperties {
  readonly gates: readonly {
    readonly gate: string
    readonly qubits: readonly number[]
    readonly parameters: readonly { readonly name: string; readonly value: number }[]
  }[]
}

const rawProps = JSON.parse(readFileSync(`${DIR}/props_manila.json`, 'utf8')) as RawProperties

/** The manila target with its calibration. */
export const MANILA_TARGET: Target = convertToTarget(
  BackendConfiguration.fromJSON(JSON.parse(readFileSync(`${DIR}/conf_manila.json`, 'utf8'))),
  BackendProperties.fromJSON(rawProps),
)

/** The reported `gate_error` of a gate on qubits, from the raw JSON. */
export function reportedGateError(gate: string, qubits: readonly number[]): number {
  const entry = rawProps.gates.find((g) => g.gate === gate && g.qubits.join() === qubits.join())
  const value = entry?.parameters.find((p) => p.name === 'gate_error')?.value
  if (value === undefined) throw new Error(`no gate_error for ${gate}${qubits.join()}`)
  return value
}
