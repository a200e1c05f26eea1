/**
 * `FakeKolkata`: a snapshot of ibmq_kolkata — Falcon r5.11, 27 qubits, heavy-hex (2021).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibmq_kolkata (27 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_kolkata`.
 *
 * @example
 * ```ts
 * const backend = new FakeKolkata()
 * backend.numQubits // 27
 * ```
 */
export class FakeKolkata extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_kolkata',
      snapshot: {
        configuration: loadFakeConfiguration('kolkata'),
        properties: () => loadFakeProperties('kolkata'),
      },
    })
  }
}
