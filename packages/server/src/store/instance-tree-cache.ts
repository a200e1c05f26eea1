import { instanceAncestors } from '@qfabric/protocol'
import type { Kysely } from 'kysely'
import type { EffectiveInstanceSettings, StoredInstance } from './account-types.js'
import { readEffectiveSettings, resolveEffectiveSettings } from './accounts/effective-settings.js'
import { getInstance, instancesUnder, readInstanceTree } from './accounts/instances.js'
import type { Clock } from './clock.js'
import type { Database } from './database-schema.js'
import { JobStoreError } from './job-store-error.js'
import type { StoreContext } from './store-context.js'

/** How long a loaded instance tree is used when no change is announced, ms. */
export const DEFAULT_INSTANCE_CACHE_TTL_MS = 5000

/** One load of the whole `instances` table, with effective settings resolved on demand. */
class InstanceTreeSnapshot {
  /** Nodes sorted by path (frozen). */
  readonly nodes: readonly StoredInstance[]
  /** The clock's time when the load started (what it read is at least this fresh). */
  readonly loadedAt: number
  readonly #byPath: ReadonlyMap<string, StoredInstance>
  readonly #settings = new Map<string, EffectiveInstanceSettings>()

  constructor(nodes: readonly StoredInstance[], loadedAt: number) {
    this.nodes = Object.freeze(nodes.map((node) => Object.freeze({ ...node })))
    this.loadedAt = loadedAt
    this.#byPath = new Map(this.nodes.map((node) => [node.path, node]))
  }

  get(path: string): StoredInstance | undefined {
    return this.#byPath.get(path)
  }

  settings(instance: string): EffectiveInstanceSettings | undefined {
    let settings = this.#settings.get(instance)
    if (settings === undefined) {
      const levels = instanceAncestors(instance).flatMap((path) => this.#byPath.get(path) ?? [])
      const resolved = resolveEffectiveSettings(instance, levels)
      if (resolved === undefined) return undefined
      settings = Object.freeze(resolved)
      this.#settings.set(instance, settings)
    }
    return settings
  }
}

/** What {@link InstanceTreeCache} is built from. */
export interface InstanceTreeCacheOptions {
  /** How long a loaded tree is used, ms; `0` disables the cache (every call reads). */
  readonly ttlMs: number
  /** The store's clock (the TTL is measured on it, so tests can move it). */
  readonly clock: Clock
}

/**
 * The whole `instances` table (a small hub/group/project tree) held in memory, so that a
 * submission does not read it three times (authorisation, pending limit, result TTL at
 * completion). Like `PrincipalCache`, the store empties it whenever accounts change — which
 * includes every instance create or update: in this process synchronously once the change has
 * committed, in other processes through the store's account notification (PostgreSQL `NOTIFY`,
 * linked threads) — and reloads it at most `ttlMs` after the last load, which bounds what no
 * notification reports (plain SQL, another process on an SQLite file, a notification lost
 * while the listener reconnects). A lookup that misses reloads at once, so an instance another
 * process created a moment ago is found, and a missing instance is reported exactly as without
 * the cache.
 *
 * Each method takes the database or a transaction to load with. A transaction is fine (its
 * caller keeps its connection and its snapshot) provided it has not itself changed instances:
 * what it reads is kept for other callers.
 *
 * @example
 * ```ts
 * const tree = new InstanceTreeCache({ ttlMs: 5000, clock })
 * const unwatch = hub.watchAccounts(() => tree.clear())
 * const settings = await tree.effectiveSettings(db, 'acme/research/vqe')
 * ```
 */
export class InstanceTreeCache {
  readonly #ttlMs: number
  readonly #clock: Clock
  #snapshot: InstanceTreeSnapshot | undefined
  /** A load outside any transaction that callers of the same generation may share. */
  #loading:
    { readonly generation: number; readonly snapshot: Promise<InstanceTreeSnapshot> } | undefined
  #generation = 0

  /**
   * @param options - TTL and clock
   * @throws RangeError for a TTL that is negative or not a number
   */
  constructor(options: InstanceTreeCacheOptions) {
    if (!(options.ttlMs >= 0)) {
      throw new RangeError(`ttlMs must be 0 or more, got ${options.ttlMs}`)
    }
    this.#ttlMs = options.ttlMs
    this.#clock = options.clock
  }

  /** Whether the cache holds anything (a TTL of 0 turns it off). */
  get isEnabled(): boolean {
    return this.#ttlMs > 0
  }

  /**
   * Changes with every {@link clear}: a load that started before a clear is not kept (it may
   * have read the tree before the change that caused the clear committed).
   */
  get generation(): number {
    return this.#generation
  }

  /** Forgets the tree (instances or accounts changed); the next call loads it afresh. */
  clear(): void {
    this.#generation++
    this.#snapshot = undefined
    this.#loading = undefined
  }

