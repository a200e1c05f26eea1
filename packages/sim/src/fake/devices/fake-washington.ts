/**
 * `FakeWashington`: a snapshot of ibm_washington — Eagle r1, 127 qubits, heavy-hex (2022).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibm_washington (127 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_washington`.
 *
 * @example
 * ```ts
 * const backend = new FakeWashington()
 * backend.numQubits // 127
 * ```
 */
export class FakeWashington extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_washington',
      snapshot: {
        configuration: loadFakeConfiguration('washington'),
        properties: () => loadFakeProperties('washington'),
      },
    })
  }
}
