import { describe, expect, it } from 'vitest'
import { listAccounts } from '../../src/accounts/list-accounts.js'
import { MemoryAccountStore } from '../../src/accounts/memory-account-store.js'
import { OTHER_TOKEN, TOKEN } from './__fixtures__/accounts.js'

describe('listAccounts', () => {
  it('lists accounts by name with tokens and proxy passwords redacted', async () => {
    const store = new MemoryAccountStore({
      accounts: {
        zeta: { url: 'http://z', token: OTHER_TOKEN, proxy: 'http://me:hunter2@p:3128' },
        alpha: { url: 'http://a', token: TOKEN, instance: 'h/g/p', verifyTls: false },
      },
      default: 'zeta',
    })
    const infos = await listAccounts(store)
    expect(infos).toEqual([
      {
        name: 'alpha',
        url: 'http://a',
        instance: 'h/g/p',
        isDefault: false,
        token: 'qjs_0123…wxyz',
        verifyTls: false,
      },
      {
        name: 'zeta',
        url: 'http://z',
        isDefault: true,
        token: 'qjs_fedc…4567',
        verifyTls: true,
        proxy: 'http://me:***@p:3128/',
      },
    ])
    const text = JSON.stringify(infos)
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(OTHER_TOKEN)
    expect(text).not.toContain('hunter2')
  })

  it('lists nothing for an empty store and refuses without one', async () => {
    expect(await listAccounts(new MemoryAccountStore())).toEqual([])
    await expect(listAccounts(undefined)).rejects.toMatchObject({
      code: 'account.store-unavailable',
    })
  })
})
