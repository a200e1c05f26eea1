/**
 * `FakeNairobi`: a snapshot of ibm_nairobi — Falcon r5.11H, 7 qubits in an H (2024).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibm_nairobi (7 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_nairobi`.
 *
 * @example
 * ```ts
 * const backend = new FakeNairobi()
 * backend.numQubits // 7
 * ```
 */
export class FakeNairobi extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_nairobi',
      snapshot: {
        configuration: loadFakeConfiguration('nairobi'),
        properties: () => loadFakeProperties('nairobi'),
      },
    })
  }
}
