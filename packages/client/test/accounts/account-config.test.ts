import { describe, expect, it } from 'vitest'
import {
  checkAccountName,
  checkInstance,
  checkProxy,
  checkServiceUrl,
  checkToken,
  normalizeAccountConfig,
} from '../../src/accounts/account-config.js'
import { AccountError } from '../../src/accounts/account-errors.js'
import { TOKEN } from './__fixtures__/accounts.js'

function errorOf(run: () => unknown): AccountError {
  try {
    run()
  } catch (error) {
    if (error instanceof AccountError) return error
    throw error
  }
  throw new Error('expected an AccountError')
}

describe('account checks', () => {
  it('accepts names of 1–64 letters, digits, dots, underscores and dashes', () => {
    for (const name of ['a', 'lab-1', 'my.account_2', 'x'.repeat(64), '__proto__']) {
      expect(checkAccountName(name)).toBe(name)
    }
    for (const name of ['', 'x'.repeat(65), 'has space', 'slash/name', 'ünï', 42]) {
      expect(errorOf(() => checkAccountName(name)).code).toBe('account.invalid')
    }
  })

  it('accepts absolute http(s) service URLs and drops trailing slashes', () => {
    expect(checkServiceUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080')
    expect(checkServiceUrl('https://q.example.org/api//')).toBe('https://q.example.org/api')
    for (const url of ['ftp://x', '/relative', 'localhost:8080', 'not a url', 7, undefined]) {
      expect(errorOf(() => checkServiceUrl(url)).code).toBe('account.invalid')
    }
    expect(errorOf(() => checkServiceUrl('http://h/?a=1')).message).toMatch(/query/)
  })

  it('refuses credentials in a service URL without showing them', () => {
    const error = errorOf(() => checkServiceUrl('http://user:hunter2@host'))
    expect(error.message).toMatch(/credentials/)
    expect(error.message).not.toContain('hunter2')
  })

  it('accepts instances of exactly three non-empty names', () => {
    expect(checkInstance('hub/group/project')).toBe('hub/group/project')
    for (const instance of ['hub/group', 'a/b/c/d', 'a//c', '/b/c', 'a/b/', 'a b/c/d', '']) {
      expect(errorOf(() => checkInstance(instance)).message).toMatch(/hub\/group\/project/)
    }
  })

  it('refuses malformed tokens without quoting them', () => {
    expect(checkToken(TOKEN)).toBe(TOKEN)
    for (const token of ['', 'has space-secretvalue', 'tab\tsecret', 'x'.repeat(5000), null]) {
      const error = errorOf(() => checkToken(token))
      expect(error.code).toBe('account.invalid')
      if (typeof token === 'string' && token !== '') expect(error.message).not.toContain(token)
    }
  })

  it('accepts http(s) proxies and hides their password when refusing one', () => {
    expect(checkProxy('http://u:p@proxy:3128')).toBe('http://u:p@proxy:3128')
    const error = errorOf(() => checkProxy('socks5://u:hunter2@proxy:1080'))
    expect(error.message).not.toContain('hunter2')
  })

  it('normalizes a whole account and names the bad field', () => {
    expect(
      normalizeAccountConfig({ url: 'http://h:1/', token: TOKEN, instance: undefined }),
    ).toEqual({ url: 'http://h:1', token: TOKEN })
    const error = errorOf(() =>
      normalizeAccountConfig({ url: 'http://h', token: TOKEN, verifyTls: 'no' }, 'accounts.lab'),
    )
    expect(error.message).toContain('accounts.lab.verifyTls')
  })
})
