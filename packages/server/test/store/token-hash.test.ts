import { describe, expect, it } from 'vitest'
import { hashToken, tokenHashesEqual, verifyToken } from '../../src/store/token-hash.js'

describe('hashToken', () => {
  it('is SHA-256 in lowercase hex (FIPS 180-2 test vectors)', () => {
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  it('hashes the UTF-8 bytes', () => {
    // python3 -c "import hashlib; print(hashlib.sha256('qjs_é'.encode()).hexdigest())"
    expect(hashToken('qjs_\u00e9')).toBe(
      'fdeabce449a313706a4f384213e35e695a2791aaa340c759d75980761368cfc5',
    )
    expect(hashToken('qjs_\u00e9')).not.toBe(hashToken('qjs_e\u0301'))
  })
})

describe('tokenHashesEqual and verifyToken', () => {
  it('compare equal, different and differently long hashes', () => {
    const h = hashToken('qjs_a_secret')
    expect(tokenHashesEqual(h, hashToken('qjs_a_secret'))).toBe(true)
    expect(tokenHashesEqual(h, hashToken('qjs_a_secreT'))).toBe(false)
    expect(tokenHashesEqual(h, h.slice(1))).toBe(false)
    expect(tokenHashesEqual('', '')).toBe(true)
  })

  it('verify a presented token against the stored hash', () => {
    const stored = hashToken('qjs_tok_abcdef')
    expect(verifyToken('qjs_tok_abcdef', stored)).toBe(true)
    expect(verifyToken('qjs_tok_abcdeg', stored)).toBe(false)
    expect(verifyToken('qjs_tok_abcdef', 'not-a-hash')).toBe(false)
  })
})
