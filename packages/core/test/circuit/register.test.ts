import { describe, expect, it } from 'vitest'
import { ClassicalRegister, Clbit, QuantumRegister, Qubit } from '../../src/circuit/index.js'

describe('registers and bits', () => {
  it('create their bits, which remember them', () => {
    const qr = new QuantumRegister(3, 'q')
    expect(qr.size).toBe(3)
    expect(qr.get(2).register).toBe(qr)
    expect(qr.get(2).index).toBe(2)
    expect(qr.get(-1)).toBe(qr.get(2))
    expect(qr.get(0)).toBeInstanceOf(Qubit)
    expect(String(qr.get(1))).toBe('q[1]')
    expect(() => qr.get(3)).toThrow(RangeError)
    expect(new ClassicalRegister(2, 'c').get(0)).toBeInstanceOf(Clbit)
  })

  it('get counter names q<n>/c<n> when unnamed', () => {
    expect(new QuantumRegister(1).name).toMatch(/^q\d+$/)
    expect(new ClassicalRegister(1).name).toMatch(/^c\d+$/)
  })

  it('can be built over existing bits', () => {
    const loose = [new Qubit(), new Qubit()]
    const r = new QuantumRegister(loose, 'r')
    expect(r.bits).toEqual(loose)
    expect(loose[0]!.register).toBeUndefined()
  })

  it('rejects bad sizes', () => {
    expect(() => new QuantumRegister(-1)).toThrow(RangeError)
    expect(() => new QuantumRegister(1.5)).toThrow(RangeError)
  })
})
