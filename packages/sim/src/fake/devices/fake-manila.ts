/**
 * `FakeManila`: a snapshot of ibmq_manila — Falcon r5.11L, 5 qubits on a line (2024).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibmq_manila (5 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_manila`.
 *
 * @example
 * ```ts
 * const backend = new FakeManila()
 * backend.numQubits // 5
 * ```
 */
export class FakeManila extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_manila',
      snapshot: {
        configuration: loadFakeConfiguration('manila'),
        properties: () => loadFakeProperties('manila'),
      },
    })
  }
}
