import { describe, expect, it } from 'vitest'
import { ComplexMatrix } from '../../../src/math/complex-matrix.js'
import { EULER_BASES } from '../../../src/math/euler-angles.js'
import { oneQubitSequenceMatrix } from '../../../src/math/euler-sequence.js'
import { randomUnitary } from '../../../src/math/random-unitary.js'
import { SeededRng } from '../../../src/internal/seeded-rng.js'
import { Complex } from '../../../src/math/complex.js'
import {
  EULER_BASIS_GATES,
  eulerBasesFor,
  synthesizeOneQubit,
} from '../../../src/transpiler/synthesis/one-qubit-synthesis.js'

const rng = new SeededRng(5)

describe('synthesizeOneQubit', () => {
  it('reproduces random unitaries exactly in every Euler basis, with only that basis’s gates', () => {
    for (let k = 0; k < 20; k++) {
      const u = randomUnitary(2, rng)
      for (const basis of EULER_BASES) {
        const s = synthesizeOneQubit(u, { bases: [basis] })!
        for (const g of s.gates) expect(EULER_BASIS_GATES[basis]).toContain(g.name)
        const m = oneQubitSequenceMatrix(s.gates).scale(Complex.expi(s.globalPhase))
        expect(m.equals(u, 1e-9), basis).toBe(true)
      }
    }
  })

  it('picks the cheapest basis by gate cost', () => {
    // X: ZSXX gives one x; ZSX needs two sx.
    const x = ComplexMatrix.fromRows([
      [0, 1],
      [1, 0],
    ])
    const s = synthesizeOneQubit(x, { bases: ['ZSX', 'ZSXX'] })!
    expect(s.basis).toBe('ZSXX')
    expect(s.gates.map((g) => g.name)).toEqual(['x'])
  })

  it('lists the bases a gate set supports', () => {
    expect(eulerBasesFor(new Set(['rz', 'sx', 'x', 'cz']))).toEqual(['ZSX', 'ZSXX'])
    expect(eulerBasesFor(new Set(['u', 'cx']))).toEqual(['U'])
    expect(eulerBasesFor(new Set(['cz']))).toEqual([])
  })
})
