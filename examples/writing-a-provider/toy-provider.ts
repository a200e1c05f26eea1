/**
 * The provider (step 4 of docs/writing-a-provider.md): one method, `listBackends`; filtering
 * and `getBackend` come from `BaseProvider`.
 */
import { BaseProvider, type Backend, type TimeoutProvider } from '@qfabric/core/providers'
import { ToyIonBackend } from './toy-backend.js'

/** A provider with two toy ion traps, `toy_ion_3q` and `toy_ion_5q`. */
export class ToyProvider extends BaseProvider {
  override readonly name = 'toy'
  readonly #backends: readonly ToyIonBackend[]

  /** @param options - timers for the backends' jobs */
  constructor(options: { timers?: TimeoutProvider } = {}) {
    super()
    this.#backends = [3, 5].map(
      (numQubits) => new ToyIonBackend({ numQubits, provider: this, timers: options.timers }),
    )
  }

  protected listBackends(): readonly Backend[] {
    return this.#backends
  }
}
