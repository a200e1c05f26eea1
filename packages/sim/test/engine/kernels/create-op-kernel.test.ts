import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createOpKernel } from '../../../src/engine/kernels/create-op-kernel.js'
import type { UnitaryOp } from '../../../src/engine/sim-program.js'
import { applyReference, maxDistance } from '../../helpers/dense-reference.js'
import { mulberry32, randomOp, randomUnitary } from '../../helpers/random-ops.js'

function randomState(n: number, seed: number): Float64Array {
  const rnd = mulberry32(seed)
  return Float64Array.from({ length: 2 ** (n + 1) }, () => rnd() - 0.5)
}

/** Runs a kernel over all groups in a few uneven chunks (as threads and chunking do). */
function applyKernel(op: UnitaryOp, n: number, state: Float64Array): Float64Array {
  const out = Float64Array.from(state)
  const kernel = createOpKernel(op, n)
  const cut1 = Math.floor(kernel.groups / 3)
  const cut2 = Math.floor((2 * kernel.groups) / 3)
  kernel.run(out, 0, cut1)
  kernel.run(out, cut1, cut2)
  kernel.run(out, cut2, kernel.groups)
  return out
}

function expectKernelMatches(op: UnitaryOp, n: number, seed = 1): void {
  const state = randomState(n, seed)
  expect(maxDistance(applyKernel(op, n, state), applyReference(state, op))).toBeLessThan(1e-13)
}

describe('createOpKernel', () => {
  const rnd = mulberry32(7)
  it.each([0, 1, 3, 4])('applies a dense one-qubit matrix on qubit %i', (q) => {
    expectKernelMatches({ kind: 'matrix', qubits: [q], matrix: randomUnitary(2, rnd) }, 5)
  })

  it.each([
    [0, 1],
    [1, 0],
    [0, 4],
    [4, 2],
  ])('applies a dense two-qubit matrix on qubits (%i, %i)', (a, b) => {
    expectKernelMatches({ kind: 'matrix', qubits: [a, b], matrix: randomUnitary(4, rnd) }, 5)
  })

  it('applies dense three- and four-qubit matrices in any qubit order', () => {
    expectKernelMatches({ kind: 'matrix', qubits: [3, 0, 2], matrix: randomUnitary(8, rnd) }, 5)
    expectKernelMatches({ kind: 'matrix', qubits: [1, 4, 0, 3], matrix: randomUnitary(16, rnd) }, 6)
  })

  it('applies diagonals, skipping unit entries (phase gate, cz, three-qubit diagonal)', () => {
    expectKernelMatches({ kind: 'diagonal', qubits: [2], diagonal: Float64Array.of(1, 0, 0, 1) }, 4)
    expectKernelMatches(
      { kind: 'diagonal', qubits: [3, 1], diagonal: Float64Array.of(1, 0, 1, 0, 1, 0, -1, 0) },
      4,
    )
    const d = Float64Array.from({ length: 16 }, (_, k) =>
      k % 2 === 0 ? Math.cos(k) : Math.sin(k - 1),
    )
    expectKernelMatches({ kind: 'diagonal', qubits: [0, 3, 2], diagonal: d }, 4)
  })

  it('applies permutations with and without phases (x, cx, swap, ccx-like)', () => {
    expectKernelMatches({ kind: 'permutation', qubits: [1], permutation: Int32Array.of(1, 0) }, 3)
    expectKernelMatches(
      { kind: 'permutation', qubits: [2, 0], permutation: Int32Array.of(0, 3, 2, 1) },
      3,
    )
    expectKernelMatches(
      { kind: 'permutation', qubits: [0, 2], permutation: Int32Array.of(0, 2, 1, 3) },
      3,
    )
    expectKernelMatches(
      {
        kind: 'permutation',
        qubits: [0],
        permutation: Int32Array.of(1, 0),
        phases: Float64Array.of(0, 1, 0, -1),
      },
      3,
    )
  })

  it('applies controlled ops with any control state', () => {
    for (let state = 0; state < 4; state++) {
      expectKernelMatches(
        {
          kind: 'controlled',
          controls: [3, 0],
          controlState: state,
          target: { kind: 'matrix', qubits: [2], matrix: randomUnitary(2, rnd) },
        },
        5,
      )
    }
    expectKernelMatches(
      {
        kind: 'controlled',
        controls: [1],
        controlState: 1,
        target: {
          kind: 'diagonal',
          qubits: [0, 2],
          diagonal: Float64Array.of(1, 0, 0, 1, -1, 0, 0, -1),
        },
      },
      4,
    )
    expectKernelMatches(
      {
        kind: 'controlled',
        controls: [0, 1],
        controlState: 3,
        target: { kind: 'permutation', qubits: [3], permutation: Int32Array.of(1, 0) },
      },
      4,
    )
  })

  it('applies a global phase', () => {
    expectKernelMatches({ kind: 'global-phase', phase: 0.7 }, 3)
  })

  it('agrees with the brute-force reference on random ops (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer(), (n, seed) => {
        const op = randomOp(n, mulberry32(seed))
        expectKernelMatches(op, n, seed)
      }),
      { seed: 20240601, numRuns: 200 },
    )
  })

  it('rejects out-of-range and repeated qubits', () => {
    expect(() =>
      createOpKernel({ kind: 'permutation', qubits: [3], permutation: Int32Array.of(1, 0) }, 3),
    ).toThrow(RangeError)
    expect(() =>
      createOpKernel({ kind: 'matrix', qubits: [1, 1], matrix: randomUnitary(4, rnd) }, 3),
    ).toThrow(RangeError)
  })
})
