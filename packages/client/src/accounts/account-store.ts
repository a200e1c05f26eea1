import type { AccountConfig } from './account-config.js'

/**
 * Everything saved: accounts by name and which one is the default. This is the in-memory shape;
 * the file form is snake_case (see {@link parseAccountsFile}).
 */
export interface AccountsFile {
  /** The saved accounts, by name. */
  readonly accounts: Readonly<Record<string, AccountConfig>>
  /** The name of the default account, one of `accounts`' keys. */
  readonly default?: string | undefined
}

/**
 * Where saved accounts live: a file under Node ({@link FileAccountStore} in the Node entry),
 * memory in tests and browsers ({@link MemoryAccountStore}), or anything else that can hold one
 * {@link AccountsFile}.
 *
 * How to implement: `read` returns what was last written (an empty file when nothing was, and
 * an {@link AccountError} `account.file-invalid` when the stored form is damaged); `write`
 * replaces it whole, never leaving a half-written state. Implement `update` as well when
 * concurrent writers are possible, so that two saves cannot lose one another.
 */
export interface AccountStore {
  /** Where the accounts are, for messages: a file path, or `memory`. */
  readonly location: string
  /** Reads every saved account. */
  read(): Promise<AccountsFile>
  /** Replaces every saved account. */
  write(file: AccountsFile): Promise<void>
  /**
   * Reads, changes and writes in one step that no other update of this store interleaves with.
   * Saving and deleting use it when present, and `read` then `write` otherwise.
   *
   * @param change - the new state from the current one; what it throws aborts the update
   * @returns the state written
   */
  update?(change: (file: AccountsFile) => AccountsFile): Promise<AccountsFile>
}

/** The state of a store nothing was saved in. */
export const EMPTY_ACCOUNTS_FILE: AccountsFile = Object.freeze({ accounts: Object.freeze({}) })
