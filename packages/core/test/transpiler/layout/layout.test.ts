import { describe, expect, it } from 'vitest'
import { Layout } from '../../../src/transpiler/layout/layout.js'
import { LayoutError } from '../../../src/transpiler/transpiler-error.js'

describe('Layout', () => {
  it('maps virtual to physical qubits and back', () => {
    const layout = Layout.fromArray([2, 0, 1])
    expect(layout.physical(0)).toBe(2)
    expect(layout.virtual(2)).toBe(0)
    expect(layout.virtual(5)).toBeUndefined()
    expect(layout.size).toBe(3)
    expect(layout.virtualQubits()).toEqual([0, 1, 2])
    expect(layout.physicalQubits()).toEqual([0, 1, 2])
    expect(layout.entries()).toEqual([
      [0, 2],
      [1, 0],
      [2, 1],
    ])
    expect(layout.toArray()).toEqual([2, 0, 1])
    expect(layout.toString()).toBe('Layout({0: 2, 1: 0, 2: 1})')
  })

  it('swaps, composes and inverts', () => {
    const layout = Layout.fromArray([2, 0, 1])
    expect(layout.withSwap(2, 0).toArray()).toEqual([0, 2, 1])
    expect(layout.withSwap(0, 7).toArray()).toEqual([2, 7, 1])
    expect(layout.inverse().toArray()).toEqual([1, 2, 0])
    expect(layout.compose(layout.inverse()).equals(Layout.trivial(3))).toBe(true)
    expect(layout.compose(Layout.fromArray([1, 2, 0])).toArray()).toEqual([0, 1, 2])
    expect(layout.equals(Layout.fromArray([2, 0, 1]))).toBe(true)
    expect(layout.equals(Layout.fromArray([2, 1, 0]))).toBe(false)
  })

  it('rejects maps that are not injective or not on non-negative integers', () => {
    expect(() => Layout.fromArray([1, 1])).toThrow(LayoutError)
    expect(() => Layout.fromArray([-1])).toThrow(
      expect.objectContaining({ code: 'transpiler.invalid-layout' }),
    )
    expect(
      () =>
        new Layout([
          [0, 1],
          [0, 2],
        ]),
    ).toThrow(LayoutError)
    expect(() => new Layout([[0, 1.5]])).toThrow(LayoutError)
    expect(() => new Layout([[1, 0]]).toArray()).toThrow(RangeError)
  })
})
