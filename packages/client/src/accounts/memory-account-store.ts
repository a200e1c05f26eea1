import type { AccountsFile, AccountStore } from './account-store.js'
import { EMPTY_ACCOUNTS_FILE } from './account-store.js'
import { checkAccountsFile } from './accounts-file-json.js'

/**
 * Saved accounts kept in memory: for tests, browsers and short-lived tools. Each store is
 * independent (there is no global one); what it holds is copied in and out, so callers cannot
 * change it behind its back.
 *
 * @example
 * ```ts
 * const store = new MemoryAccountStore()
 * await saveAccount(store, { url: 'http://127.0.0.1:8080', token })
 * const account = await resolveAccount({ store, env: {} })
 * ```
 */
export class MemoryAccountStore implements AccountStore {
  /** Always `memory`. */
  readonly location = 'memory'
  #file: AccountsFile

  /**
   * @param initial - what the store starts with (checked like a file's contents)
   * @throws {@link AccountError} `account.file-invalid` when `initial` is malformed
   */
  constructor(initial: AccountsFile = EMPTY_ACCOUNTS_FILE) {
    this.#file = checkAccountsFile(initial, this.location)
  }

  /** @returns a copy of what the store holds */
  read(): Promise<AccountsFile> {
    return Promise.resolve(structuredClone(this.#file))
  }

  /**
   * @param file - the new contents
   * @throws {@link AccountError} `account.file-invalid` when `file` is malformed
   */
  write(file: AccountsFile): Promise<void> {
    return Promise.resolve().then(() => {
      this.#file = checkAccountsFile(file, this.location)
    })
  }

  /**
   * Changes the contents in one step, so concurrent updates never lose one another.
   *
   * @param change - the new state from the current one
   * @returns a copy of the state written
   */
  update(change: (file: AccountsFile) => AccountsFile): Promise<AccountsFile> {
    // Read, change and store run in one synchronous step: nothing can interleave.
    return Promise.resolve().then(() => {
      this.#file = checkAccountsFile(change(structuredClone(this.#file)), this.location)
      return structuredClone(this.#file)
    })
  }
}
