/**
 * `FakeFractional`: a snapshot of fake_fractional — Falcon r4 with fractional gates rx and rzz (5 qubits).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake fake_fractional (5 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_fractional`.
 *
 * @example
 * ```ts
 * const backend = new FakeFractional()
 * backend.numQubits // 5
 * ```
 */
export class FakeFractional extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_fractional',
      snapshot: {
        configuration: loadFakeConfiguration('fractional'),
        properties: () => loadFakeProperties('fractional'),
      },
    })
  }
}
