import { describe, expect, it } from 'vitest'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { EULER_BASES, eulerAngles, type EulerBasis } from '../../src/math/euler-angles.js'
import { eulerSequence, oneQubitSequenceMatrix } from '../../src/math/euler-sequence.js'
import { MathError } from '../../src/math/math-error.js'
import { oneQubitGateMatrix } from '../../src/math/one-qubit-gate-matrix.js'
import { randomUnitary } from '../../src/math/random-unitary.js'

const g = oneQubitGateMatrix
const PI = Math.PI

const ALLOWED: Record<EulerBasis, readonly string[]> = {
  ZYZ: ['rz', 'ry'],
  ZXZ: ['rz', 'rx'],
  XYX: ['rx', 'ry'],
  XZX: ['rx', 'rz'],
  U3: ['u3'],
  U321: ['u1', 'u2', 'u3'],
  U: ['u'],
  PSX: ['p', 'sx'],
  ZSX: ['rz', 'sx'],
  ZSXX: ['rz', 'sx', 'x'],
  U1X: ['u1', 'rx'],
  RR: ['r'],
}

const MAX_GATES: Record<EulerBasis, number> = {
  ZYZ: 3,
  ZXZ: 3,
  XYX: 3,
  XZX: 3,
  U3: 1,
  U321: 1,
  U: 1,
  PSX: 5,
  ZSX: 5,
  ZSXX: 5,
  U1X: 5,
  RR: 2,
}

function rebuilt(u: ComplexMatrix, basis: EulerBasis, simplify = true): ComplexMatrix {
  const { gates, globalPhase } = eulerSequence(u, basis, { simplify })
  for (const gate of gates) {
    expect(ALLOWED[basis]).toContain(gate.name)
    if (gate.name === 'rx' && basis === 'U1X') expect(gate.params[0]).toBeCloseTo(PI / 2, 12)
  }
  expect(gates.length).toBeLessThanOrEqual(MAX_GATES[basis])
  return oneQubitSequenceMatrix(gates).scale(Complex.expi(globalPhase))
}

const H = ComplexMatrix.fromRows([
  [Math.SQRT1_2, Math.SQRT1_2],
  [Math.SQRT1_2, -Math.SQRT1_2],
])
const Y = ComplexMatrix.fromRows([
  [0, [0, -1]],
  [[0, 1], 0],
])

const SPECIAL: [string, ComplexMatrix][] = [
  ['identity', ComplexMatrix.identity(2)],
  ['-identity', ComplexMatrix.identity(2).scale(-1)],
  ['i·identity', ComplexMatrix.identity(2).scale(Complex.I)],
  ['h', H],
  ['x', g('x', [])],
  ['y', Y],
  ['z', g('p', [PI])],
  ['s', g('p', [PI / 2])],
  ['t', g('p', [PI / 4])],
  ['sx', g('sx', [])],
  ['rz(0.3)', g('rz', [0.3])],
  ['ry(π)', g('ry', [PI])],
  ['rx(π)', g('rx', [PI])],
  ['ry(π/2)', g('ry', [PI / 2])],
  ['rx(-π/2)', g('rx', [-PI / 2])],
  ['rz(1e-14)', g('rz', [1e-14])],
  ['ry(1e-13)·rz(2)', g('ry', [1e-13]).mul(g('rz', [2]))],
  ['ry(π - 1e-13)', g('ry', [PI - 1e-13])],
  ['u(0.1, π, -π)', g('u', [0.1, PI, -PI])],
  ['u(2, π, 0.5)', g('u', [2, PI, 0.5])],
  ['r(1, 2)', g('r', [1, 2])],
]

