import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/encoding/canonical-json.js'
import { fnv1a64Hex } from '../../src/encoding/fnv1a64.js'
import { utf8Decode, utf8Encode } from '../../src/encoding/utf8.js'

describe('fnv1a64Hex', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325')
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c')
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8')
  })

  it('hashes UTF-8 bytes', () => {
    expect(fnv1a64Hex('é')).not.toBe(fnv1a64Hex('e'))
  })
})

describe('canonicalJson', () => {
  it('sorts keys recursively, keeps array order, drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    )
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }))
  })
})

describe('utf8', () => {
  it('round-trips text and rejects malformed bytes', () => {
    expect(utf8Decode(utf8Encode('qubit ψ ⟩ 😀'))).toBe('qubit ψ ⟩ 😀')
    expect(() => utf8Decode(new Uint8Array([0xc3]))).toThrow(TypeError)
  })
})
