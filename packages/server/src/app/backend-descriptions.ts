import { supportsConfiguration, supportsProperties, type Backend } from '@qfabric/core/providers'
import {
  CONTROL_FLOW_OP_NAMES,
  type BackendConfigurationJson,
  type BackendPropertiesJson,
} from '@qfabric/core/target'

/** Names in a target that are not gates of `basis_gates` (Qiskit lists them elsewhere). */
const NON_BASIS = new Set(['measure', 'reset', 'delay', 'barrier', ...CONTROL_FLOW_OP_NAMES])

/**
 * The IBM-style configuration document of a backend under its service name: the backend's own
 * (fake devices carry their snapshot's), else one written from its target — what a client's
 * `BackendConfiguration.fromJSON` and `convertToTarget` turn back into an equivalent `Target`.
 *
 * @param backend - the backend
 * @param options - the service name and the shot limit to publish
 * @returns the configuration JSON
 */
export async function backendConfigurationJson(
  backend: Backend,
  options: { readonly name: string; readonly maxShots: number; readonly maxCircuits: number },
): Promise<BackendConfigurationJson> {
  if (supportsConfiguration(backend)) {
    const own = (await backend.configuration()).toJSON()
    return { ...own, backend_name: options.name }
  }
  const names = backend.operationNames
  const numQubits = backend.numQubits ?? backend.target.numQubits ?? 0
  const edges = backend.couplingMap?.getEdges() ?? null
  return {
    backend_name: options.name,
    backend_version: backend.backendVersion ?? '0.0.0',
    n_qubits: numQubits,
    basis_gates: names.filter((n) => !NON_BASIS.has(n)),
    gates: [],
    local: false,
    simulator: true,
    conditional: true,
    open_pulse: false,
    memory: true,
    max_shots: options.maxShots,
    max_experiments: options.maxCircuits,
    coupling_map: edges === null ? null : edges.map(([a, b]) => [a, b]),
    supported_instructions: [...names],
    description: backend.description ?? '',
  }
}

/**
 * The IBM-style calibration document of a backend, or `null` when it has none (simulators).
 *
 * @param backend - the backend
 * @param name - the service name to put in it
 * @returns the properties JSON or `null`
 */
export async function backendPropertiesJson(
  backend: Backend,
  name: string,
): Promise<BackendPropertiesJson | null> {
  if (!supportsProperties(backend)) return null
  const properties = await backend.properties()
  return properties === null ? null : { ...properties.toJSON(), backend_name: name }
}
