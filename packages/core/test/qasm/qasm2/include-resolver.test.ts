import { describe, expect, it } from 'vitest'
import {
  chainIncludeResolvers,
  createDefaultIncludeResolver,
  InMemoryIncludeResolver,
  STANDARD_INCLUDES,
} from '../../../src/qasm/include-resolver.js'
import { readFileSync } from 'node:fs'

describe('InMemoryIncludeResolver', () => {
  it('serves Qiskit’s qelib1.inc and stdgates.inc verbatim by default', () => {
    const resolver = createDefaultIncludeResolver()
    expect(resolver.resolve('qelib1.inc', 'main.qasm')).toBe(
      readFileSync(`${process.env['QFABRIC_SHARED']}/data/qiskit-qasm-libs/qelib1.inc`, 'utf8'),
    )
    expect(resolver.resolve('stdgates.inc', 'main.qasm')).toBe(
      readFileSync(`${process.env['QFABRIC_SHARED']}/data/qiskit-qasm-libs/stdgates.inc`, 'utf8'),
    )
    expect(resolver.resolve('other.inc', 'main.qasm')).toBeUndefined()
    expect([...STANDARD_INCLUDES.keys()]).toEqual(['qelib1.inc', 'stdgates.inc'])
  })

  it('normalises paths and resolves relative to the including file', () => {
    const resolver = new InMemoryIncludeResolver({ 'lib/a.inc': 'A', './top.inc': 'T' })
    expect(resolver.resolve('lib/./x/../a.inc', 'main.qasm')).toBe('A')
    expect(resolver.resolve('a.inc', 'lib/b.inc')).toBe('A')
    expect(resolver.resolve('top.inc', 'main.qasm')).toBe('T')
    expect(resolver.resolve('a.inc', 'main.qasm')).toBeUndefined()
  })

  it('can leave out the standard files, and lets given files replace them', () => {
    expect(
      new InMemoryIncludeResolver({}, { withStandardIncludes: false }).resolve('qelib1.inc', 'x'),
    ).toBeUndefined()
    expect(new InMemoryIncludeResolver({ 'qelib1.inc': 'mine' }).resolve('qelib1.inc', 'x')).toBe(
      'mine',
    )
  })

  it('extends immutably with with()', () => {
    const base = new InMemoryIncludeResolver(new Map([['a.inc', 'A']]))
    const more = base.with('b.inc', 'B')
    expect([
      base.resolve('b.inc', ''),
      more.resolve('b.inc', ''),
      more.resolve('a.inc', ''),
      more.resolve('qelib1.inc', '')?.length,
    ]).toEqual([undefined, 'B', 'A', STANDARD_INCLUDES.get('qelib1.inc')?.length])
  })

  it('chains resolvers, the first answer winning', () => {
    const chained = chainIncludeResolvers(
      new InMemoryIncludeResolver({ 'qelib1.inc': 'first' }),
      createDefaultIncludeResolver(),
    )
    expect(chained.resolve('qelib1.inc', '')).toBe('first')
    expect(chained.resolve('stdgates.inc', '')).toBe(STANDARD_INCLUDES.get('stdgates.inc'))
    expect(chained.resolve('none.inc', '')).toBeUndefined()
  })
})
