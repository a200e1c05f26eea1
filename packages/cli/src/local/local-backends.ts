/**
 * The backends `qfabric` runs without a service: `@qfabric/sim`'s local simulators
 * (`qasm_simulator`, …) and fake devices (`fake_manila`, …).
 */
import type { Backend } from '@qfabric/core/providers'
import { BackendNotFoundError } from '@qfabric/core/providers'
import {
  FAKE_DEVICES,
  FakeBackend,
  FakeProvider,
  LOCAL_BACKEND_NAMES,
  LocalProvider,
} from '@qfabric/sim'

/** The names of every local backend: the simulators, then the fake devices. */
export const LOCAL_BACKENDS: readonly string[] = Object.freeze([
  ...LOCAL_BACKEND_NAMES,
  ...FAKE_DEVICES.map((device) => `fake_${device}`),
])

/**
 * Whether `name` is a local simulator or fake device.
 *
 * @param name - a backend name
 * @returns `true` for `qasm_simulator`, `fake_manila`, …
 */
export function isLocalBackendName(name: string): boolean {
  return LOCAL_BACKENDS.includes(name)
}

/**
 * A local simulator or fake device by name.
 *
 * @param name - e.g. `qasm_simulator` or `fake_manila`
 * @returns the backend (on the process-wide job pool, whose idle workers never keep the
 *   process alive)
 * @throws BackendNotFoundError listing the local backends when there is none of that name
 */
export async function getLocalBackend(name: string): Promise<Backend> {
  if (!isLocalBackendName(name)) {
    throw new BackendNotFoundError(
      `no local backend '${name}' (local backends: ${LOCAL_BACKENDS.join(', ')})`,
    )
  }
  const provider = name.startsWith('fake_') ? new FakeProvider() : new LocalProvider()
  return provider.getBackend(name)
}

/**
 * Whether a backend is a device, whose circuits must be transpiled for its target first.
 *
 * @param backend - a local backend
 * @returns `true` for the fake devices
 */
export function isDevice(backend: Backend): boolean {
  return backend instanceof FakeBackend
}

/**
 * Every local backend: the simulators, then the fake devices.
 *
 * @returns the backends
 */
export async function listLocalBackends(): Promise<Backend[]> {
  const simulators = await new LocalProvider().backends()
  const devices = await new FakeProvider().backends()
  return [...simulators, ...devices]
}
