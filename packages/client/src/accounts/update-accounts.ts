import { AccountError } from './account-errors.js'
import type { AccountsFile, AccountStore } from './account-store.js'

/**
 * The store, or the error saying there is none (a browser has no saved accounts unless the
 * application brings a store).
 *
 * @param store - the store, if any
 * @param action - what needed it, for the message
 * @returns the store
 * @throws {@link AccountError} `account.store-unavailable` when `store` is undefined
 * @internal
 */
export function requireStore(store: AccountStore | undefined, action: string): AccountStore {
  if (store !== undefined) return store
  throw new AccountError(
    'account.store-unavailable',
    `Cannot ${action}: there is no account store here (saved accounts need the Node entry of @qfabric/client, or a store passed in).`,
  )
}

/**
 * Reads, changes and writes the saved accounts, through `store.update` when the store has it
 * (so concurrent saves do not lose one another) and `read` then `write` otherwise.
 *
 * @param store - where the accounts are
 * @param change - the new state from the current one; returning the same object skips the write
 * @returns the state after the change
 * @internal
 */
export async function updateAccounts(
  store: AccountStore,
  change: (file: AccountsFile) => AccountsFile,
): Promise<AccountsFile> {
  if (store.update !== undefined) return store.update(change)
  const before = await store.read()
  const after = change(before)
  if (after !== before) await store.write(after)
  return after
}
