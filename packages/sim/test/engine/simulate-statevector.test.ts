import { describe, expect, it } from 'vitest'
import { sampleProgram } from '../../src/engine/sample-program.js'
import { simulateStatevector } from '../../src/engine/simulate-statevector.js'
import type { SimProgram } from '../../src/engine/sim-program.js'
import { SimulationError } from '../../src/engine/simulation-error.js'
import { maxDistance, runReference } from '../helpers/dense-reference.js'
import { cx, h, x } from '../helpers/gates.js'
import { randomOps } from '../helpers/random-ops.js'

describe('simulateStatevector', () => {
  it('returns the final state of a unitary program (global phase included)', async () => {
    const ops = [...randomOps(5, 50, 21), { kind: 'global-phase' as const, phase: 0.3 }]
    const { statevector, clbits } = await simulateStatevector(
      { numQubits: 5, numClbits: 2, ops },
      { threads: 1 },
    )
    expect(maxDistance(statevector, runReference(5, ops))).toBeLessThan(1e-12)
    expect([...clbits]).toEqual([0, 0])
  })

  it('collapses on measurement and reports the clbits (seeded)', async () => {
    const program: SimProgram = {
      numQubits: 2,
      numClbits: 2,
      ops: [h(0), cx(0, 1), { kind: 'measure', qubit: 0, clbit: 1 }],
    }
    const seen = new Set<string>()
    for (let seed = 0; seed < 20; seed++) {
      const { statevector, clbits } = await simulateStatevector(program, { seed, threads: 1 })
      const outcome = clbits[1]!
      // Collapsed to |00⟩ or |11⟩, consistent with the recorded bit.
      const index = outcome === 1 ? 3 : 0
      expect(Math.hypot(statevector[2 * index]!, statevector[2 * index + 1]!)).toBeCloseTo(1, 12)
      seen.add(String(outcome))
      const again = await simulateStatevector(program, { seed, threads: 1 })
      expect(again.clbits).toEqual(clbits)
    }
    expect(seen).toEqual(new Set(['0', '1']))
  })

  it('handles zero- and one-qubit programs', async () => {
    expect([
      ...(
        await simulateStatevector({
          numQubits: 0,
          numClbits: 0,
          ops: [{ kind: 'global-phase', phase: Math.PI }],
        })
      ).statevector,
    ]).toEqual([-1, expect.closeTo(0, 15)])
    const one = await simulateStatevector(
      { numQubits: 1, numClbits: 0, ops: [x(0)] },
      { fusion: 'codegen' },
    )
    expect([...one.statevector]).toEqual([0, 0, 1, 0])
    const counts = await sampleProgram(
      { numQubits: 1, numClbits: 1, ops: [x(0), { kind: 'measure', qubit: 0, clbit: 0 }] },
      { shots: 0 },
    )
    expect(counts.counts).toEqual({})
  })

  it('rejects programs beyond the engine’s width and malformed ones', async () => {
    await expect(
      simulateStatevector({ numQubits: 31, numClbits: 0, ops: [] }),
    ).rejects.toBeInstanceOf(SimulationError)
    await expect(
      simulateStatevector({ numQubits: 31, numClbits: 0, ops: [] }),
    ).rejects.toMatchObject({ code: 'simulation.too-many-qubits' })
    await expect(
      simulateStatevector({ numQubits: 2, numClbits: 0, ops: [cx(1, 1)] }),
    ).rejects.toThrow(RangeError)
    await expect(
      simulateStatevector({
        numQubits: 1,
        numClbits: 1,
        ops: [
          {
            kind: 'conditional',
            condition: { clbits: [3], op: '==', value: 1n },
            then: [],
            else: [],
          },
        ],
      }),
    ).rejects.toThrow(RangeError)
    await expect(
      simulateStatevector({ numQubits: 1, numClbits: 0, ops: [] }, { threads: 0 }),
    ).rejects.toThrow(RangeError)
  })

  it('evaluates register comparisons little-endian', async () => {
    // clbits = [1, 1, 0] → value 3.
    const base: SimProgram['ops'] = [
      x(0),
      x(1),
      { kind: 'measure', qubit: 0, clbit: 0 },
      { kind: 'measure', qubit: 1, clbit: 1 },
    ]
    for (const [op, value, expected] of [
      ['==', 3n, 1],
      ['!=', 3n, 0],
      ['<', 4n, 1],
      ['<=', 2n, 0],
      ['>', 2n, 1],
      ['>=', 4n, 0],
    ] as const) {
      const program: SimProgram = {
        numQubits: 3,
        numClbits: 3,
        ops: [
          ...base,
          {
            kind: 'conditional',
            condition: { clbits: [0, 1, 2], op, value },
            then: [x(2)],
            else: [],
          },
          { kind: 'measure', qubit: 2, clbit: 2 },
        ],
      }
      const { clbits } = await simulateStatevector(program, { seed: 1 })
      expect(clbits[2]).toBe(expected)
    }
  })
})
