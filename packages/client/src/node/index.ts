/**
 * The Node entry of `@qfabric/client` (the `node` export condition): everything of the
 * browser-safe entry, plus saved accounts on disk.
 *
 * @packageDocumentation
 */
export * from '../index.js'
export { defaultAccountsPath, FileAccountStore } from './file-account-store.js'
export { QfabricService } from './node-qfabric-service.js'
