import { CompiledQuery, type Compilable, type Kysely } from 'kysely'
import type { Database } from './database-schema.js'
import { nameStatement } from './statement-names.js'
import type { StoreDialect } from './store-context.js'

/** Stands in for an argument while the query is compiled; replaced by the argument on each run. */
class Slot {
  constructor(readonly index: number) {}
}

/** Builds a prepared query: from the database, its dialect and stand-ins for the arguments. */
type Build<TArgs extends readonly unknown[], TRow> = (
  db: Kysely<Database>,
  dialect: StoreDialect,
  ...args: TArgs
) => Compilable<TRow>

interface Compiled {
  readonly sql: string
  /** Per parameter: the argument index it takes, or the constant the build put there. */
  readonly parameters: readonly (Slot | { readonly value: unknown })[]
}

/**
 * A query built with Kysely once per dialect (and shape), then run with new arguments as plain
 * SQL text and parameters. Building and compiling a select of the job row's 56 columns costs
 * ~40 µs — more than SQLite takes to run it — and the hot paths (status polls, every state
 * change of every job) run such queries several times per job.
 *
 * On PostgreSQL the text runs as a named prepared statement (see `nameStatement`), which spares
 * the server parsing and planning it on every run.
 *
 * The build function receives stand-ins for its arguments and must only hand them to Kysely as
 * values (`where('id', '=', id)`, `set({ col: value })`), never inspect them: the compiled SQL
 * is reused for every call with the same dialect and shape key.
 *
 * @example
 * ```ts
 * const byId = new PreparedQuery((db, _dialect, id: string) => db.selectFrom('jobs').select('status').where('id', '=', id))
 * const rows = await byId.execute(ctx, ctx.db, ['job_1'])
 * ```
 */
export class PreparedQuery<TArgs extends readonly unknown[], TRow> {
  readonly #build: Build<TArgs, TRow>
  readonly #compiled = new Map<string, Compiled>()

  /** @param build - builds the query from the database, its dialect and the (stand-in) arguments */
  constructor(build: Build<TArgs, TRow>) {
    this.#build = build
  }

  /**
   * Runs the query with these arguments.
   *
   * @param scope - the dialect name (compiled SQL differs per dialect) and an optional shape key
   *   (for builds whose SQL depends on the arguments' shape, such as the columns set)
   * @param db - the database or the open transaction to run on
   * @param args - the arguments
   * @returns the rows
   */
  async execute(
    scope: { readonly dialect: StoreDialect; readonly shape?: string | undefined },
    db: Kysely<Database>,
    args: TArgs,
  ): Promise<TRow[]> {
    const key =
      scope.shape === undefined ? scope.dialect.name : `${scope.dialect.name}:${scope.shape}`
    let compiled = this.#compiled.get(key)
    if (compiled === undefined) {
      compiled = this.#compile(db, scope.dialect, args.length)
      this.#compiled.set(key, compiled)
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Slot ? args[p.index] : p.value))
    const result = await db.executeQuery<TRow>(CompiledQuery.raw(compiled.sql, parameters))
    return result.rows
  }

  #compile(db: Kysely<Database>, dialect: StoreDialect, arity: number): Compiled {
    const slots = Array.from({ length: arity }, (_, i) => new Slot(i))
    const { sql, parameters } = this.#build(db, dialect, ...(slots as unknown as TArgs)).compile()
    return {
      // A fixed text run again and again: worth a server-side prepared statement.
      sql: nameStatement(sql),
      parameters: parameters.map((p) => (p instanceof Slot ? p : { value: p })),
    }
  }
}
