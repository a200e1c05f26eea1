import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import type { IncludeResolver } from '@qfabric/core/qasm'

/**
 * Reads OpenQASM `include` files from disk: a relative path is looked up beside the including
 * file, then relative to the working directory; an absolute path as written. Parsers call it
 * synchronously, hence the synchronous reads.
 */
export class FileIncludeResolver implements IncludeResolver {
  /**
   * @param path - the path in the `include` statement
   * @param from - the including file's name (as given to the parser)
   * @returns the file's text, or `undefined` when there is no such file
   */
  resolve(path: string, from: string): string | undefined {
    const candidates = isAbsolute(path) ? [path] : [join(dirname(from), path), path]
    for (const candidate of candidates) {
      const text = readIfFile(candidate)
      if (text !== undefined) return text
    }
    return undefined
  }
}

function readIfFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    // Missing or unreadable: the parser reports the include as not found.
    return undefined
  }
}
