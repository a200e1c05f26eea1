import { checkAccountName } from './account-config.js'
import type { AccountStore } from './account-store.js'
import { requireStore, updateAccounts } from './update-accounts.js'

/**
 * Deletes a saved account. Deleting the default account leaves no default (another account is
 * not promoted: which one to use is the user's choice).
 *
 * @param store - where accounts are saved (`undefined` where there is none, e.g. a browser)
 * @param name - the account's name
 * @returns whether an account was deleted (`false`: there was none of that name)
 * @throws {@link AccountError} `account.invalid` for a malformed name,
 *   `account.store-unavailable` without a store, and what the store throws
 */
export async function deleteAccount(
  store: AccountStore | undefined,
  name: string,
): Promise<boolean> {
  const target = requireStore(store, 'delete an account')
  checkAccountName(name)
  let deleted = false
  await updateAccounts(target, (file) => {
    if (!Object.hasOwn(file.accounts, name)) return file
    deleted = true
    const accounts = Object.fromEntries(
      Object.entries(file.accounts).filter(([key]) => key !== name),
    )
    return { accounts, default: file.default === name ? undefined : file.default }
  })
  return deleted
}
