import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { canonicalGate } from '../../src/math/canonical-gate.js'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { EULER_BASES } from '../../src/math/euler-angles.js'
import { MathError } from '../../src/math/math-error.js'
import { oneQubitGateMatrix, type OneQubitGateName } from '../../src/math/one-qubit-gate-matrix.js'
import { randomUnitary } from '../../src/math/random-unitary.js'
import {
  numBasisGatesNeeded,
  TwoQubitBasisDecomposer,
  type TwoQubitSynthesis,
} from '../../src/math/two-qubit-basis-decomposer.js'
import { canonicalTemplate, CZ_MATRIX } from '../../src/math/two-qubit-templates.js'
import { CX, ISWAP, SQRT_SWAP, SWAP } from './support/two-qubit-matrices.js'

const PI = Math.PI
const I2 = ComplexMatrix.identity(2)

/** The matrix of a synthesis, rebuilt independently from its gate list. */
function synthesisMatrix(s: TwoQubitSynthesis): ComplexMatrix {
  let m = ComplexMatrix.identity(4)
  for (const g of s.gates) {
    let gm: ComplexMatrix
    if (g.qubits.length === 1) {
      const one = oneQubitGateMatrix(g.name as OneQubitGateName, g.params)
      gm = g.qubits[0] === 0 ? I2.kron(one) : one.kron(I2)
    } else {
      expect(g.qubits).toEqual([0, 1])
      gm = g.matrix!
    }
    m = gm.mul(m)
  }
  return m.scale(Complex.expi(s.globalPhase))
}

function local(rng: SeededRng): ComplexMatrix {
  return randomUnitary(2, rng).kron(randomUnitary(2, rng))
}

describe('canonicalTemplate', () => {
  it('reproduces the canonical gate up to phase with k CZs', () => {
    const rng = new SeededRng(3)
    for (let n = 0; n < 50; n++) {
      const [a, b, c] = [rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(-2, 2)]
      const cases: [number, [number, number, number]][] = [
        [0, [0, 0, 0]],
        [1, [PI / 4, 0, 0]],
        [2, [a, b, 0]],
        [3, [a, b, c]],
      ]
      for (const [k, coords] of cases) {
        let m = ComplexMatrix.identity(4)
        canonicalTemplate(k, coords).forEach((layer, i) => {
          if (i > 0) m = CZ_MATRIX.mul(m)
          m = layer.l.kron(layer.r).mul(m)
        })
        expect(m.equalsUpToPhase(canonicalGate(...coords), 1e-13)).toBe(true)
      }
    }
  })
})

