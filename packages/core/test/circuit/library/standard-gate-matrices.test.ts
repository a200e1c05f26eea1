import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ComplexMatrix } from '../../../src/math/complex-matrix.js'
import { standardGateMatrix } from '../../../src/circuit/library/standard-gate-matrices.js'
import {
  STANDARD_GATE_NAMES,
  STANDARD_GATE_SPECS,
  type StandardGateName,
} from '../../../src/circuit/library/standard-gate-specs.js'

const REFERENCE_SCRIPT = fileURLToPath(new URL('./reference-gate-matrices.py', import.meta.url))

/** A small seeded generator (mulberry32), so that the drawn angles are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Case {
  readonly name: StandardGateName
  readonly params: number[]
  readonly numCtrl?: number
}

/** Three draws of angles in (−2π, 2π) per gate, and mcx/mcp with 1–5 controls. */
function cases(): Case[] {
  const next = rng(20240611)
  const angle = (): number => (next() * 4 - 2) * Math.PI
  const out: Case[] = []
  for (const name of STANDARD_GATE_NAMES) {
    const ctrlCounts = name === 'mcx' || name === 'mcp' ? [1, 2, 3, 4, 5] : [undefined]
    for (const numCtrl of ctrlCounts) {
      for (let draw = 0; draw < 3; draw++) {
        const params = STANDARD_GATE_SPECS[name].params.map(angle)
        out.push(numCtrl === undefined ? { name, params } : { name, params, numCtrl })
      }
    }
  }
  return out
}

function numpyReferences(requests: readonly Case[]): ComplexMatrix[] {
  const out = execFileSync('python3', [REFERENCE_SCRIPT], {
    input: JSON.stringify(requests),
    maxBuffer: 64 * 1024 * 1024,
  })
  const rows = JSON.parse(out.toString()) as [number, number][][][]
  return rows.map((m) => ComplexMatrix.fromRows(m))
}

const S = Math.SQRT1_2

describe('standardGateMatrix', () => {
  const all = cases()
  const refs = numpyReferences(all)

  it('agrees with independent numpy/scipy matrices for every gate (phase included)', () => {
    expect(refs).toHaveLength(all.length)
    all.forEach((c, k) => {
      const m = standardGateMatrix(c.name, c.params, { numCtrlQubits: c.numCtrl })
      const ref = refs[k]
      if (ref === undefined) throw new Error('missing reference')
      expect(
        m.equals(ref, 1e-12),
        `${c.name}(${c.params.join(', ')}) ctrl=${c.numCtrl ?? '-'}`,
      ).toBe(true)
    })
  })

  it('returns unitaries of dimension 2^numQubits', () => {
    for (const c of all) {
      const m = standardGateMatrix(c.name, c.params, { numCtrlQubits: c.numCtrl })
      const spec = STANDARD_GATE_SPECS[c.name]
      const n = spec.numQubits === 'variable' ? (c.numCtrl ?? 0) + 1 : spec.numQubits
      expect(m.rows).toBe(2 ** n)
      expect(m.isUnitary(1e-12), c.name).toBe(true)
    }
  })

  it("matches Qiskit's documented literal matrices", () => {
    const lit = (
      name: StandardGateName,
      rows: (number | [number, number])[][],
      p: number[] = [],
    ) => {
      expect(standardGateMatrix(name, p).equals(ComplexMatrix.fromRows(rows), 1e-15), name).toBe(
        true,
      )
    }
    lit('cx', [
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 1, 0],
      [0, 1, 0, 0],
    ])
    lit('ecr', [
      [0, S, 0, [0, S]],
      [S, 0, [0, -S], 0],
      [0, [0, S], 0, S],
      [[0, -S], 0, S, 0],
    ])
    lit('dcx', [
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ])
    lit('iswap', [
      [1, 0, 0, 0],
      [0, 0, [0, 1], 0],
      [0, [0, 1], 0, 0],
      [0, 0, 0, 1],
    ])
    lit('sx', [
      [
        [0.5, 0.5],
        [0.5, -0.5],
      ],
      [
        [0.5, -0.5],
        [0.5, 0.5],
      ],
    ])
    lit('rccx', [
      [1, 0, 0, 0, 0, 0, 0, 0],
      [0, 1, 0, 0, 0, 0, 0, 0],
      [0, 0, 1, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, [0, -1]],
      [0, 0, 0, 0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, -1, 0, 0],
      [0, 0, 0, 0, 0, 0, 1, 0],
      [0, 0, 0, [0, 1], 0, 0, 0, 0],
    ])
    // rzx(π/2) = [[c,0,−is,0],[0,c,0,is],[−is,0,c,0],[0,is,0,c]] with c = s = 1/√2
    lit(
      'rzx',
      [
        [S, 0, [0, -S], 0],
        [0, S, 0, [0, S]],
        [[0, -S], 0, S, 0],
        [0, [0, S], 0, S],
      ],
      [Math.PI / 2],
    )
    // u2(0, π) = h
    expect(standardGateMatrix('u2', [0, Math.PI]).equals(standardGateMatrix('h'), 1e-15)).toBe(true)
  })

  it('gives exact zeros and ones where Qiskit has them', () => {
    expect(Array.from(standardGateMatrix('rx', [0]).data)).toEqual([1, 0, 0, -0, 0, -0, 1, 0])
    const z = standardGateMatrix('r', [Math.PI, 0]).get(0, 1)
    expect(z.re === 0 && z.im === -1).toBe(true)
    expect(standardGateMatrix('global_phase', [Math.PI / 2]).rows).toBe(1)
  })

  it('rejects a wrong parameter count, non-finite parameters and a missing control count', () => {
    expect(() => standardGateMatrix('rx', [])).toThrow(RangeError)
    expect(() => standardGateMatrix('h', [1])).toThrow(RangeError)
    expect(() => standardGateMatrix('rx', [Number.NaN])).toThrow(TypeError)
    expect(() => standardGateMatrix('mcx')).toThrow(RangeError)
    expect(() => standardGateMatrix('mcp', [1], { numCtrlQubits: 0 })).toThrow(RangeError)
  })
})
