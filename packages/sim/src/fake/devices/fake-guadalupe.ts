/**
 * `FakeGuadalupe`: a snapshot of ibmq_guadalupe — Falcon r4P, 16 qubits (2021).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibmq_guadalupe (16 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_guadalupe`.
 *
 * @example
 * ```ts
 * const backend = new FakeGuadalupe()
 * backend.numQubits // 16
 * ```
 */
export class FakeGuadalupe extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_guadalupe',
      snapshot: {
        configuration: loadFakeConfiguration('guadalupe'),
        properties: () => loadFakeProperties('guadalupe'),
      },
    })
  }
}
