/**
 * An abort signal that fires on the first SIGINT or SIGTERM of this process. While it is
 * listening, those signals no longer kill the process at once: the caller shuts down cleanly
 * (a second signal then exits at once, for an operator whose shutdown hangs).
 *
 * @returns the signal
 * @example
 * ```ts
 * await runServe(process.argv.slice(2), { signal: processShutdownSignal() })
 * ```
 */
export function processShutdownSignal(): AbortSignal {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      // Second signal: the operator insists.
      process.exit(130)
    }
    controller.abort(new Error(`received ${name}`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return controller.signal
}
