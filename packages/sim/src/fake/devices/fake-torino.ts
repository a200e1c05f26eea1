/**
 * `FakeTorino`: a snapshot of ibm_torino — Heron r1, 133 qubits with CZ gates (2025).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibm_torino (133 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_torino`.
 *
 * @example
 * ```ts
 * const backend = new FakeTorino()
 * backend.numQubits // 133
 * ```
 */
export class FakeTorino extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_torino',
      snapshot: {
        configuration: loadFakeConfiguration('torino'),
        properties: () => loadFakeProperties('torino'),
      },
    })
  }
}
