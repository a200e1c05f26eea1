import type { IncludeResolver } from './qasm-error.js'
import { QELIB1_INC, STDGATES_INC } from './include-resolver-sources.js'

/**
 * The standard include files every OpenQASM parser knows without a file system: Qiskit's
 * `qelib1.inc` (OpenQASM 2) and `stdgates.inc` (OpenQASM 3).
 */
export const STANDARD_INCLUDES: ReadonlyMap<string, string> = new Map([
  ['qelib1.inc', QELIB1_INC],
  ['stdgates.inc', STDGATES_INC],
])

/** Options of {@link InMemoryIncludeResolver}. */
export interface InMemoryIncludeResolverOptions {
  /** Also serve {@link STANDARD_INCLUDES} (default `true`); files given explicitly win. */
  readonly withStandardIncludes?: boolean | undefined
}

/**
 * An {@link IncludeResolver} over files held in memory: the parsers' default, and the way to
 * hand a parser extra include files in a browser or a test. A path is looked up as written, then
 * relative to the directory of the including file, then by its base name for the standard files.
 *
 * @example
 * ```ts
 * const resolver = new InMemoryIncludeResolver({ 'lib/my.inc': 'gate g a { h a; }' })
 * parseQasm2('include "lib/my.inc"; qreg q[1]; g q[0];', { includeResolver: resolver })
 * ```
 */
export class InMemoryIncludeResolver implements IncludeResolver {
  readonly #files = new Map<string, string>()

  /**
   * @param files - file path → text
   * @param options - whether the standard includes are served too
   */
  constructor(
    files: Readonly<Record<string, string>> | ReadonlyMap<string, string> = {},
    options: InMemoryIncludeResolverOptions = {},
  ) {
    if (options.withStandardIncludes !== false) {
      for (const [path, text] of STANDARD_INCLUDES) this.#files.set(path, text)
    }
    for (const [path, text] of entriesOf(files)) this.#files.set(normalizePath(path), text)
  }

  /**
   * The text of `path` as included from the file `from`, or `undefined` if it is unknown.
   *
   * @param path - the path written in the `include` statement
   * @param from - the name of the including file
   * @returns the file's text, or `undefined`
   */
  resolve(path: string, from: string): string | undefined {
    const normalized = normalizePath(path)
    const direct = this.#files.get(normalized)
    if (direct !== undefined) return direct
    const slash = from.lastIndexOf('/')
    if (slash >= 0 && !normalized.startsWith('/')) {
      const relative = this.#files.get(normalizePath(`${from.slice(0, slash)}/${normalized}`))
      if (relative !== undefined) return relative
    }
    return undefined
  }

  /**
   * A new resolver with `path` added (or replaced); this one is unchanged.
   *
   * @param path - the file's path
   * @param text - the file's text
   * @returns the extended resolver
   */
  with(path: string, text: string): InMemoryIncludeResolver {
    const files = new Map(this.#files)
    files.set(normalizePath(path), text)
    return new InMemoryIncludeResolver(files, { withStandardIncludes: false })
  }
}

/**
 * The resolver the parsers use when none is given: the standard includes only.
 *
 * @returns an in-memory resolver serving `qelib1.inc` and `stdgates.inc`
 */
export function createDefaultIncludeResolver(): IncludeResolver {
  return new InMemoryIncludeResolver()
}

/**
 * A resolver that asks each of `resolvers` in turn and returns the first answer, e.g. a file
 * system resolver (from the CLI or server) followed by the in-memory standard includes.
 *
 * @param resolvers - the resolvers, in priority order
 * @returns the combined resolver
 */
export function chainIncludeResolvers(...resolvers: readonly IncludeResolver[]): IncludeResolver {
  return {
    resolve(path: string, from: string): string | undefined {
      for (const resolver of resolvers) {
        const text = resolver.resolve(path, from)
        if (text !== undefined) return text
      }
      return undefined
    },
  }
}

function isMap(
  files: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
): files is ReadonlyMap<string, string> {
  return files instanceof Map
}

function entriesOf(
  files: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
): Iterable<readonly [string, string]> {
  return isMap(files) ? files.entries() : Object.entries(files)
}

/** `a/./b/../c` → `a/c`; `./x` → `x`; keeps a leading `/`. */
function normalizePath(path: string): string {
  const isAbsolute = path.startsWith('/')
  const parts: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
    else parts.push(part)
  }
  return (isAbsolute ? '/' : '') + parts.join('/')
}
