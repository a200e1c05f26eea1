/**
 * `FakeLima`: a snapshot of ibmq_lima — Falcon r4T, 5 qubits in a T (2021).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibmq_lima (5 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_lima`.
 *
 * @example
 * ```ts
 * const backend = new FakeLima()
 * backend.numQubits // 5
 * ```
 */
export class FakeLima extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_lima',
      snapshot: {
        configuration: loadFakeConfiguration('lima'),
        properties: () => loadFakeProperties('lima'),
      },
    })
  }
}
