/**
 * `FakeVigo`: a snapshot of ibmq_vigo — Falcon-style 5-qubit device (2021).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibmq_vigo (5 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_vigo`.
 *
 * @example
 * ```ts
 * const backend = new FakeVigo()
 * backend.numQubits // 5
 * ```
 */
export class FakeVigo extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_vigo',
      snapshot: {
        configuration: loadFakeConfiguration('vigo'),
        properties: () => loadFakeProperties('vigo'),
      },
    })
  }
}
