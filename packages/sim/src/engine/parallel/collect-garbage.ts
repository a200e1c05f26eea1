/**
 * A full garbage collection of the calling thread's heap, on demand.
 *
 * V8 does not count shared memory (a `SharedArrayBuffer`, a shared WebAssembly memory) towards
 * the external-memory pressure that triggers a collection, and a statevector worker allocates
 * almost nothing, so the views a worker made of a finished state would keep that state's memory
 * mapped until some unrelated collection, long after the run: every threaded run would leave
 * its state's full size behind. Collecting once the worker is idle drops those views.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Attempts at exposing `gc` (another thread may unset the process-wide flag in between). */
const EXPOSE_ATTEMPTS = 4

let collect: (() => void) | undefined

/**
 * Runs a full garbage collection when the runtime lets us expose `gc` (once, in a fresh context,
 * so the thread's own global scope is left as it is); otherwise does nothing. Never throws.
 */
export function collectGarbage(): void {
  collect ??= exposeGc() ?? ((): void => undefined)
  collect()
}

function exposeGc(): (() => void) | undefined {
  const global = globalThis as { gc?: unknown }
  if (typeof global.gc === 'function') return global.gc as () => void
  // V8 flags are process-wide and only affect contexts created while set: expose `gc` in a new
  // context, then unset the flag. Workers doing this at once can unset it under each other's
  // feet, hence the retries.
  for (let attempt = 0; attempt < EXPOSE_ATTEMPTS; attempt++) {
    try {
      setFlagsFromString('--expose-gc')
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined')
      if (typeof gc === 'function') return gc as () => void
    } catch {
      return undefined
    } finally {
      setFlagsFromString('--no-expose-gc')
    }
  }
  return undefined
}
