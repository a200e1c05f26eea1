import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely'
import type { Clock } from './clock.js'
import type { Database, JobEventsTable } from './database-schema.js'
import type { JobChange } from './job-store.js'
import { writeEvents } from './write-events.js'

/** What a transaction changed that others must hear about once it commits. */
export interface ChangeSet {
  /** Jobs that got new events. */
  readonly jobs: JobChange[]
  /** Backends that got newly claimable work. */
  readonly workFor: Set<string>
  /**
   * The events of those jobs, written when the transaction's work is done — in one statement
   * with the notice on PostgreSQL (the jobs' `event_seq` already count them).
   */
  readonly events: JobEventsTable[]
}

/**
 * The few things SQLite and PostgreSQL do differently; everything else is one Kysely
 * implementation.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres'
  /**
   * Makes a select lock the rows it returns until the transaction ends (PostgreSQL `FOR UPDATE`,
   * with `SKIP LOCKED` when `skipLocked`). SQLite needs nothing: `BEGIN IMMEDIATE` already holds
   * the database's write lock.
   */
  lockRows<TQuery extends SelectQueryBuilder<Database, 'jobs', object>>(
    query: TQuery,
    options?: { readonly skipLocked?: boolean },
  ): TQuery
  /** Serialises claims within one instance (PostgreSQL: locks the instance row). */
  lockInstance(trx: Transaction<Database>, instance: string): Promise<void>
  /** Inside the transaction, before commit (PostgreSQL: `NOTIFY`, delivered on commit). */
  stage(trx: Transaction<Database>, changes: ChangeSet): Promise<void>
  /**
   * Writes the transaction's events and stages its notice in one statement, a round trip less
   * than an `INSERT` then `stage` (PostgreSQL). Without it the store inserts the events, then
   * calls `stage`.
   */
  readonly stageWithEvents?:
    ((trx: Transaction<Database>, changes: ChangeSet) => Promise<void>) | undefined
  /** After commit (SQLite: deliver to this process's listeners). */
  publish(changes: ChangeSet): void
  /**
   * After users, tokens, memberships or instances changed: tells the other processes (PostgreSQL
   * `NOTIFY`; SQLite has no other API process). This process is told by the store directly.
   */
  announceAccounts(db: Kysely<Database>): Promise<void>
  /** The position of `needle` in `haystack`, 1-based, 0 when absent (`instr` / `strpos`). */
  readonly positionFunction: 'instr' | 'strpos'
  /** Whether an error is a unique or primary-key violation. */
  isUniqueViolation(error: unknown): boolean
  /**
   * The constraint a foreign-key violation names, else `undefined` (PostgreSQL). A dialect with
   * it lets the database check a new job's owner, saving the read that checks it first (SQLite
   * keeps the read: its errors do not say which key failed, and reads cost it no round trip).
   */
  readonly violatedForeignKey?: ((error: unknown) => string | undefined) | undefined
}

/** What every store operation works with. */
export interface StoreContext {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly dialect: StoreDialect
}

/**
 * Runs `work` in a transaction, then tells listeners what changed: the events `work` recorded
 * are written and the change is staged at the end of the transaction (so a PostgreSQL `NOTIFY`
 * is sent exactly when the data is visible), and published after commit. Nothing is written or
 * announced when the transaction rolls back.
 *
 * @param ctx - the store
 * @param work - the transaction body; record changes in the given set
 * @returns what `work` returned
 */
export async function inTransaction<TResult>(
  ctx: StoreContext,
  work: (trx: Transaction<Database>, changes: ChangeSet) => Promise<TResult>,
): Promise<TResult> {
  const changes: ChangeSet = { jobs: [], workFor: new Set(), events: [] }
  const result = await ctx.db.transaction().execute(async (trx) => {
    const value = await work(trx, changes)
    const changed = changes.jobs.length > 0 || changes.workFor.size > 0
    if (changed || changes.events.length > 0) await stageChanges(ctx, trx, changes)
    return value
  })
  if (changes.jobs.length > 0 || changes.workFor.size > 0) ctx.dialect.publish(changes)
  return result
}

async function stageChanges(
  ctx: StoreContext,
  trx: Transaction<Database>,
  changes: ChangeSet,
): Promise<void> {
  if (ctx.dialect.stageWithEvents !== undefined) {
    await ctx.dialect.stageWithEvents(trx, changes)
    return
  }
  await writeEvents(ctx, trx, changes.events)
  await ctx.dialect.stage(trx, changes)
}

/** Milliseconds → ISO 8601 UTC. */
export function toIso(ms: number): string
export function toIso(ms: number | null): string | null
export function toIso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString()
}

/**
 * ISO 8601 → milliseconds.
 *
 * @param iso - a timestamp
 * @returns ms since the epoch
 * @throws RangeError for an unparseable timestamp
 */
export function fromIso(iso: string): number {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 timestamp: ${iso}`)
  return ms
}
