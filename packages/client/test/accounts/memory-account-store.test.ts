import { describe, expect, it } from 'vitest'
import { MemoryAccountStore } from '../../src/accounts/memory-account-store.js'
import { TOKEN } from './__fixtures__/accounts.js'

describe('MemoryAccountStore', () => {
  it('starts empty and gives back what was written', async () => {
    const store = new MemoryAccountStore()
    expect(store.location).toBe('memory')
    expect(await store.read()).toEqual({ accounts: {} })
    const file = { accounts: { a: { url: 'http://h', token: TOKEN } }, default: 'a' }
    await store.write(file)
    expect(await store.read()).toEqual(file)
  })

  it('cannot be changed through what it returned or was given', async () => {
    const accounts: Record<string, { url: string; token: string }> = {
      a: { url: 'http://h', token: TOKEN },
    }
    const store = new MemoryAccountStore({ accounts })
    accounts['b'] = { url: 'http://h', token: TOKEN }
    const read = await store.read()
    ;(read.accounts as Record<string, unknown>)['c'] = {}
    expect(Object.keys((await store.read()).accounts)).toEqual(['a'])
  })

  it('refuses malformed contents', async () => {
    expect(() => new MemoryAccountStore({ accounts: {}, default: 'x' })).toThrow(
      expect.objectContaining({ code: 'account.file-invalid' }),
    )
    const store = new MemoryAccountStore()
    await expect(
      store.write({ accounts: { a: { url: 'nope', token: TOKEN } } }),
    ).rejects.toMatchObject({ code: 'account.file-invalid' })
  })

  it('applies concurrent updates one after another', async () => {
    const store = new MemoryAccountStore()
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        store.update((file) => ({
          accounts: { ...file.accounts, [name]: { url: 'http://h', token: TOKEN } },
        })),
      ),
    )
    expect(Object.keys((await store.read()).accounts).sort()).toEqual(['a', 'b', 'c'])
  })
})
