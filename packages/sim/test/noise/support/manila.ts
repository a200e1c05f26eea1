/**
 * The real ibmq_manila snapshot from shared/data, as configuration, properties and target.
 */
import { readFileSync } from 'node:fs'
import {
  BackendConfiguration,
  BackendProperties,
  convertToTarget,
  type Target,
} from '@qfabric/core/target'

const DIR = `${process.env['QFABRIC_SHARED']}/data/qiskit-fake-backends/manila`

/** The raw properties JSON (to read calibration values independently of our accessors). */
export interface RawProperties {
  qubits: { name: string; value: number; unit: string }[][]
  gates: {
    gate: string
    qubits: number[]
    parameters: { name: string; value: number; unit: string }[]
  }[]
}

export const MANILA_RAW_PROPS = JSON.parse(
  readFileSync(`${DIR}/props_manila.json`, 'utf8'),
) as RawProperties
export const MANILA_PROPERTIES = BackendProperties.fromJSON(MANILA_RAW_PROPS)
export const MANILA_TARGET: Target = convertToTarget(
  BackendConfiguration.fromJSON(JSON.parse(readFileSync(`${DIR}/conf_manila.json`, 'utf8'))),
  MANILA_PROPERTIES,
).freeze()

const SCALE: Record<string, number> = { us: 1e-6, ns: 1e-9, GHz: 1e9, '': 1 }

/** A qubit's calibration value in SI units, read from the raw JSON. */
export function rawQubit(q: number, name: string): number {
  const nduv = MANILA_RAW_PROPS.qubits[q]!.find((x) => x.name === name)!
  return nduv.value * SCALE[nduv.unit]!
}

/** A gate's calibration value in SI units, read from the raw JSON. */
export function rawGate(gate: string, qubits: readonly number[], name: string): number | undefined {
  const entry = MANILA_RAW_PROPS.gates.find(
    (g) => g.gate === gate && g.qubits.join() === qubits.join(),
  )
  const nduv = entry?.parameters.find((p) => p.name === name)
  return nduv && nduv.value * SCALE[nduv.unit]!
}