describe('eulerSequence', () => {
  it.each(EULER_BASES)('rebuilds 200 Haar-random unitaries exactly in %s', (basis) => {
    const rng = new SeededRng(1234)
    for (let k = 0; k < 200; k++) {
      const u = randomUnitary(2, rng)
      expect(rebuilt(u, basis).equals(u, 1e-12)).toBe(true)
      expect(rebuilt(u, basis, false).equals(u, 1e-12)).toBe(true)
    }
  })

  it.each(EULER_BASES)('rebuilds special gates exactly in %s', (basis) => {
    for (const [name, u] of SPECIAL) {
      const r = rebuilt(u, basis)
      expect(r.equals(u, 1e-12), `${name} in ${basis}`).toBe(true)
    }
  })

  it.each(EULER_BASES)('synthesises an identity (any phase) as no gates in %s', (basis) => {
    for (const phase of [0, 1, PI, -2.5]) {
      const u = ComplexMatrix.identity(2).scale(Complex.expi(phase))
      const { gates, globalPhase } = eulerSequence(u, basis)
      expect(gates).toEqual([])
      expect(Complex.expi(globalPhase).equals(Complex.expi(phase), 1e-12)).toBe(true)
    }
  })

  it('uses the shortest form of each basis', () => {
    const names = (u: ComplexMatrix, b: EulerBasis): string[] =>
      eulerSequence(u, b).gates.map((x) => x.name)
    expect(names(g('rz', [0.7]), 'ZYZ')).toEqual(['rz'])
    expect(names(g('ry', [0.7]), 'ZYZ')).toEqual(['ry'])
    expect(names(g('rx', [0.7]), 'XYX')).toEqual(['rx'])
    expect(names(g('rz', [0.7]), 'PSX')).toEqual(['p'])
    expect(names(H, 'ZSX')).toEqual(['rz', 'sx', 'rz'])
    expect(names(g('sx', []), 'ZSX')).toEqual(['sx'])
    expect(names(g('x', []), 'ZSXX')).toEqual(['x'])
    expect(names(g('x', []), 'ZSX')).toEqual(['sx', 'sx'])
    expect(names(g('p', [0.3]), 'U321')).toEqual(['u1'])
    expect(names(H, 'U321')).toEqual(['u2'])
    expect(names(g('ry', [0.3]), 'U321')).toEqual(['u3'])
    expect(names(g('rx', [PI]), 'RR')).toEqual(['r'])
  })

  it('keeps every gate without simplification', () => {
    expect(eulerSequence(ComplexMatrix.identity(2), 'ZYZ', { simplify: false }).gates).toHaveLength(
      3,
    )
    expect(eulerSequence(ComplexMatrix.identity(2), 'U3', { simplify: false }).gates).toHaveLength(
      1,
    )
  })

  it('gives the Hadamard the textbook ZSX form', () => {
    const { gates, globalPhase } = eulerSequence(H, 'ZSX')
    expect(gates.map((x) => x.name)).toEqual(['rz', 'sx', 'rz'])
    expect(gates[0]!.params[0]).toBeCloseTo(PI / 2, 12)
    expect(gates[2]!.params[0]).toBeCloseTo(PI / 2, 12)
    expect(globalPhase).toBeCloseTo(PI / 4, 12)
  })

  it('rejects non-unitary and non-2×2 input', () => {
    expect(() =>
      eulerSequence(
        ComplexMatrix.fromRows([
          [1, 1],
          [0, 1],
        ]),
        'ZYZ',
      ),
    ).toThrow(MathError)
    expect(() => eulerSequence(ComplexMatrix.identity(4), 'ZYZ')).toThrow(RangeError)
  })
})

describe('eulerAngles', () => {
  const rng = new SeededRng(99)
  const samples = Array.from({ length: 50 }, () => randomUnitary(2, rng))

  it('gives ZYZ/ZXZ/XYX/XZX angles that rebuild u as K(φ)·A(θ)·K(λ)', () => {
    const forms: [EulerBasis, 'rz' | 'rx', 'ry' | 'rx' | 'rz'][] = [
      ['ZYZ', 'rz', 'ry'],
      ['ZXZ', 'rz', 'rx'],
      ['XYX', 'rx', 'ry'],
      ['XZX', 'rx', 'rz'],
    ]
    for (const u of samples) {
      for (const [basis, k, a] of forms) {
        const { theta, phi, lambda, phase } = eulerAngles(u, basis)
        expect(theta).toBeGreaterThanOrEqual(0)
        expect(theta).toBeLessThanOrEqual(PI + 1e-15)
        const m = g(k, [phi])
          .mul(g(a, [theta]))
          .mul(g(k, [lambda]))
          .scale(Complex.expi(phase))
        expect(m.equals(u, 1e-12)).toBe(true)
      }
    }
  })

  it('gives U3 angles with u = e^{iφ}·u3(θ, φ, λ) and the U1X phase convention', () => {
    for (const u of samples) {
      const a = eulerAngles(u, 'U3')
      expect(
        g('u3', [a.theta, a.phi, a.lambda]).scale(Complex.expi(a.phase)).equals(u, 1e-12),
      ).toBe(true)
      const b = eulerAngles(u, 'PSX')
      const zyz = eulerAngles(u, 'ZYZ')
      expect(b.phase).toBeCloseTo(zyz.phase - (zyz.theta + zyz.phi + zyz.lambda) / 2, 12)
    }
  })

  it('matches hand-derived angles', () => {
    const h = eulerAngles(H, 'ZYZ')
    expect(h.theta).toBeCloseTo(PI / 2, 12)
    // H = i·rz(π)·ry(π/2)·rz(0) is not unique; check the product instead of φ, λ.
    const x = eulerAngles(g('x', []), 'U3')
    expect(x.theta).toBeCloseTo(PI, 12)
    const rz = eulerAngles(g('rz', [0.4]), 'ZYZ')
    expect(rz.theta).toBeCloseTo(0, 12)
    expect(rz.phi + rz.lambda).toBeCloseTo(0.4, 12)
  })
})
