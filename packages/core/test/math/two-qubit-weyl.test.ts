import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { canonicalGate } from '../../src/math/canonical-gate.js'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { MathError } from '../../src/math/math-error.js'
import { oneQubitGateMatrix } from '../../src/math/one-qubit-gate-matrix.js'
import { randomUnitary } from '../../src/math/random-unitary.js'
import {
  twoQubitWeylDecomposition,
  weylDecompositionMatrix,
} from '../../src/math/two-qubit-weyl.js'
import { matrixFromJson, pythonJson } from './support/python.js'
import { CX, ISWAP, SQRT_SWAP, SWAP } from './support/two-qubit-matrices.js'

const PI = Math.PI
const I2 = ComplexMatrix.identity(2)
const CZ = ComplexMatrix.diagonal([1, 1, 1, -1].map((x) => new Complex(x)))

function checkDecomposition(u: ComplexMatrix, label: string, atol = 1e-12): void {
  const w = twoQubitWeylDecomposition(u)
  expect(weylDecompositionMatrix(w).equals(u, atol), label).toBe(true)
  expect(w.a).toBeLessThanOrEqual(PI / 4 + 1e-13)
  expect(w.a + 1e-13).toBeGreaterThanOrEqual(w.b)
  expect(w.b + 1e-13).toBeGreaterThanOrEqual(Math.abs(w.c))
  for (const k of [w.k1l, w.k1r, w.k2l, w.k2r]) {
    expect(k.isUnitary(1e-12)).toBe(true)
    expect(k.determinant().equals(1, 1e-12)).toBe(true)
  }
}

function coords(u: ComplexMatrix): [number, number, number] {
  const w = twoQubitWeylDecomposition(u)
  return [w.a, w.b, w.c]
}

function expectCoords(u: ComplexMatrix, expected: [number, number, number]): void {
  const got = coords(u)
  for (let k = 0; k < 3; k++) expect(got[k]).toBeCloseTo(expected[k]!, 11)
}

describe('canonicalGate', () => {
  it('matches scipy expm(i(a XX + b YY + c ZZ))', () => {
    const cases = [
      [0.3, 0.2, -0.1],
      [PI / 4, PI / 8, 0.05],
      [1.3, -2.1, 0.7],
    ]
    const ref = pythonJson<number[][][][]>(`
import numpy as np, json
from scipy.linalg import expm
X=np.array([[0,1],[1,0]]);Y=np.array([[0,-1j],[1j,0]]);Z=np.diag([1,-1])
out=[]
for a,b,c in ${JSON.stringify(cases)}:
  m=expm(1j*(a*np.kron(X,X)+b*np.kron(Y,Y)+c*np.kron(Z,Z)))
  out.append([[[z.real,z.imag] for z in row] for row in m])
print(json.dumps(out))`)
    cases.forEach(([a, b, c], i) => {
      const expected = matrixFromJson(ref[i]!)
      expect(canonicalGate(a!, b!, c!).equals(expected, 1e-13)).toBe(true)
    })
  })
})

describe('twoQubitWeylDecomposition', () => {
  it('rebuilds 300 Haar-random unitaries to 1e-12 with coordinates in the Weyl chamber', () => {
    const rng = new SeededRng(42)
    for (let k = 0; k < 300; k++) checkDecomposition(randomUnitary(4, rng), `random #${k}`)
  })

  it('gives the textbook coordinates of named gates', () => {
    expectCoords(ComplexMatrix.identity(4), [0, 0, 0])
    expectCoords(CX, [PI / 4, 0, 0])
    expectCoords(CZ, [PI / 4, 0, 0])
    expectCoords(SWAP, [PI / 4, PI / 4, PI / 4])
    expectCoords(SWAP.scale(Complex.I), [PI / 4, PI / 4, PI / 4])
    expectCoords(ISWAP, [PI / 4, PI / 4, 0])
    expectCoords(ISWAP.adjoint(), [PI / 4, PI / 4, 0])
    // √SWAP's singlet phase is +i, that of exp(iπ/8(XX+YY+ZZ)) is -i relative to the triplet.
    expectCoords(SQRT_SWAP, [PI / 8, PI / 8, -PI / 8])
    expectCoords(SQRT_SWAP.adjoint(), [PI / 8, PI / 8, PI / 8])
    expectCoords(canonicalGate(PI / 8, PI / 8, PI / 8), [PI / 8, PI / 8, PI / 8])
    expectCoords(canonicalGate(0.1, 0.4, -0.3), [0.4, 0.3, -0.1])
    expectCoords(canonicalGate(PI / 4, 0.2, -0.1), [PI / 4, 0.2, 0.1])
  })

  it('rebuilds special and degenerate cases exactly', () => {
    const rng = new SeededRng(5)
    const local = (): ComplexMatrix => randomUnitary(2, rng).kron(randomUnitary(2, rng))
    const specials: [string, ComplexMatrix][] = [
      ['identity', ComplexMatrix.identity(4)],
      ['-identity', ComplexMatrix.identity(4).scale(-1)],
      ['cx', CX],
      ['cz', CZ],
      ['swap', SWAP],
      ['iswap', ISWAP],
      ['sqrt-swap', SQRT_SWAP],
      ['product', local()],
      ['product of x and h', oneQubitGateMatrix('x', []).kron(oneQubitGateMatrix('u2', [0, PI]))],
      ['cx dressed', local().mul(CX).mul(local())],
      ['swap dressed', local().mul(SWAP).mul(local())],
      ['iswap dressed', local().mul(ISWAP).mul(local())],
      [
        'near identity',
        local()
          .mul(canonicalGate(1e-9, 5e-10, -2e-10))
          .mul(local()),
      ],
      [
        'near cx',
        local()
          .mul(canonicalGate(PI / 4 - 1e-10, 1e-11, 0))
          .mul(local()),
      ],
      [
        'near swap',
        local()
          .mul(canonicalGate(PI / 4, PI / 4 - 1e-10, PI / 4 - 2e-10))
          .mul(local()),
      ],
      [
        'b = c',
        local()
          .mul(canonicalGate(0.6, 0.2, 0.2))
          .mul(local()),
      ],
      [
        'a = b',
        local()
          .mul(canonicalGate(0.5, 0.5, -0.2))
          .mul(local()),
      ],
      [
        'c = -b',
        local()
          .mul(canonicalGate(0.7, 0.3, -0.3))
          .mul(local()),
      ],
      ['outside chamber', canonicalGate(2.1, -1.3, 0.4)],
    ]
    for (const [label, u] of specials) checkDecomposition(u, label)
  })

  it('finds the same coordinates for locally equivalent gates', () => {
    const rng = new SeededRng(11)
    for (let k = 0; k < 50; k++) {
      const u = randomUnitary(4, rng)
      const v = randomUnitary(2, rng)
        .kron(randomUnitary(2, rng))
        .mul(u)
        .mul(randomUnitary(2, rng).kron(randomUnitary(2, rng)))
      const [a1, b1, c1] = coords(u)
      const [a2, b2, c2] = coords(v)
      expect(a2).toBeCloseTo(a1, 10)
      expect(b2).toBeCloseTo(b1, 10)
      expect(c2).toBeCloseTo(c1, 10)
    }
  })

  it('rejects non-unitary and wrongly shaped input', () => {
    expect(() => twoQubitWeylDecomposition(ComplexMatrix.identity(4).scale(2))).toThrow(MathError)
    expect(() => twoQubitWeylDecomposition(I2)).toThrow(RangeError)
  })
})
