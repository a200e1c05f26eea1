import { readFile } from 'node:fs/promises'
import { validateValue, withDefaults } from '@qfabric/protocol'
import { BackendsConfigSchema, type BackendsConfig } from './backends-config.js'
import { ServerConfigError } from './server-config-error.js'

/** The local simulators every server offers when it is given no configuration. */
export const DEFAULT_BACKENDS_CONFIG: BackendsConfig = Object.freeze({
  backends: [
    { name: 'qasm_simulator', source: 'local:qasm_simulator' },
    { name: 'statevector_simulator', source: 'local:statevector_simulator' },
    { name: 'unitary_simulator', source: 'local:unitary_simulator' },
    { name: 'density_matrix_simulator', source: 'local:density_matrix_simulator' },
    { name: 'stabilizer_simulator', source: 'local:stabilizer_simulator' },
    { name: 'fake_manila', source: 'fake:fake_manila', kind: 'qpu' },
    { name: 'fake_nairobi', source: 'fake:fake_nairobi', kind: 'qpu' },
  ],
})

/**
 * Reads and checks the backends configuration: an object as given, or a JSON file (YAML is not
 * supported: the server has no YAML dependency). Fills in schema defaults (`status: online`),
 * checks the schema and that names are unique.
 *
 * @param input - the configuration, a path to a JSON file, or `undefined` for the defaults
 * @returns the configuration
 * @throws ServerConfigError `server.config-unreadable` when the file cannot be read or parsed;
 *   `server.config-invalid` when it does not match the schema or repeats a name
 * @example
 * ```ts
 * const config = await loadBackendsConfig('/etc/qfabric/backends.json')
 * ```
 */
export async function loadBackendsConfig(
  input: BackendsConfig | string | undefined,
): Promise<BackendsConfig> {
  if (input === undefined) return DEFAULT_BACKENDS_CONFIG
  const raw = typeof input === 'string' ? await readJson(input) : input
  const checked = validateValue(BackendsConfigSchema, withDefaults(BackendsConfigSchema, raw))
  const where = typeof input === 'string' ? input : 'backends configuration'
  if (!checked.ok) {
    const lines = checked.errors.map((e) => `/${e.field}: ${e.message}`)
    throw new ServerConfigError('server.config-invalid', `${where}: ${lines.join('; ')}`)
  }
  const seen = new Set<string>()
  for (const entry of checked.value.backends) {
    if (seen.has(entry.name)) {
      throw new ServerConfigError(
        'server.config-invalid',
        `${where}: backend name ${JSON.stringify(entry.name)} is used twice`,
      )
    }
    seen.add(entry.name)
  }
  return checked.value
}

async function readJson(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new ServerConfigError('server.config-unreadable', `cannot read ${path}`, { cause })
  }
  try {
    return JSON.parse(text) as unknown
  } catch (cause) {
    throw new ServerConfigError('server.config-unreadable', `${path} is not valid JSON`, { cause })
  }
}
