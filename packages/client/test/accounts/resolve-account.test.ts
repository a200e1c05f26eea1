import { afterEach, describe, expect, it, vi } from 'vitest'
import { MemoryAccountStore } from '../../src/accounts/memory-account-store.js'
import { resolveAccount } from '../../src/accounts/resolve-account.js'
import { OTHER_TOKEN, rejectionOf, TOKEN, untouchableStore } from './__fixtures__/accounts.js'

const ENV_TOKEN = 'env-token-0123456789-ijkl'

/** Saved: `lab` (the default) and `other`. */
function savedStore(): MemoryAccountStore {
  return new MemoryAccountStore({
    accounts: {
      lab: { url: 'http://lab:8080', token: TOKEN, instance: 'lab/team/main' },
      other: { url: 'http://other:8080', token: OTHER_TOKEN, verifyTls: false },
    },
    default: 'lab',
  })
}

/** Every rung below the explicit one is set. */
const FULL_ENV = {
  QFABRIC_ACCOUNT: 'other',
  QFABRIC_URL: 'http://env:9000',
  QFABRIC_TOKEN: ENV_TOKEN,
  QFABRIC_INSTANCE: 'env/group/project',
}

describe('resolveAccount', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('rung 1: explicit url and token win and the store is never read', async () => {
    const account = await resolveAccount({
      explicit: { url: 'http://explicit:1/', token: TOKEN, instance: 'x/y/z', verifyTls: false },
      name: 'other',
      store: untouchableStore(),
      env: FULL_ENV,
    })
    expect(account.toJSON()).toEqual({
      url: 'http://explicit:1',
      token: 'qjs_0123…wxyz',
      instance: 'x/y/z',
      verifyTls: false,
      source: 'explicit',
    })
    expect(account.token).toBe(TOKEN)
  })

  it('rung 1: refuses half of the explicit credentials rather than pairing them with others', async () => {
    for (const explicit of [{ url: 'http://explicit:1' }, { token: TOKEN }]) {
      const error = await rejectionOf(
        resolveAccount({ explicit, store: untouchableStore(), env: FULL_ENV }),
      )
      expect(error).toMatchObject({ code: 'account.invalid', message: /both url and token/ })
      expect(error.message).not.toContain(TOKEN)
    }
  })

  it('rung 2: the name argument picks a saved account over the environment and the default', async () => {
    const account = await resolveAccount({ name: 'other', store: savedStore(), env: FULL_ENV })
    expect(account).toMatchObject({
      name: 'other',
      url: 'http://other:8080',
      verifyTls: false,
      source: 'saved',
    })
    expect(account.token).toBe(OTHER_TOKEN)
    expect(account.instance).toBeUndefined()
  })

  it('rung 2: QFABRIC_ACCOUNT picks a saved account over QFABRIC_URL/QFABRIC_TOKEN', async () => {
    const account = await resolveAccount({ store: savedStore(), env: FULL_ENV })
    expect(account).toMatchObject({ name: 'other', source: 'saved' })
    const byArgument = await resolveAccount({ name: 'lab', store: savedStore(), env: FULL_ENV })
    expect(byArgument.name).toBe('lab')
  })

  it('rung 2: a name that is not saved is an error, not a reason to look further', async () => {
    await expect(
      resolveAccount({ name: 'ghost', store: savedStore(), env: FULL_ENV }),
    ).rejects.toMatchObject({
      code: 'account.not-found',
      message: 'No account named "ghost" in memory (saved: lab, other).',
    })
    await expect(
      resolveAccount({ store: savedStore(), env: { ...FULL_ENV, QFABRIC_ACCOUNT: 'ghost' } }),
    ).rejects.toMatchObject({ code: 'account.not-found' })
    await expect(
      resolveAccount({ store: savedStore(), env: { QFABRIC_ACCOUNT: 'bad name' } }),
    ).rejects.toThrow(/QFABRIC_ACCOUNT/)
  })

  it('rung 2: a name without a store says there is no store', async () => {
    await expect(resolveAccount({ name: 'lab', env: {} })).rejects.toMatchObject({
      code: 'account.store-unavailable',
    })
  })

  it('rung 3: QFABRIC_URL, QFABRIC_TOKEN and QFABRIC_INSTANCE win over the default account', async () => {
    const env = { ...FULL_ENV, QFABRIC_ACCOUNT: undefined }
    const account = await resolveAccount({ store: savedStore(), env })
    expect(account.toJSON()).toEqual({
      url: 'http://env:9000',
      token: '…ijkl',
      instance: 'env/group/project',
      verifyTls: true,
      source: 'env',
    })
    expect(account.token).toBe(ENV_TOKEN)
  })

  it('rung 3: names the variable that is malformed, without its token', async () => {
    await expect(
      resolveAccount({ env: { QFABRIC_URL: 'env:9000', QFABRIC_TOKEN: ENV_TOKEN } }),
    ).rejects.toMatchObject({ code: 'account.invalid', message: /QFABRIC_URL/ })
    const error = await rejectionOf(
      resolveAccount({ env: { QFABRIC_URL: 'http://env', QFABRIC_TOKEN: 'bad token value' } }),
    )
    expect(error.message).toMatch(/QFABRIC_TOKEN/)
    expect(error.message).not.toContain('bad token value')
    await expect(
      resolveAccount({
        env: { QFABRIC_URL: 'http://env', QFABRIC_TOKEN: ENV_TOKEN, QFABRIC_INSTANCE: 'a' },
      }),
    ).rejects.toThrow(/QFABRIC_INSTANCE/)
  })

  it('rung 4: the default account, when nothing else is set', async () => {
    const account = await resolveAccount({ store: savedStore(), env: { QFABRIC_ACCOUNT: '' } })
    expect(account).toMatchObject({
      name: 'lab',
      url: 'http://lab:8080',
      instance: 'lab/team/main',
      source: 'default',
    })
  })

  it('rung 4: half of the environment is passed over, and mentioned if nothing else works', async () => {
    const account = await resolveAccount({
      store: savedStore(),
      env: { QFABRIC_URL: 'http://env:9000' },
    })
    expect(account.source).toBe('default')
    await expect(
      resolveAccount({ store: new MemoryAccountStore(), env: { QFABRIC_URL: 'http://env:9000' } }),
    ).rejects.toThrow(/QFABRIC_URL is set but QFABRIC_TOKEN is not/)
  })

  it('says what it tried when nothing resolves', async () => {
    const noDefault = new MemoryAccountStore({
      accounts: { a: { url: 'http://a', token: TOKEN } },
    })
    await expect(resolveAccount({ store: noDefault, env: {} })).rejects.toMatchObject({
      code: 'account.not-configured',
      message:
        /no url and token given; QFABRIC_ACCOUNT is not set; QFABRIC_URL and QFABRIC_TOKEN are not set; no default account in memory/,
    })
    await expect(resolveAccount({ env: {} })).rejects.toThrow(/no account store/)
  })

  it('lets an explicit instance, verifyTls and proxy override whichever rung was chosen', async () => {
    const override = { instance: 'o/v/r', verifyTls: false, proxy: 'http://proxy:3128' }
    const saved = await resolveAccount({ explicit: override, name: 'lab', store: savedStore() })
    const fromEnv = await resolveAccount({
      explicit: override,
      env: { QFABRIC_URL: 'http://env', QFABRIC_TOKEN: ENV_TOKEN, QFABRIC_INSTANCE: 'e/n/v' },
    })
    const byDefault = await resolveAccount({ explicit: override, store: savedStore(), env: {} })
    for (const account of [saved, fromEnv, byDefault]) {
      expect(account).toMatchObject(override)
    }
    expect([saved.source, fromEnv.source, byDefault.source]).toEqual(['saved', 'env', 'default'])
    await expect(
      resolveAccount({ explicit: { instance: 'nope' }, store: savedStore(), env: {} }),
    ).rejects.toMatchObject({ code: 'account.invalid' })
  })

  it('reads process.env when no environment is given', async () => {
    vi.stubEnv('QFABRIC_ACCOUNT', '')
    vi.stubEnv('QFABRIC_URL', 'http://from-process:1')
    vi.stubEnv('QFABRIC_TOKEN', ENV_TOKEN)
    vi.stubEnv('QFABRIC_INSTANCE', '')
    const account = await resolveAccount({ store: untouchableStore() })
    expect(account).toMatchObject({ url: 'http://from-process:1', source: 'env' })
  })
})
