import { describe, expect, it } from 'vitest'
import { Layout } from '../../../src/transpiler/layout/layout.js'
import { PropertySet } from '../../../src/transpiler/passmanager/property-set.js'
import { TranspilerError } from '../../../src/transpiler/transpiler-error.js'

describe('PropertySet', () => {
  it('stores typed values under declared keys', () => {
    const ps = new PropertySet()
    expect(ps.get('layout')).toBeUndefined()
    ps.set('layout', Layout.trivial(2))
    ps.set('depth', 4)
    expect(ps.get('layout')?.toArray()).toEqual([0, 1])
    expect(ps.get('depth')).toBe(4)
    expect(ps.has('depth')).toBe(true)
    expect(ps.keys()).toEqual(['layout', 'depth'])
    const copy = ps.copy()
    expect(ps.delete('depth')).toBe(true)
    expect(ps.delete('depth')).toBe(false)
    expect(copy.get('depth')).toBe(4)
  })

  it('requires keys with a message naming the pass', () => {
    const ps = new PropertySet()
    expect(() => ps.require('finalLayout', 'MyPass')).toThrow(TranspilerError)
    expect(() => ps.require('finalLayout', 'MyPass')).toThrow(
      /MyPass needs the property 'finalLayout'/,
    )
    ps.set('isSwapMapped', false)
    expect(ps.require('isSwapMapped', 'MyPass')).toBe(false)
  })
})
