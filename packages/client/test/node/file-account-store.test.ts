import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listAccounts } from '../../src/accounts/list-accounts.js'
import { resolveAccount } from '../../src/accounts/resolve-account.js'
import { saveAccount } from '../../src/accounts/save-account.js'
import { deleteAccount } from '../../src/accounts/delete-account.js'
import { defaultAccountsPath, FileAccountStore } from '../../src/node/file-account-store.js'
import { OTHER_TOKEN, rejectionOf, TOKEN } from '../accounts/__fixtures__/accounts.js'

const POSIX = process.platform !== 'win32'

async function mode(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777
}

describe('defaultAccountsPath', () => {
  it('uses $XDG_CONFIG_HOME, else ~/.config, on Unix', () => {
    expect(defaultAccountsPath({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/home/me' }, 'linux')).toBe(
      '/x/cfg/qfabric/accounts.json',
    )
    expect(defaultAccountsPath({ HOME: '/home/me' }, 'darwin')).toBe(
      '/home/me/.config/qfabric/accounts.json',
    )
    // A relative XDG_CONFIG_HOME is invalid by the XDG spec and ignored.
    expect(defaultAccountsPath({ XDG_CONFIG_HOME: 'rel', HOME: '/home/me' }, 'linux')).toBe(
      '/home/me/.config/qfabric/accounts.json',
    )
  })

  it('uses %APPDATA% on Windows', () => {
    expect(defaultAccountsPath({ APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, 'win32')).toBe(
      'C:\\Users\\me\\AppData\\Roaming\\qfabric\\accounts.json',
    )
    expect(defaultAccountsPath({ USERPROFILE: 'C:\\Users\\me' }, 'win32')).toBe(
      'C:\\Users\\me\\AppData\\Roaming\\qfabric\\accounts.json',
    )
  })

  it('is what a store uses when given no path', () => {
    expect(new FileAccountStore().path).toBe(defaultAccountsPath())
  })
})

describe('FileAccountStore', () => {
  let dir: string
  let path: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qfabric-accounts-'))
    path = join(dir, 'config', 'qfabric', 'accounts.json')
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('reads a missing file as no accounts, without creating it', async () => {
    const store = new FileAccountStore(path)
    expect(store.location).toBe(path)
    expect(await store.read()).toEqual({ accounts: {} })
    expect(await deleteAccount(store, 'nothing')).toBe(false)
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('writes the documented snake_case format and reads it back', async () => {
    const store = new FileAccountStore(path)
    await saveAccount(store, {
      name: 'lab',
      url: 'http://127.0.0.1:8080',
      token: TOKEN,
      instance: 'hub/group/project',
      verifyTls: false,
    })
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      accounts: {
        lab: {
          url: 'http://127.0.0.1:8080',
          token: TOKEN,
          instance: 'hub/group/project',
          verify_tls: false,
        },
      },
      default: 'lab',
    })
    const account = await resolveAccount({ store: new FileAccountStore(path), env: {} })
    expect(account).toMatchObject({ name: 'lab', source: 'default', verifyTls: false })
    expect(account.token).toBe(TOKEN)
  })

  it.runIf(POSIX)('creates the file 0600 in a new folder 0700', async () => {
    await saveAccount(new FileAccountStore(path), { url: 'http://h', token: TOKEN })
    expect(await mode(path)).toBe(0o600)
    expect(await mode(join(dir, 'config', 'qfabric'))).toBe(0o700)
  })

  it.runIf(POSIX)('tightens a looser file to 0600 when it writes it', async () => {
    await mkdir(join(dir, 'config', 'qfabric'), { recursive: true })
    await writeFile(path, '{"accounts": {}}', { mode: 0o644 })
    await chmod(path, 0o644)
    await saveAccount(new FileAccountStore(path), { url: 'http://h', token: TOKEN })
    expect(await mode(path)).toBe(0o600)
  })

  it('leaves no temporary file behind', async () => {
    const store = new FileAccountStore(path)
    await saveAccount(store, { name: 'a', url: 'http://h', token: TOKEN })
    await saveAccount(store, { name: 'a', url: 'http://h2', token: TOKEN, overwrite: true })
    expect(await readdir(join(dir, 'config', 'qfabric'))).toEqual(['accounts.json'])
  })

  it('removes its temporary file when the rename fails', async () => {
    // A non-empty folder where the file should be: the temporary file is written, the rename fails.
    await mkdir(join(path, 'occupied'), { recursive: true })
    const error = await rejectionOf(new FileAccountStore(path).write({ accounts: {} }))
    expect(error).toMatchObject({ code: 'account.file-unreadable' })
    expect(error.message).toContain(path)
    expect(await readdir(join(dir, 'config', 'qfabric'))).toEqual(['accounts.json'])
  })

  it('keeps every account when saves run concurrently, through one store or several', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `acct-${i}`)
    const shared = new FileAccountStore(path)
    await Promise.all(
      names.map((name, i) =>
        // Half through a shared store, half through a fresh one each (as the services do).
        saveAccount(i % 2 === 0 ? shared : new FileAccountStore(path), {
          name,
          url: `http://h${i}`,
          token: i % 3 === 0 ? TOKEN : OTHER_TOKEN,
        }),
      ),
    )
    const infos = await listAccounts(new FileAccountStore(path))
    expect(infos.map((info) => info.name).sort()).toEqual([...names].sort())
    expect(infos.filter((info) => info.isDefault)).toHaveLength(1)
    expect(await readdir(join(dir, 'config', 'qfabric'))).toEqual(['accounts.json'])
  })

  it('leaves a whole file, one of those written, after concurrent plain writes', async () => {
    const store = new FileAccountStore(path)
    const files = Array.from({ length: 8 }, (_, i) => ({
      accounts: { [`only-${i}`]: { url: `http://h${i}`, token: TOKEN } },
    }))
    await Promise.all(files.map((file) => store.write(file)))
    const read = await new FileAccountStore(path).read()
    expect(files).toContainEqual(read)
  })

  it('names the file and the position of a JSON syntax error', async () => {
    await mkdir(join(dir, 'config', 'qfabric'), { recursive: true })
    await writeFile(
      path,
      `{\n  "accounts": {\n    "a": {"url": "http://h", "token": "${TOKEN}",}\n`,
    )
    const error = await rejectionOf(new FileAccountStore(path).read())
    expect(error).toMatchObject({ name: 'AccountError', code: 'account.file-invalid' })
    expect(error.message).toContain(path)
    expect(error.message).toMatch(/line 3, column \d+/)
    expect(error.message).not.toContain(TOKEN)
  })

  it('refuses a file of the wrong shape, and saving does not replace it', async () => {
    await mkdir(join(dir, 'config', 'qfabric'), { recursive: true })
    const text = '{"accounts": {"a": {"url": "http://h", "token": 5}}, "default": "a"}'
    await writeFile(path, text)
    const store = new FileAccountStore(path)
    const error = await rejectionOf(
      saveAccount(store, { name: 'b', url: 'http://h', token: TOKEN }),
    )
    expect(error).toMatchObject({ code: 'account.file-invalid' })
    expect(error.message).toContain(path)
    await expect(resolveAccount({ store, env: {} })).rejects.toMatchObject({
      code: 'account.file-invalid',
    })
    expect(await readFile(path, 'utf8')).toBe(text)
  })

  it('says the file is unreadable when it is a folder', async () => {
    await mkdir(path, { recursive: true })
    const error = await rejectionOf(new FileAccountStore(path).read())
    expect(error).toMatchObject({ code: 'account.file-unreadable' })
    expect(error.message).toContain(path)
  })

  it.runIf(POSIX)('writes through a symbolic link, keeping the link', async () => {
    const real = join(dir, 'dotfiles', 'accounts.json')
    await mkdir(join(dir, 'dotfiles'))
    await writeFile(real, '{"accounts": {}}')
    await mkdir(join(dir, 'config', 'qfabric'), { recursive: true })
    await symlink(real, path)
    await saveAccount(new FileAccountStore(path), { url: 'http://h', token: TOKEN })
    expect((await lstat(path)).isSymbolicLink()).toBe(true)
    expect(JSON.parse(await readFile(real, 'utf8'))).toMatchObject({ default: 'default' })
    expect(await mode(real)).toBe(0o600)
  })
})
