import { checkAccountName, DEFAULT_ACCOUNT_NAME, normalizeAccountConfig } from './account-config.js'
import type { AccountConfig } from './account-config.js'
import { AccountError } from './account-errors.js'
import { toAccountInfo, type AccountInfo } from './account-info.js'
import type { AccountStore } from './account-store.js'
import { requireStore, updateAccounts } from './update-accounts.js'

/** What {@link saveAccount} saves. */
export interface SaveAccountOptions extends AccountConfig {
  /** The account's name (default `default`): 1–64 characters of `A–Z a–z 0–9 . _ -`. */
  readonly name?: string | undefined
  /**
   * `true` makes it the default account; `false` leaves the default as it is. When not given,
   * it becomes the default only if there is none yet (so the first account saved is used by
   * `resolveAccount` without naming it).
   */
  readonly setAsDefault?: boolean | undefined
  /** Replace a saved account of the same name (default `false`). */
  readonly overwrite?: boolean | undefined
}

/**
 * Saves an account (Qiskit's `save_account`). Saving does not make the account active; resolve
 * or load it for that. Nothing is contacted: the service is not asked whether the token works.
 *
 * @param store - where accounts are saved (`undefined` where there is none, e.g. a browser)
 * @param options - the account, its name, and whether to make it the default or overwrite
 * @returns the saved account as {@link listAccounts} shows it (token redacted)
 * @throws {@link AccountError} `account.invalid` for a malformed name, URL, token, instance or
 *   proxy; `account.exists` when the name is taken and `overwrite` is not set;
 *   `account.store-unavailable` without a store; and what the store throws
 *   (`account.file-invalid`, `account.file-unreadable`)
 * @example
 * ```ts
 * await saveAccount(new FileAccountStore(), {
 *   name: 'lab', url: 'https://qfabric.example.org', token, instance: 'lab/team/main',
 *   setAsDefault: true,
 * })
 * ```
 */
export async function saveAccount(
  store: AccountStore | undefined,
  options: SaveAccountOptions,
): Promise<AccountInfo> {
  const target = requireStore(store, 'save an account')
  const name = checkAccountName(options.name ?? DEFAULT_ACCOUNT_NAME)
  const { url, token, instance, verifyTls, proxy } = options
  const account = normalizeAccountConfig({ url, token, instance, verifyTls, proxy })
  const saved = await updateAccounts(target, (file) => {
    if (Object.hasOwn(file.accounts, name) && options.overwrite !== true) {
      throw new AccountError(
        'account.exists',
        `An account named "${name}" is already saved in ${target.location}; pass overwrite: true to replace it.`,
      )
    }
    const makeDefault =
      options.setAsDefault === true ||
      (options.setAsDefault === undefined && file.default === undefined)
    return {
      accounts: { ...file.accounts, [name]: account },
      default: makeDefault ? name : file.default,
    }
  })
  return toAccountInfo(name, account, saved.default === name)
}
