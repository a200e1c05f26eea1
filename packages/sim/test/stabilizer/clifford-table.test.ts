import { circuitToMatrix, QuantumCircuit, standardGate } from '@qfabric/core/circuit'
import { complex, type ComplexMatrix } from '@qfabric/core/math'
import { describe, expect, it } from 'vitest'
import { createRng } from '../../src/engine/random/seeded-rng.js'
import { applyCliffordTable, cliffordTableFromMatrix } from '../../src/stabilizer/clifford-table.js'
import {
  ONE_QUBIT_CLIFFORD_COUNT,
  oneQubitCliffordSequence,
} from '../../src/stabilizer/one-qubit-cliffords.js'
import { OP } from '../../src/stabilizer/stabilizer-program.js'
import { StabilizerTableau } from '../../src/stabilizer/stabilizer-tableau.js'

const NAME_OF = new Map<number, 'h' | 's' | 'sdg' | 'x' | 'y' | 'z' | 'sx' | 'sxdg'>([
  [OP.H, 'h'],
  [OP.S, 's'],
  [OP.SDG, 'sdg'],
  [OP.X, 'x'],
  [OP.Y, 'y'],
  [OP.Z, 'z'],
  [OP.SX, 'sx'],
  [OP.SXDG, 'sxdg'],
])

/** Every one-qubit Clifford up to phase, as products of h and s. */
function allOneQubitCliffords(): ComplexMatrix[] {
  const found: ComplexMatrix[] = []
  const queue = [new QuantumCircuit(1)]
  while (queue.length > 0) {
    const qc = queue.shift()!
    const m = circuitToMatrix(qc)
    if (found.some((f) => f.equalsUpToPhase(m, 1e-9))) continue
    found.push(m)
    queue.push(qc.copy().h(0), qc.copy().s(0))
  }
  return found
}

function sequenceMatrix(ops: readonly number[]): ComplexMatrix {
  const qc = new QuantumCircuit(1)
  for (const op of ops) qc[NAME_OF.get(op)!](0)
  return circuitToMatrix(qc)
}

function randomTableau(n: number, seed: number): StabilizerTableau {
  const rng = createRng(seed)
  const t = new StabilizerTableau(n)
  for (let i = 0; i < 8 * n; i++) {
    const a = Math.floor(rng.nextDouble() * n)
    const b = (a + 1 + Math.floor(rng.nextDouble() * (n - 1))) % n
    const k = Math.floor(rng.nextDouble() * 3)
    if (k === 0) t.h(a)
    else if (k === 1) t.s(a)
    else t.cx(a, b)
  }
  return t
}

describe('cliffordTableFromMatrix', () => {
  it('recognises all 24 one-qubit Cliffords, whose primitive sequences reproduce them', () => {
    const all = allOneQubitCliffords()
    expect(all).toHaveLength(24)
    expect(ONE_QUBIT_CLIFFORD_COUNT).toBe(24)
    for (const m of all) {
      const table = cliffordTableFromMatrix(m.data, 1)!
      const seq = oneQubitCliffordSequence(table)
      expect(seq.length).toBeLessThanOrEqual(3)
      expect(sequenceMatrix(seq).equalsUpToPhase(m, 1e-9)).toBe(true)
    }
  })

  it('reads the conjugation of H and CX off their matrices', () => {
    const h = cliffordTableFromMatrix(standardGate('h').toMatrix().data, 1)!
    // Index p = x | z << 1: X (1) → Z, Z (2) → X, Y (3) → −Y.
    expect([...h.imageX]).toEqual([0, 0, 1, 1])
    expect([...h.imageZ]).toEqual([0, 1, 0, 1])
    expect([...h.imageSign]).toEqual([0, 0, 0, 1])
    const cx = cliffordTableFromMatrix(standardGate('cx').toMatrix().data, 2)!
    // X on the control (qarg 0) spreads to the target: X0 → X0 X1; Z1 → Z0 Z1.
    expect([cx.imageX[0b0001], cx.imageZ[0b0001]]).toEqual([0b11, 0])
    expect([cx.imageX[0b1000], cx.imageZ[0b1000]]).toEqual([0, 0b11])
  })

  it('rejects non-Clifford matrices', () => {
    expect(cliffordTableFromMatrix(standardGate('t').toMatrix().data, 1)).toBeUndefined()
    expect(cliffordTableFromMatrix(standardGate('rz', [0.3]).toMatrix().data, 1)).toBeUndefined()
    expect(cliffordTableFromMatrix(standardGate('ch').toMatrix().data, 2)).toBeUndefined()
    expect(cliffordTableFromMatrix(standardGate('ccx').toMatrix().data, 3)).toBeUndefined()
    expect(
      cliffordTableFromMatrix(standardGate('u', [Math.PI / 2, 0, Math.PI / 4]).toMatrix().data, 1),
    ).toBeUndefined()
  })

  it('accepts Cliffords up to a global phase', () => {
    const m = standardGate('rz', [Math.PI / 2])
      .toMatrix()
      .scale(complex(0, 1))
    expect(cliffordTableFromMatrix(m.data, 1)).toBeDefined()
  })

  it('checks its arguments', () => {
    expect(() => cliffordTableFromMatrix(new Float64Array(512), 4)).toThrow(RangeError)
    expect(() => cliffordTableFromMatrix(new Float64Array(4), 1)).toThrow(RangeError)
  })
})

describe('applyCliffordTable', () => {
  it('acts like the primitive gates it replaces, on wide tableaus (all generators, all signs)', () => {
    const gate = new QuantumCircuit(3).h(0).s(2).cx(0, 1).cz(1, 2).sx(1).swap(0, 2).cy(2, 0)
    const table = cliffordTableFromMatrix(circuitToMatrix(gate).data, 3)!
    for (const [a, b, c] of [
      [0, 1, 2],
      [40, 3, 33],
      [64, 65, 31],
    ] as const) {
      const viaTable = randomTableau(70, a + b + c)
      const viaGates = viaTable.clone()
      applyCliffordTable(viaTable, table, [a, b, c])
      viaGates.h(a).s(c).cx(a, b).cz(b, c).sx(b).swap(a, c).cy(c, a)
      expect(viaTable.stabilizers()).toEqual(viaGates.stabilizers())
      expect(viaTable.destabilizers()).toEqual(viaGates.destabilizers())
    }
  })
})