  /**
   * The nodes at and under a prefix, sorted by path.
   *
   * @param db - the database, or a transaction that has not changed instances
   * @param prefix - a prefix (default: every node)
   * @returns the nodes (a new array of frozen nodes)
   */
  async list(db: Kysely<Database>, prefix?: string): Promise<StoredInstance[]> {
    if (!this.isEnabled) return instancesUnder(await readInstanceTree(db), prefix)
    const snapshot = await (this.#fresh() ?? this.#joinLoad(db) ?? this.#load(db))
    return instancesUnder(snapshot.nodes, prefix)
  }

  /**
   * One node of the tree.
   *
   * @param db - the database, or a transaction that has not changed instances
   * @param path - the path
   * @returns the node (frozen), or `undefined` when the database has none either
   */
  async get(db: Kysely<Database>, path: string): Promise<StoredInstance | undefined> {
    if (!this.isEnabled) return getInstance(db, path)
    return this.#lookup(db, (snapshot) => snapshot.get(path))
  }

  /**
   * An instance's settings after inheritance and defaults (see `readEffectiveSettings`).
   *
   * @param db - the database, or a transaction that has not changed instances
   * @param instance - an instance path or prefix
   * @returns the effective settings (frozen)
   * @throws {@link JobStoreError} `store.not-found` when the database has no such instance
   */
  async effectiveSettings(
    db: Kysely<Database>,
    instance: string,
  ): Promise<EffectiveInstanceSettings> {
    if (!this.isEnabled) return readEffectiveSettings(db, instance)
    const settings = await this.#lookup(db, (snapshot) => snapshot.settings(instance))
    if (settings === undefined) {
      throw new JobStoreError('store.not-found', `No instance ${instance}.`)
    }
    return settings
  }

  /** Finds in the cached tree; on a miss, in a tree loaded now (the node may be new). */
  async #lookup<T>(
    db: Kysely<Database>,
    find: (snapshot: InstanceTreeSnapshot) => T | undefined,
  ): Promise<T | undefined> {
    // Without an await before `#load` starts, so that concurrent callers find it under way.
    const known = this.#fresh() ?? this.#joinLoad(db)
    const found = known === undefined ? undefined : find(await known)
    // A fresh load rather than a shared one: a load already under way may have started before
    // the node was created.
    return found ?? find(await this.#load(db))
  }

  /** The cached tree if it was loaded within the TTL. */
  #fresh(): InstanceTreeSnapshot | undefined {
    const snapshot = this.#snapshot
    if (snapshot === undefined) return undefined
    const now = this.#clock.now()
    if (now >= snapshot.loadedAt && now - snapshot.loadedAt < this.#ttlMs) return snapshot
    this.#snapshot = undefined
    return undefined
  }

  /**
   * The load under way outside any transaction since the last clear, if any. A transaction
   * never waits for it: it loads with its own connection rather than wait for another (which,
   * on a one-connection database or a full pool, could be waiting for the transaction itself).
   */
  #joinLoad(db: Kysely<Database>): Promise<InstanceTreeSnapshot> | undefined {
    const loading = this.#loading
    if (db.isTransaction || loading?.generation !== this.#generation) return undefined
    return loading.snapshot
  }

  /** Loads the tree, and keeps it unless the cache was cleared meanwhile. */
  #load(db: Kysely<Database>): Promise<InstanceTreeSnapshot> {
    const generation = this.#generation
    const loadedAt = this.#clock.now()
    const snapshot = readInstanceTree(db).then((nodes) => {
      const loaded = new InstanceTreeSnapshot(nodes, loadedAt)
      const kept = this.#snapshot
      if (generation === this.#generation && (kept === undefined || kept.loadedAt <= loadedAt)) {
        this.#snapshot = loaded
      }
      return loaded
    })
    if (!db.isTransaction) {
      this.#loading = { generation, snapshot }
      const done = (): void => {
        if (this.#loading?.snapshot === snapshot) this.#loading = undefined
      }
      void snapshot.then(done, done)
    }
    return snapshot
  }
}

/** A {@link StoreContext} that may carry the store's {@link InstanceTreeCache}. */
export interface InstanceTreeContext extends StoreContext {
  readonly instanceTree?: InstanceTreeCache | undefined
}

/**
 * An instance's effective settings inside a write transaction: from the store's cache when the
 * context carries one (a limit changed by an admin applies within the cache's notification
 * delay or TTL), else read with the transaction.
 *
 * @param ctx - the store
 * @param trx - the open transaction (which has not changed instances)
 * @param instance - an instance path
 * @returns the effective settings
 * @throws {@link JobStoreError} `store.not-found` when the instance does not exist
 */
export function effectiveSettingsIn(
  ctx: InstanceTreeContext,
  trx: Kysely<Database>,
  instance: string,
): Promise<EffectiveInstanceSettings> {
  return ctx.instanceTree === undefined
    ? readEffectiveSettings(trx, instance)
    : ctx.instanceTree.effectiveSettings(trx, instance)
}
