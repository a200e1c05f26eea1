/**
 * `FakeProvider`: every shipped fake device (Qiskit's `FakeProviderForBackendV2`).
 */
import { BaseProvider, type Backend } from '@qfabric/core/providers'
import type { LocalBackendOptions } from '../backends/local-simulator-backend.js'
import { FakeFez } from './devices/fake-fez.js'
import { FakeFractional } from './devices/fake-fractional.js'
import { FakeGuadalupe } from './devices/fake-guadalupe.js'
import { FakeKolkata } from './devices/fake-kolkata.js'
import { FakeLima } from './devices/fake-lima.js'
import { FakeManila } from './devices/fake-manila.js'
import { FakeMontreal } from './devices/fake-montreal.js'
import { FakeNairobi } from './devices/fake-nairobi.js'
import { FakeSherbrooke } from './devices/fake-sherbrooke.js'
import { FakeTorino } from './devices/fake-torino.js'
import { FakeVigo } from './devices/fake-vigo.js'
import { FakeWashington } from './devices/fake-washington.js'
import type { FakeBackend } from './fake-backend.js'

/** The fake device classes, smallest first. */
export const FAKE_BACKEND_CLASSES = Object.freeze([
  FakeVigo,
  FakeLima,
  FakeManila,
  FakeFractional,
  FakeNairobi,
  FakeGuadalupe,
  FakeMontreal,
  FakeKolkata,
  FakeWashington,
  FakeSherbrooke,
  FakeTorino,
  FakeFez,
] as const)

/**
 * The fake devices (`fake_vigo`, `fake_manila`, … `fake_fez`): real IBM device snapshots with
 * noisy local simulation. Backends are created on first listing and then kept.
 *
 * @example
 * ```ts
 * const provider = new FakeProvider()
 * const manila = await provider.getBackend('fake_manila')
 * const big = await provider.backends({ minNumQubits: 100 })
 * ```
 */
export class FakeProvider extends BaseProvider {
  override readonly name = 'fake'
  readonly #options: LocalBackendOptions
  #backends: readonly FakeBackend[] | undefined

  /** @param options - the pool and timers the devices' jobs use */
  constructor(options: Omit<LocalBackendOptions, 'provider'> = {}) {
    super()
    this.#options = options
  }

  protected listBackends(): readonly Backend[] {
    this.#backends ??= Object.freeze(
      FAKE_BACKEND_CLASSES.map((Fake) => new Fake({ ...this.#options, provider: this })),
    )
    return this.#backends
  }
}
