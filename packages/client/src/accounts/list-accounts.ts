import { toAccountInfo, type AccountInfo } from './account-info.js'
import type { AccountStore } from './account-store.js'
import { requireStore } from './update-accounts.js'

/**
 * Lists the saved accounts, tokens redacted (Qiskit's `saved_accounts`).
 *
 * @param store - where accounts are saved (`undefined` where there is none, e.g. a browser)
 * @returns the accounts sorted by name, the default one marked `isDefault`
 * @throws {@link AccountError} `account.store-unavailable` without a store, and what the store
 *   throws (`account.file-invalid`, `account.file-unreadable`)
 */
export async function listAccounts(store: AccountStore | undefined): Promise<AccountInfo[]> {
  const file = await requireStore(store, 'list accounts').read()
  return Object.keys(file.accounts)
    .sort()
    .map((name) => toAccountInfo(name, file.accounts[name]!, file.default === name))
}
