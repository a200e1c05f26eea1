/**
 * The runnable entry of `qfabric serve` (`node dist/serve/serve-main.js --role worker …`): runs
 * {@link runServe} with this process's arguments until SIGINT/SIGTERM, and exits with status 2
 * for a bad command line, 1 for any other failure.
 *
 * @packageDocumentation
 */
import { isQfabricError } from '@qfabric/core/providers'
import { runServe } from './run-serve.js'

try {
  await runServe(process.argv.slice(2))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`qfabric serve: ${message}\n`)
  process.exitCode = isQfabricError(error) && error.code === 'serve.invalid-argument' ? 2 : 1
}
