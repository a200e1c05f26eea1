import { QfabricService } from '@qfabric/client'
import { isEntryModule } from '../is-entry-module.js'

/**
 * Runs an example's `main` when its module is the program Node was started with
 * (`node examples/dist/remote/<name>.js`), with the account `QfabricService.loadAccount()`
 * resolves: `QFABRIC_URL`/`QFABRIC_TOKEN`/`QFABRIC_INSTANCE`, else the default saved account.
 * A failure is printed and sets the exit code, without a stack trace for a missing account.
 *
 * @param moduleUrl - the example's `import.meta.url`
 * @param main - the example
 */
export async function runStandAlone(
  moduleUrl: string,
  main: (service: QfabricService) => Promise<unknown>,
): Promise<void> {
  if (!isEntryModule(moduleUrl)) return
  try {
    await main(await QfabricService.loadAccount())
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error)
    process.exitCode = 1
  }
}
