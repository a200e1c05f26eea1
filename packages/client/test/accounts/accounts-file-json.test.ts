import { describe, expect, it } from 'vitest'
import { AccountError } from '../../src/accounts/account-errors.js'
import {
  checkAccountsFile,
  parseAccountsFile,
  stringifyAccountsFile,
} from '../../src/accounts/accounts-file-json.js'
import { TOKEN } from './__fixtures__/accounts.js'

const WHERE = '/home/me/.config/qfabric/accounts.json'

function parseError(text: string): AccountError {
  try {
    parseAccountsFile(text, WHERE)
  } catch (error) {
    if (error instanceof AccountError) return error
    throw error
  }
  throw new Error('expected an AccountError')
}

describe('parseAccountsFile', () => {
  it('reads the snake_case file format, null meaning unset', () => {
    const text = JSON.stringify({
      accounts: {
        lab: {
          url: 'https://q.example.org/',
          token: TOKEN,
          instance: 'hub/group/project',
          verify_tls: false,
          proxy: null,
          comment: 'unknown keys are ignored',
        },
      },
      default: 'lab',
    })
    expect(parseAccountsFile(text, WHERE)).toEqual({
      accounts: {
        lab: {
          url: 'https://q.example.org',
          token: TOKEN,
          instance: 'hub/group/project',
          verifyTls: false,
        },
      },
      default: 'lab',
    })
    expect(parseAccountsFile('{}', WHERE)).toEqual({ accounts: {} })
  })

  it('round-trips through stringifyAccountsFile', () => {
    const file = {
      accounts: {
        a: { url: 'http://h:1', token: TOKEN, verifyTls: true, proxy: 'http://p:3128' },
        b: { url: 'http://h:2', token: TOKEN, instance: 'x/y/z' },
      },
      default: 'b',
    }
    const text = stringifyAccountsFile(file)
    expect(text).toContain('"verify_tls": true')
    expect(text).not.toContain('verifyTls')
    expect(text.endsWith('}\n')).toBe(true)
    expect(parseAccountsFile(text, WHERE)).toEqual(file)
  })

  it('names the file, the line and the column of a JSON syntax error, never the token', () => {
    const text = `{\n  "accounts": {\n    "lab": { "url": "http://h", "token": "${TOKEN}" ,, }\n  }\n}\n`
    const error = parseError(text)
    expect(error.code).toBe('account.file-invalid')
    expect(error.message).toContain(WHERE)
    expect(error.message).toMatch(/line 3, column \d+/)
    expect(error.message).not.toContain(TOKEN)
    expect(error.cause).toBeUndefined()
    expect(parseError('').message).toMatch(/not valid JSON at line 1, column 1/)
    expect(parseError('{"accounts": {').message).toMatch(/line 1, column 15/)
    expect(parseError('nope').message).toMatch(/line 1, column 1\./)
  })

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseAccountsFile('\uFEFF{"accounts": {}}', WHERE)).toEqual({ accounts: {} })
  })

  it.each([
    ['an array', '[]', /expected a JSON object/],
    ['accounts not an object', '{"accounts": []}', /"accounts" must be an object/],
    ['an entry not an object', '{"accounts": {"a": 1}}', /accounts\.a must be an object/],
    ['a bad name', '{"accounts": {"bad name": {}}}', /Invalid account name "bad name"/],
    ['no url', `{"accounts": {"a": {"token": "${TOKEN}"}}}`, /accounts\.a\.url/],
    ['no token', '{"accounts": {"a": {"url": "http://h"}}}', /accounts\.a\.token/],
    ['a bad url', `{"accounts": {"a": {"url": "ftp://h", "token": "${TOKEN}"}}}`, /scheme/],
    [
      'a bad instance',
      `{"accounts": {"a": {"url": "http://h", "token": "${TOKEN}", "instance": "x"}}}`,
      /accounts\.a\.instance/,
    ],
    [
      'verify_tls not a boolean',
      `{"accounts": {"a": {"url": "http://h", "token": "${TOKEN}", "verify_tls": "yes"}}}`,
      /accounts\.a\.verifyTls/,
    ],
    ['a default not a string', '{"accounts": {}, "default": 3}', /"default" must be a string/],
    ['an unknown default', '{"accounts": {}, "default": "ghost"}', /"ghost", which is not a saved/],
  ])('refuses a file with %s', (_, text, message) => {
    const error = parseError(text)
    expect(error.code).toBe('account.file-invalid')
    expect(error.message).toContain(WHERE)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain(TOKEN)
  })

  it('keeps an account named __proto__ as data', () => {
    const text = `{"accounts": {"__proto__": {"url": "http://h", "token": "${TOKEN}"}}}`
    const file = parseAccountsFile(text, WHERE)
    expect(Object.keys(file.accounts)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(file.accounts)).toBe(Object.prototype)
    expect(parseAccountsFile(stringifyAccountsFile(file), WHERE)).toEqual(file)
  })
})

describe('checkAccountsFile', () => {
  it('checks the in-memory shape', () => {
    expect(() =>
      checkAccountsFile(
        { accounts: { a: { url: 'http://h', token: TOKEN } }, default: 'b' },
        'memory',
      ),
    ).toThrow(/memory: "default" names "b"/)
  })
})
