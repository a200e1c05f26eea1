import {
  QfabricService as BrowserQfabricService,
  type ClientPlatform,
} from '../service/qfabric-service.js'
import { FileAccountStore } from './file-account-store.js'

/**
 * `QfabricService` under Node: the same service, with saved accounts in the accounts file
 * (`<config dir>/qfabric/accounts.json`, mode 0600, written atomically) and the environment from
 * `process.env`. `@qfabric/client` exports this class as `QfabricService` under the `node`
 * export condition, so `QfabricService.saveAccount(...)` writes the file there and needs an
 * explicit store in a browser.
 *
 * @example
 * ```ts
 * import { QfabricService } from '@qfabric/client'
 * await QfabricService.saveAccount({ url: 'http://127.0.0.1:8080', token, setAsDefault: true })
 * const service = await QfabricService.loadAccount()
 * ```
 */
export class QfabricService extends BrowserQfabricService {
  /** The accounts file and `process.env`. */
  protected static override platform: ClientPlatform = {
    accountStore: () => new FileAccountStore(),
    env: () => process.env,
  }
}
