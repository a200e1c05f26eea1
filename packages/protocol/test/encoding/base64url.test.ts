import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64Url, encodeBase64Url } from '../../src/encoding/base64url.js'

describe('base64url', () => {
  it('encodes exactly as Node’s Buffer does (unpadded base64url)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64Url(bytes)
        expect(text).toBe(Buffer.from(bytes).toString('base64url'))
        expect(decodeBase64Url(text)).toEqual(bytes)
      }),
      { seed: 4648, numRuns: 500 },
    )
  })

  it('matches the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ]
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64Url(new TextEncoder().encode(plain))).toBe(encoded)
    }
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8')
  })

  it('rejects non-canonical or foreign text', () => {
    for (const bad of ['Zg==', 'Z', 'Zh', 'Zm9v+', 'Zm9v/', 'Zm 9v', 'Zé']) {
      expect(() => decodeBase64Url(bad), bad).toThrow(TypeError)
    }
  })
})
