/**
 * `FakeSherbrooke`: a snapshot of ibm_sherbrooke — Eagle r3, 127 qubits with ECR gates (2025).
 */
import type { LocalBackendOptions } from '../../backends/local-simulator-backend.js'
import { FakeBackend } from '../fake-backend.js'
import { loadFakeConfiguration, loadFakeProperties } from '../fake-snapshot.js'

/**
 * A fake ibm_sherbrooke (127 qubits): its configuration and calibration as IBM published them, with
 * noisy local simulation. Name `fake_sherbrooke`.
 *
 * @example
 * ```ts
 * const backend = new FakeSherbrooke()
 * backend.numQubits // 127
 * ```
 */
export class FakeSherbrooke extends FakeBackend {
  /** @param options - provider, pool, timers */
  constructor(options: LocalBackendOptions = {}) {
    super({
      ...options,
      name: 'fake_sherbrooke',
      snapshot: {
        configuration: loadFakeConfiguration('sherbrooke'),
        properties: () => loadFakeProperties('sherbrooke'),
      },
    })
  }
}
