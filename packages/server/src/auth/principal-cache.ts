import type { Clock } from '../store/clock.js'
import type { Principal } from './principal.js'

/** Entries kept at most; the oldest go first beyond it. */
const DEFAULT_MAX_ENTRIES = 10_000

interface CachedPrincipal {
  readonly principal: Principal
  readonly cachedAt: number
  /** The token's `expires_at` in ms, or null when it never expires. */
  readonly expiresAt: number | null
}

/**
 * Principals authenticated recently, by token hash, so that a client polling a job does not cost
 * three account queries per request. An entry is used for at most `ttlMs` and never past its
 * token's expiry; the whole cache is emptied whenever users, tokens or memberships change (the
 * store's `watchAccounts`: in this process at once, in other processes through PostgreSQL
 * `NOTIFY`), so a revoked token, a disabled user or a removed membership takes effect on the next
 * request. The TTL bounds what no notification reports (a change made with plain SQL, a
 * notification lost while the listener reconnects).
 *
 * @example
 * ```ts
 * const principals = new PrincipalCache({ ttlMs: 5000, clock })
 * const unwatch = store.watchAccounts(() => principals.clear())
 * ```
 */
export class PrincipalCache {
  readonly #ttlMs: number
  readonly #clock: Clock
  readonly #maxEntries: number
  readonly #entries = new Map<string, CachedPrincipal>()
  #generation = 0

  /**
   * @param options - how long an entry lives, the clock, how many entries at most
   * @throws RangeError for a TTL or size that is not a positive number
   */
  constructor(options: {
    readonly ttlMs: number
    readonly clock: Clock
    readonly maxEntries?: number | undefined
  }) {
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
    if (!(options.ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${options.ttlMs}`)
    if (!(maxEntries > 0)) throw new RangeError(`maxEntries must be positive, got ${maxEntries}`)
    this.#ttlMs = options.ttlMs
    this.#clock = options.clock
    this.#maxEntries = maxEntries
  }

  /**
   * Changes with every {@link clear}. Read it before loading a principal from the store and pass
   * it to {@link set}: a principal loaded while accounts changed is then not kept.
   */
  get generation(): number {
    return this.#generation
  }

  /**
   * The principal of a token authenticated within the TTL, unless the token has expired since.
   *
   * @param tokenHash - `hashToken(presented)`
   * @returns the principal, or `undefined` (authenticate against the store)
   */
  get(tokenHash: string): Principal | undefined {
    const entry = this.#entries.get(tokenHash)
    if (entry === undefined) return undefined
    const now = this.#clock.now()
    const fresh = now >= entry.cachedAt && now - entry.cachedAt < this.#ttlMs
    if (fresh && (entry.expiresAt === null || now < entry.expiresAt)) return entry.principal
    this.#entries.delete(tokenHash)
    return undefined
  }

  /**
   * Keeps a principal just authenticated against the store.
   *
   * @param tokenHash - `hashToken(presented)`
   * @param principal - the principal
   * @param validity - the token's expiry (ms or null) and the {@link generation} read before
   *   the store was asked (nothing is kept when accounts changed since)
   */
  set(
    tokenHash: string,
    principal: Principal,
    validity: { readonly expiresAt: number | null; readonly generation: number },
  ): void {
    if (validity.generation !== this.#generation) return
    this.#entries.delete(tokenHash)
    this.#entries.set(tokenHash, {
      principal,
      cachedAt: this.#clock.now(),
      expiresAt: validity.expiresAt,
    })
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#entries.delete(oldest)
    }
  }

  /** Forgets every principal (accounts changed). */
  clear(): void {
    this.#generation++
    this.#entries.clear()
  }
}
