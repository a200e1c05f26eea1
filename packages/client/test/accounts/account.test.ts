import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { Account } from '../../src/accounts/account.js'
import { TOKEN } from './__fixtures__/accounts.js'

function lab(): Account {
  return new Account({
    name: 'lab',
    url: 'http://127.0.0.1:8080/',
    token: TOKEN,
    instance: 'hub/group/project',
    proxy: 'http://me:hunter2@proxy:3128',
    source: 'saved',
  })
}

describe('Account', () => {
  it('gives the token to whoever asks for it by name', () => {
    const account = lab()
    expect(account.token).toBe(TOKEN)
    expect(account.url).toBe('http://127.0.0.1:8080')
    expect(account.verifyTls).toBe(true)
    expect(account.toConfig().token).toBe(TOKEN)
  })

  it('never prints the token or the proxy password', () => {
    const account = lab()
    const shown = [
      String(account),
      account.toString(),
      JSON.stringify(account),
      JSON.stringify({ account }),
      inspect(account),
      inspect({ nested: [account] }, { depth: 5 }),
      JSON.stringify({ ...account }),
      Object.values(account).join(' '),
    ]
    for (const text of shown) {
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain(TOKEN.slice(21, 40))
      expect(text).not.toContain('hunter2')
    }
    expect(String(account)).toContain('qjs_0123…wxyz')
    expect(inspect(account)).toContain('qjs_0123…wxyz')
    expect(account.toJSON()).toEqual({
      name: 'lab',
      url: 'http://127.0.0.1:8080',
      token: 'qjs_0123…wxyz',
      instance: 'hub/group/project',
      verifyTls: true,
      proxy: 'http://me:***@proxy:3128/',
      source: 'saved',
    })
  })

  it('checks its fields on construction', () => {
    expect(() => new Account({ url: 'nope', token: TOKEN, source: 'explicit' })).toThrow(
      expect.objectContaining({ code: 'account.invalid' }),
    )
    expect(
      () => new Account({ url: 'http://h', token: TOKEN, instance: 'a/b', source: 'explicit' }),
    ).toThrow(/hub\/group\/project/)
  })

  it('makes a copy with another instance', () => {
    const other = lab().withInstance('x/y/z')
    expect(other.instance).toBe('x/y/z')
    expect(other.token).toBe(TOKEN)
    expect(other.name).toBe('lab')
    expect(lab().withInstance(undefined).instance).toBeUndefined()
  })
})
