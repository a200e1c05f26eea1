/**
 * `FakeMontreal`: a snapshot of ibmq_montreal — Falcon r4, 27 qubits, heavy-hex (2021).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibmq_montreal (27 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_montreal`.
 *
 * @example
 * ```ts
 * const backend = new FakeMontreal()
 * backend.numQubits // 27
 * ```
 */
export class FakeMontreal extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_montreal',
      snapshot: {
        configuration: loadFakeConfiguration('montreal'),
        properties: () => loadFakeProperties('montreal'),
      },
    })
  }
}
