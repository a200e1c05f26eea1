import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../src/errors/protocol-error.js'
import {
  formatInstancePath,
  instanceAncestors,
  instanceHasPrefix,
  isInstancePath,
  isInstancePrefix,
  parseInstancePath,
} from '../../src/instances/instance-path.js'

describe('instance paths', () => {
  it('parse and format hub/group/project', () => {
    const name = parseInstancePath('acme/research/vqe')
    expect(name).toEqual({ hub: 'acme', group: 'research', project: 'vqe' })
    expect(formatInstancePath(name)).toBe('acme/research/vqe')
    expect(() => formatInstancePath({ ...name, hub: 'A' })).toThrow(RangeError)
  })

  it('reject paths that are not three safe names', () => {
    for (const bad of ['acme/research', 'a/b/c/d', 'a//c', 'A/b/c', 'a/b/..', 'a/b/c ', '']) {
      expect(isInstancePath(bad), bad).toBe(false)
      expect(() => parseInstancePath(bad)).toThrow(ProtocolError)
    }
  })

  it('recognise prefixes segment-wise', () => {
    expect(isInstancePrefix('acme')).toBe(true)
    expect(isInstancePrefix('acme/research')).toBe(true)
    expect(isInstancePrefix('acme/')).toBe(false)
    expect(instanceHasPrefix('acme/research/vqe', 'acme')).toBe(true)
    expect(instanceHasPrefix('acme/research/vqe', 'acme/research/vqe')).toBe(true)
    expect(instanceHasPrefix('acme2/research/vqe', 'acme')).toBe(false)
    expect(instanceHasPrefix('acme/researchers/x', 'acme/research')).toBe(false)
  })

  it('list inheritance levels from the top', () => {
    expect(instanceAncestors('acme/research/vqe')).toEqual([
      'acme',
      'acme/research',
      'acme/research/vqe',
    ])
    expect(instanceAncestors('acme')).toEqual(['acme'])
  })
})
