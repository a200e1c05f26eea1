import { describe, expect, it } from 'vitest'
import {
  collectQubits,
  remapOps,
  truncateIdleQubits,
} from '../../../src/backends/execution/remap-ops.js'
import type { SimOp, SimProgram } from '../../../src/engine/sim-program.js'

const X = Int32Array.of(1, 0)

describe('remapOps / truncateIdleQubits', () => {
  const ops: SimOp[] = [
    { kind: 'permutation', qubits: [7], permutation: X },
    {
      kind: 'controlled',
      controls: [7],
      controlState: 1,
      target: { kind: 'permutation', qubits: [2], permutation: X },
    },
    { kind: 'measure', qubit: 7, clbit: 1 },
    {
      kind: 'conditional',
      condition: { clbits: [1], op: '==', value: 1n },
      then: [{ kind: 'reset', qubit: 9 }],
      else: [],
    },
  ]

  it('renumbers qubits and clbits everywhere, nested bodies included', () => {
    const out = remapOps(ops, { qubit: (q) => q + 10, clbit: (c) => c * 3 })
    expect(collectQubits(out)).toEqual(new Set([17, 12, 19]))
    expect(out[2]).toEqual({ kind: 'measure', qubit: 17, clbit: 3 })
    expect(out[3]).toMatchObject({
      condition: { clbits: [3] },
      then: [{ kind: 'reset', qubit: 19 }],
    })
  })

  it('keeps the active qubits only, in increasing order', () => {
    const program: SimProgram = { numQubits: 12, numClbits: 2, ops }
    const { program: small, kept } = truncateIdleQubits(program)
    expect(kept).toEqual([2, 7, 9])
    expect(small.numQubits).toBe(3)
    expect(small.ops[0]).toMatchObject({ qubits: [1] })
    expect(small.ops[1]).toMatchObject({ controls: [1], target: { qubits: [0] } })
    const dense: SimProgram = {
      numQubits: 1,
      numClbits: 0,
      ops: [ops[0]!].map((op) => ({ ...op, qubits: [0] }) as SimOp),
    }
    expect(truncateIdleQubits(dense).program).toBe(dense)
  })
})