describe('TwoQubitBasisDecomposer', () => {
  const bases = ['cx', 'cz', 'ecr'] as const

  it.each(bases)('synthesises 100 Haar-random unitaries exactly with 3 %s', (basis) => {
    const dec = new TwoQubitBasisDecomposer(basis)
    const rng = new SeededRng(77)
    for (let n = 0; n < 100; n++) {
      const u = randomUnitary(4, rng)
      const s = dec.decompose(u)
      expect(s.numBasisGates).toBe(3)
      expect(s.gates.filter((g) => g.name === basis)).toHaveLength(3)
      expect(synthesisMatrix(s).equals(u, 1e-9)).toBe(true)
    }
  })

  it.each(bases)('uses the minimal number of %s for special gates', (basis) => {
    const dec = new TwoQubitBasisDecomposer(basis)
    const rng = new SeededRng(8)
    const cases: [string, ComplexMatrix, number][] = [
      ['identity', ComplexMatrix.identity(4), 0],
      ['phase·identity', ComplexMatrix.identity(4).scale(Complex.expi(0.7)), 0],
      ['product', local(rng), 0],
      ['cx', CX, 1],
      ['cz', CZ_MATRIX, 1],
      ['dressed cx', local(rng).mul(CX).mul(local(rng)), 1],
      ['iswap', ISWAP, 2],
      ['cx·cx(reversed)', CX.mul(SWAP.mul(CX).mul(SWAP)), 2],
      [
        'Ud(a, b, 0)',
        local(rng)
          .mul(canonicalGate(0.6, 0.3, 0))
          .mul(local(rng)),
        2,
      ],
      ['swap', SWAP, 3],
      ['sqrt-swap', SQRT_SWAP, 3],
      ['near identity', canonicalGate(1e-11, 0, 0).mul(local(rng)), 0],
      ['near cx', local(rng).mul(canonicalGate(PI / 4 - 1e-11, 1e-12, 0)), 1],
      ['near degenerate', local(rng).mul(canonicalGate(0.5, 0.5 - 1e-12, 1e-3)), 3],
    ]
    for (const [label, u, expected] of cases) {
      const s = dec.decompose(u)
      expect(s.numBasisGates, label).toBe(expected)
      expect(dec.numBasisGates(u), label).toBe(expected)
      expect(numBasisGatesNeeded(u), label).toBe(expected)
      expect(s.gates.filter((g) => g.name === basis)).toHaveLength(expected)
      expect(synthesisMatrix(s).equals(u, 1e-9), label).toBe(true)
    }
  })

  it('emits no 1-qubit gates for the basis gate itself', () => {
    const s = new TwoQubitBasisDecomposer('cx').decompose(CX)
    expect(s.gates.map((g) => g.name)).toContain('cx')
    expect(synthesisMatrix(s).equals(CX, 1e-9)).toBe(true)
  })

  it.each(EULER_BASES)('emits the 1-qubit layers in the %s basis', (eulerBasis) => {
    const dec = new TwoQubitBasisDecomposer('cx', { eulerBasis })
    const rng = new SeededRng(21)
    for (let n = 0; n < 10; n++) {
      const u = randomUnitary(4, rng)
      expect(synthesisMatrix(dec.decompose(u)).equals(u, 1e-9)).toBe(true)
    }
  })

  it('accepts a custom basis gate locally equivalent to CX', () => {
    const rng = new SeededRng(4)
    const matrix = local(rng).mul(CX).mul(local(rng))
    const dec = new TwoQubitBasisDecomposer({ name: 'my_cx', matrix })
    const u = randomUnitary(4, rng)
    const s = dec.decompose(u)
    expect(s.gates.filter((g) => g.name === 'my_cx')).toHaveLength(3)
    expect(synthesisMatrix(s).equals(u, 1e-9)).toBe(true)
  })

  it('approximates with fewer gates when the basis fidelity makes it worth it', () => {
    const rng = new SeededRng(6)
    const u = local(rng)
      .mul(canonicalGate(0.5, 0.2, 1e-4))
      .mul(local(rng))
    expect(new TwoQubitBasisDecomposer('cx').numBasisGates(u)).toBe(3)
    const approx = new TwoQubitBasisDecomposer('cx', { basisFidelity: 0.99 })
    const s = approx.decompose(u)
    expect(s.numBasisGates).toBe(2)
    const m = synthesisMatrix(s)
    // Close, but not exact: the dropped ZZ term is 1e-4.
    expect(m.equals(u, 1e-3)).toBe(true)
    expect(m.equals(u, 1e-6)).toBe(false)
  })

  it('rejects basis gates that are not CX-like and bad options', () => {
    expect(() => new TwoQubitBasisDecomposer({ name: 'iswap', matrix: ISWAP })).toThrow(MathError)
    expect(() => new TwoQubitBasisDecomposer('cx', { basisFidelity: 1.5 })).toThrow(RangeError)
    expect(() => new TwoQubitBasisDecomposer('cx').decompose(I2)).toThrow(RangeError)
  })
})

describe('TwoQubitBasisDecomposer (property)', () => {
  it('reproduces dressed canonical gates of every class exactly (fast-check)', () => {
    const decomposers = (['cx', 'cz', 'ecr'] as const).map((b) => new TwoQubitBasisDecomposer(b))
    const coordArb = fc.oneof(
      fc.constant(0),
      fc.constant(PI / 4),
      fc.constant(PI / 8),
      fc.double({ min: -PI, max: PI, noNaN: true }),
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        coordArb,
        coordArb,
        coordArb,
        (seed, a, b, c) => {
          const rng = new SeededRng(seed)
          const u = local(rng)
            .mul(canonicalGate(a, b, c))
            .mul(local(rng))
          for (const dec of decomposers) {
            const s = dec.decompose(u)
            expect(synthesisMatrix(s).equals(u, 1e-9)).toBe(true)
            expect(s.numBasisGates).toBe(numBasisGatesNeeded(u))
          }
        },
      ),
      { seed: 424242, numRuns: 200 },
    )
  })
})
