import { Pauli } from '@qfabric/core/quantum-info'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/engine/random/seeded-rng.js'
import { StabilizerRows } from '../../src/stabilizer/stabilizer-rows.js'
import { StabilizerTableau } from '../../src/stabilizer/stabilizer-tableau.js'

function rowLabel(rows: StabilizerRows, r: number): string {
  let s = ''
  for (let q = rows.numQubits - 1; q >= 0; q--) {
    const x = rows.hasX(r, q)
    const z = rows.hasZ(r, q)
    s += x ? (z ? 'Y' : 'X') : z ? 'Z' : 'I'
  }
  return (rows.sign[r] === 1 ? '-' : '') + s
}

function scrambled(n: number, seed: number): StabilizerTableau {
  const rng = createRng(seed)
  const t = new StabilizerTableau(n)
  for (let i = 0; i < 10 * n; i++) {
    const a = Math.floor(rng.nextDouble() * n)
    const b = (a + 1 + Math.floor(rng.nextDouble() * (n - 1))) % n
    const k = Math.floor(rng.nextDouble() * 5)
    if (k === 0) t.h(a)
    else if (k === 1) t.s(a)
    else if (k === 2) t.y(a)
    else if (n > 1) t.cx(a, b)
  }
  return t
}

describe('StabilizerRows', () => {
  it('transposes the stabilizers out of the tableau', () => {
    for (const n of [1, 5, 32, 33, 70]) {
      const t = scrambled(n, n)
      const rows = new StabilizerRows(t)
      const labels = Array.from({ length: n }, (_, r) => rowLabel(rows, r))
      expect(labels).toEqual(t.stabilizers().map((l) => (l.startsWith('+') ? l.slice(1) : l)))
    }
  })

  it('multiplies commuting rows with the exact sign (against Pauli.dot)', () => {
    for (const [n, seed] of [
      [3, 1],
      [31, 2],
      [45, 3],
      [90, 4],
    ] as const) {
      const rows = new StabilizerRows(scrambled(n, seed))
      const rng = createRng(seed)
      for (let k = 0; k < 60; k++) {
        const a = Math.floor(rng.nextDouble() * n)
        const b = Math.floor(rng.nextDouble() * n)
        if (a === b) continue
        const expected = new Pauli(rowLabel(rows, a)).dot(new Pauli(rowLabel(rows, b))).toLabel()
        rows.multiplyInto(a, b)
        expect(rowLabel(rows, a)).toBe(expected)
      }
    }
  })

  it('swaps rows with their signs', () => {
    const rows = new StabilizerRows(new StabilizerTableau(2).x(0).h(1))
    expect([rowLabel(rows, 0), rowLabel(rows, 1)]).toEqual(['-IZ', 'XI'])
    rows.swap(0, 1)
    expect([rowLabel(rows, 0), rowLabel(rows, 1)]).toEqual(['XI', '-IZ'])
  })
})
