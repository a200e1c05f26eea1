import { describe, expect, it } from 'vitest'
import { deleteAccount } from '../../src/accounts/delete-account.js'
import { MemoryAccountStore } from '../../src/accounts/memory-account-store.js'
import { resolveAccount } from '../../src/accounts/resolve-account.js'
import { saveAccount } from '../../src/accounts/save-account.js'
import { TOKEN } from './__fixtures__/accounts.js'

async function twoAccounts(): Promise<MemoryAccountStore> {
  const store = new MemoryAccountStore()
  await saveAccount(store, { name: 'a', url: 'http://a', token: TOKEN })
  await saveAccount(store, { name: 'b', url: 'http://b', token: TOKEN })
  return store
}

describe('deleteAccount', () => {
  it('deletes a saved account and says so', async () => {
    const store = await twoAccounts()
    expect(await deleteAccount(store, 'b')).toBe(true)
    expect(await store.read()).toEqual({
      accounts: { a: { url: 'http://a', token: TOKEN } },
      default: 'a',
    })
  })

  it('answers false for an account that is not saved', async () => {
    const store = await twoAccounts()
    expect(await deleteAccount(store, 'ghost')).toBe(false)
    expect(Object.keys((await store.read()).accounts)).toEqual(['a', 'b'])
  })

  it('leaves no default when the default account is deleted', async () => {
    const store = await twoAccounts()
    expect(await deleteAccount(store, 'a')).toBe(true)
    expect((await store.read()).default).toBeUndefined()
    await expect(resolveAccount({ store, env: {} })).rejects.toMatchObject({
      code: 'account.not-configured',
    })
  })

  it('refuses a malformed name and a missing store', async () => {
    await expect(deleteAccount(new MemoryAccountStore(), '../x')).rejects.toMatchObject({
      code: 'account.invalid',
    })
    await expect(deleteAccount(undefined, 'a')).rejects.toMatchObject({
      code: 'account.store-unavailable',
    })
  })
})
