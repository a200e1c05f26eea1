/**
 * `FakeFez`: a snapshot of ibm_fez — Heron r2, 156 qubits with CZ gates (2025).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibm_fez (156 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_fez`.
 *
 * @example
 * ```ts
 * const backend = new FakeFez()
 * backend.numQubits // 156
 * ```
 */
export class FakeFez extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_fez',
      snapshot: {
        configuration: loadFakeConfiguration('fez'),
        properties: () => loadFakeProperties('fez'),
      },
    })
  }
}
