import { describe, expect, it } from 'vitest'
import type { AccountsFile, AccountStore } from '../../src/accounts/account-store.js'
import { listAccounts } from '../../src/accounts/list-accounts.js'
import { MemoryAccountStore } from '../../src/accounts/memory-account-store.js'
import { saveAccount } from '../../src/accounts/save-account.js'
import { OTHER_TOKEN, TOKEN } from './__fixtures__/accounts.js'

const URL_A = 'http://127.0.0.1:8080'

describe('saveAccount', () => {
  it('saves under the name "default" by default and makes the first account the default', async () => {
    const store = new MemoryAccountStore()
    const info = await saveAccount(store, { url: `${URL_A}/`, token: TOKEN })
    expect(info).toEqual({
      name: 'default',
      url: URL_A,
      isDefault: true,
      token: 'qjs_0123…wxyz',
      verifyTls: true,
    })
    expect(await store.read()).toEqual({
      accounts: { default: { url: URL_A, token: TOKEN } },
      default: 'default',
    })
  })

  it('leaves the default alone unless asked to change it', async () => {
    const store = new MemoryAccountStore()
    await saveAccount(store, { name: 'a', url: URL_A, token: TOKEN })
    const b = await saveAccount(store, { name: 'b', url: URL_A, token: TOKEN })
    expect(b.isDefault).toBe(false)
    expect((await store.read()).default).toBe('a')
    const c = await saveAccount(store, { name: 'c', url: URL_A, token: TOKEN, setAsDefault: true })
    expect(c.isDefault).toBe(true)
    expect((await store.read()).default).toBe('c')
  })

  it('does not make the first account the default when told not to', async () => {
    const store = new MemoryAccountStore()
    await saveAccount(store, { name: 'a', url: URL_A, token: TOKEN, setAsDefault: false })
    expect((await store.read()).default).toBeUndefined()
  })

  it('refuses to replace an account unless overwrite is set', async () => {
    const store = new MemoryAccountStore()
    await saveAccount(store, { name: 'lab', url: URL_A, token: TOKEN, instance: 'h/g/p' })
    await expect(
      saveAccount(store, { name: 'lab', url: 'http://other:1', token: OTHER_TOKEN }),
    ).rejects.toMatchObject({
      code: 'account.exists',
      message: /"lab" is already saved in memory; pass overwrite: true/,
    })
    expect((await store.read()).accounts['lab']?.token).toBe(TOKEN)

    const info = await saveAccount(store, {
      name: 'lab',
      url: 'http://other:1',
      token: OTHER_TOKEN,
      overwrite: true,
    })
    expect(info).toMatchObject({ url: 'http://other:1', isDefault: true })
    // Overwriting replaces the whole account: the old instance does not linger.
    expect((await store.read()).accounts['lab']).toEqual({
      url: 'http://other:1',
      token: OTHER_TOKEN,
    })
  })

  it('checks every field before touching the store, never echoing the token', async () => {
    const store = new MemoryAccountStore()
    const cases = [
      { name: 'bad name', url: URL_A, token: TOKEN },
      { url: 'ftp://h', token: TOKEN },
      { url: URL_A, token: 'not a token' },
      { url: URL_A, token: TOKEN, instance: 'hub/group' },
      { url: URL_A, token: TOKEN, proxy: 'nope' },
    ]
    for (const options of cases) {
      const error = await saveAccount(store, options).catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'account.invalid', name: 'AccountError' })
      expect((error as Error).message).not.toContain(TOKEN)
      expect((error as Error).message).not.toContain('not a token')
    }
    expect(await store.read()).toEqual({ accounts: {} })
  })

  it('refuses without a store', async () => {
    await expect(saveAccount(undefined, { url: URL_A, token: TOKEN })).rejects.toMatchObject({
      code: 'account.store-unavailable',
    })
  })

  it('works with a store that has only read and write', async () => {
    let state: AccountsFile = { accounts: {} }
    const store: AccountStore = {
      location: 'plain',
      read: () => Promise.resolve(state),
      write: (file) => {
        state = file
        return Promise.resolve()
      },
    }
    await saveAccount(store, { name: 'x', url: URL_A, token: TOKEN, verifyTls: false })
    expect(await listAccounts(store)).toEqual([
      { name: 'x', url: URL_A, isDefault: true, token: 'qjs_0123…wxyz', verifyTls: false },
    ])
  })
})
