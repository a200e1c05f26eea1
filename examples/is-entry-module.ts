import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/**
 * Whether the module with this `import.meta.url` is the program Node was started with, so an
 * example runs its `main` when launched (`node examples/dist/remote/simple-run.js`) and not
 * when a test imports it.
 *
 * @param moduleUrl - the module's `import.meta.url`
 * @returns true for the entry module
 */
export function isEntryModule(moduleUrl: string): boolean {
  const entry = process.argv[1]
  if (entry === undefined) return false
  try {
    // Through realpath: `node` resolves symlinks in the entry path before loading it.
    return moduleUrl === pathToFileURL(realpathSync(entry)).href
  } catch {
    return false
  }
}
