import { describe, expect, it } from 'vitest'
import { applyGates } from '../../src/stabilizer/apply-gates.js'
import { OP } from '../../src/stabilizer/stabilizer-program.js'
import { StabilizerTableau } from '../../src/stabilizer/stabilizer-tableau.js'

describe('applyGates', () => {
  it('runs a stream in chunks, returning where it stopped', () => {
    const code = Int32Array.of(OP.H, 0, OP.CX, 0, 1, OP.S, 1, OP.SWAP, 0, 2)
    const chunked = new StabilizerTableau(3)
    let i = 0
    const stops: number[] = []
    while (i < code.length) {
      i = applyGates(chunked, { code, tables: [] }, { from: i, maxGates: 2 })
      stops.push(i)
    }
    expect(stops).toEqual([5, 10])
    const whole = new StabilizerTableau(3)
    expect(applyGates(whole, { code, tables: [] })).toBe(10)
    expect(chunked.stabilizers()).toEqual(whole.stabilizers())
    expect(whole.stabilizers()).toEqual(
      new StabilizerTableau(3).h(0).cx(0, 1).s(1).swap(0, 2).stabilizers(),
    )
  })

  it('rejects unknown opcodes and missing tables', () => {
    const t = new StabilizerTableau(1)
    expect(() => applyGates(t, { code: Int32Array.of(99, 0), tables: [] })).toThrow(RangeError)
    expect(() => applyGates(t, { code: Int32Array.of(OP.TABLE, 0, 1, 0), tables: [] })).toThrow(
      RangeError,
    )
  })
})
