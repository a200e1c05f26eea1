import { describe, expect, it } from 'vitest'
import { redactToken, redactUrlCredentials } from '../../src/accounts/redact-token.js'
import { TOKEN } from './__fixtures__/accounts.js'

describe('redactToken', () => {
  it('keeps the listed prefix and the last four characters of an API token', () => {
    expect(redactToken(TOKEN)).toBe('qjs_0123…wxyz')
    expect(redactToken(TOKEN)).not.toContain('abcdefghjk')
  })

  it('keeps only the last four characters of another long secret', () => {
    expect(redactToken('some-other-kind-of-secret-9876')).toBe('…9876')
  })

  it('hides a short secret whole', () => {
    expect(redactToken('short-secret')).toBe('[redacted]')
    expect(redactToken('')).toBe('[redacted]')
  })
})

describe('redactUrlCredentials', () => {
  it('hides the password of a URL and leaves others alone', () => {
    expect(redactUrlCredentials('http://me:hunter2@proxy:3128')).toBe('http://me:***@proxy:3128/')
    expect(redactUrlCredentials('http://proxy:3128')).toBe('http://proxy:3128')
  })
})
