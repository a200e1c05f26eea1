import { randomUUID } from 'node:crypto'
import { chmod, mkdir, open, readFile, realpath, rename, rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, isAbsolute, posix, resolve, win32 } from 'node:path'
import { AccountError } from '../accounts/account-errors.js'
import type { AccountsFile, AccountStore } from '../accounts/account-store.js'
import { EMPTY_ACCOUNTS_FILE } from '../accounts/account-store.js'
import {
  checkAccountsFile,
  parseAccountsFile,
  stringifyAccountsFile,
} from '../accounts/accounts-file-json.js'

/** The accounts file is the owner's alone: it holds tokens. */
const FILE_MODE = 0o600
/** So is the folder it is created in. */
const DIR_MODE = 0o700

/**
 * Where saved accounts live by default: `<config dir>/qfabric/accounts.json`, the config dir
 * being `$XDG_CONFIG_HOME` (when absolute) or `~/.config` on Unix, and `%APPDATA%` (else
 * `~\AppData\Roaming`) on Windows.
 *
 * @param env - the environment (default `process.env`)
 * @param platform - the platform (default `process.platform`)
 * @returns the path
 */
export function defaultAccountsPath(
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = (): string => env['HOME'] ?? env['USERPROFILE'] ?? homedir()
  if (platform === 'win32') {
    const appData = env['APPDATA']
    const base =
      appData !== undefined && appData !== '' ? appData : win32.join(home(), 'AppData', 'Roaming')
    return win32.join(base, 'qfabric', 'accounts.json')
  }
  const xdg = env['XDG_CONFIG_HOME']
  // The XDG spec says a relative value is invalid and must be ignored.
  const base = xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(home(), '.config')
  return posix.join(base, 'qfabric', 'accounts.json')
}

// One queue per file for this process, shared by every store on that path: the services make
// a new store per call, and `Promise.all` of saves must not lose any of them.
const queues = new Map<string, Promise<unknown>>()

async function exclusive<TResult>(key: string, task: () => Promise<TResult>): Promise<TResult> {
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.then(task, task)
  const settled = run.catch(() => undefined)
  queues.set(key, settled)
  try {
    return await run
  } finally {
    if (queues.get(key) === settled) queues.delete(key)
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: unknown }).code as string | undefined
}

function unreadable(action: string, path: string, cause: unknown): AccountError {
  const reason = errorCode(cause) ?? (cause as Error).message
  return new AccountError('account.file-unreadable', `Cannot ${action} ${path} (${reason}).`, {
    cause,
  })
}

/**
 * Saved accounts in a JSON file (service-api.md §8.11), by default
 * `<config dir>/qfabric/accounts.json` (see {@link defaultAccountsPath}).
 *
 * - Writes are atomic: a temporary file in the same folder, created with mode 0600, is written,
 *   flushed to disk and renamed over the file, so a reader sees the old or the new file, never
 *   a torn one, and a crash leaves no half-written secrets.
 * - The file always ends up 0600, even when it was looser before (tighten on write); a folder
 *   the store creates is 0700. A symbolic link is followed, so dotfile managers keep working.
 * - Updates through one process are serialized per file; between processes the last rename wins.
 * - A missing file reads as empty; a malformed one is an {@link AccountError}
 *   `account.file-invalid` naming the file.
 *
 * @example
 * ```ts
 * const store = new FileAccountStore()
 * await saveAccount(store, { url: 'http://127.0.0.1:8080', token })
 * ```
 */
export class FileAccountStore implements AccountStore {
  /** The file's absolute path. */
  readonly path: string

  /** @param path - the file (default {@link defaultAccountsPath}) */
  constructor(path: string = defaultAccountsPath()) {
    this.path = isAbsolute(path) ? path : resolve(path)
  }

  /** The file's path. */
  get location(): string {
    return this.path
  }

  /**
   * @returns the saved accounts (none when the file does not exist)
   * @throws {@link AccountError} `account.file-invalid` for a malformed file,
   *   `account.file-unreadable` when it cannot be read
   */
  read(): Promise<AccountsFile> {
    return exclusive(this.path, () => this.#read())
  }

  /**
   * @param file - every account, replacing the file's contents
   * @throws {@link AccountError} `account.file-invalid` when `file` is malformed,
   *   `account.file-unreadable` when the file cannot be written
   */
  write(file: AccountsFile): Promise<void> {
    return exclusive(this.path, () => this.#write(checkAccountsFile(file, this.path)))
  }

  /**
   * Reads, changes and writes the file with no other update of it (in this process) between.
   *
   * @param change - the new state from the current one; returning the same object writes nothing
   * @returns the state after the change
   */
  update(change: (file: AccountsFile) => AccountsFile): Promise<AccountsFile> {
    return exclusive(this.path, async () => {
      const before = await this.#read()
      const after = change(before)
      if (after === before) return before
      const checked = checkAccountsFile(after, this.path)
      await this.#write(checked)
      return checked
    })
  }

  async #read(): Promise<AccountsFile> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return structuredClone(EMPTY_ACCOUNTS_FILE)
      throw unreadable('read', this.path, error)
    }
    return parseAccountsFile(text, this.path)
  }

  async #write(file: AccountsFile): Promise<void> {
    const target = await this.#target()
    const dir = dirname(target)
    try {
      const created = await mkdir(dir, { recursive: true, mode: DIR_MODE })
      // `mode` is filtered by the umask; set it exactly on the folder we made.
      if (created !== undefined) await chmod(dir, DIR_MODE)
    } catch (error) {
      throw unreadable('create the folder of', target, error)
    }
    const temp = `${target}.${randomUUID()}.tmp`
    try {
      const handle = await open(temp, 'wx', FILE_MODE)
      try {
        await handle.chmod(FILE_MODE)
        await handle.writeFile(stringifyAccountsFile(file), 'utf8')
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, target)
    } catch (error) {
      await rm(temp, { force: true })
      throw unreadable('write', target, error)
    }
  }

  // The file a symbolic link points to, so that the rename replaces the file, not the link.
  async #target(): Promise<string> {
    try {
      return await realpath(this.path)
    } catch {
      return this.path
    }
  }
}
