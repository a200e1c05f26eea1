/**
 * Starts `qfabric serve` as a separate OS process (from the TypeScript sources, through
 * {@link SOURCE_LOADER_URL}) and reads its output.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { SERVE_MAIN_SOURCE, SOURCE_LOADER_URL } from './source-loader.js'

/** A `qfabric serve` child process. */
export interface ServeProcess {
  readonly child: ChildProcess
  /** Everything written so far to standard output and error. */
  output(): { readonly stdout: string; readonly stderr: string }
  /**
   * Waits until a stream matches a pattern.
   *
   * @returns the match
   * @throws Error when the process exits first or after `timeoutMs`
   */
  waitFor(
    stream: 'stdout' | 'stderr',
    pattern: RegExp,
    timeoutMs?: number,
  ): Promise<RegExpExecArray>
  /** Resolves with the exit code (or signal name) when the process has exited. */
  readonly exited: Promise<number | string>
}

/**
 * Spawns `serve-main.ts` with the arguments (same Node as the test runner).
 *
 * @param args - the `qfabric serve` arguments
 * @returns the process
 */
export function spawnServe(args: readonly string[]): ServeProcess {
  // A fresh database prints its own first admin token only without a preset one.
  const env = { ...process.env }
  delete env['QFABRIC_ADMIN_TOKEN']
  const child = spawn(
    process.execPath,
    ['--no-warnings', '--import', SOURCE_LOADER_URL, SERVE_MAIN_SOURCE, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  )
  const text = { stdout: '', stderr: '' }
  const listeners = new Set<() => void>()
  const notify = (): void => {
    for (const listener of listeners) listener()
  }
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    text.stdout += chunk
    notify()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    text.stderr += chunk
    notify()
  })
  let code: number | string | undefined
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (exitCode, signal) => {
      code = exitCode ?? signal ?? 'unknown'
      notify()
      resolve(code)
    })
  })
  const waitFor = (stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs = 20_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = (): void => {
        const match = pattern.exec(text[stream])
        if (match !== null) {
          done(() => {
            resolve(match)
          })
        } else if (code !== undefined) {
          const reason = new Error(`serve exited (${code}) before ${pattern}: ${text.stderr}`)
          done(() => {
            reject(reason)
          })
        }
      }
      const timer = setTimeout(() => {
        done(() => {
          reject(new Error(`no ${pattern} within ${timeoutMs} ms: ${text.stderr}`))
        })
      }, timeoutMs)
      const done = (settle: () => void): void => {
        clearTimeout(timer)
        listeners.delete(check)
        settle()
      }
      listeners.add(check)
      check()
    })
  return { child, output: () => ({ ...text }), waitFor, exited }
}
