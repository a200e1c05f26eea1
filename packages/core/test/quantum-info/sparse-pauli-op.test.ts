import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Complex } from '../../src/math/complex.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { Pauli } from '../../src/quantum-info/pauli.js'
import { QuantumInfoError } from '../../src/quantum-info/quantum-info-error.js'
import { SparsePauliOp } from '../../src/quantum-info/sparse-pauli-op.js'
import { matrixFromJson, PY_MATRIX_HELPERS, pythonJson } from '../math/support/python.js'
import { embed } from './support.js'

const FC = { seed: 77, numRuns: 100 }
const opArb = (n: number): fc.Arbitrary<SparsePauliOp> =>
  fc
    .array(
      fc.tuple(
        fc.array(fc.constantFrom('I', 'X', 'Y', 'Z'), { minLength: n, maxLength: n }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((terms) =>
      SparsePauliOp.fromList(terms.map(([l, re, im]) => [l.join(''), [re, im]] as const)),
    )

const PY_PAULIS = `${PY_MATRIX_HELPERS}
P={'I':np.eye(2),'X':np.array([[0,1],[1,0]]),'Y':np.array([[0,-1j],[1j,0]]),'Z':np.diag([1,-1])}
def kron_label(lab):
    m=np.array([[1]])
    for ch in lab: m=np.kron(m,P[ch])
    return m
`

describe('SparsePauliOp', () => {
  it('matches the numpy sum of kron products', () => {
    const terms: [string, [number, number]][] = [
      ['XZI', [0.5, 0]],
      ['YYZ', [-1.25, 0.3]],
      ['IIX', [0, 2]],
      ['XZI', [1, 0]],
    ]
    const ref = pythonJson<number[][][]>(`${PY_PAULIS}
m=sum(complex(re,im)*kron_label(l) for l,(re,im) in ${JSON.stringify(terms)})
print(json.dumps(cm(m)))`)
    const op = SparsePauliOp.fromList(terms)
    expect(op.numQubits).toBe(3)
    expect(op.size).toBe(4)
    expect(op.toMatrix().equals(matrixFromJson(ref), 1e-15)).toBe(true)
    expect(op.simplify().toMatrix().equals(matrixFromJson(ref), 1e-15)).toBe(true)
  })

  it('folds label phases into the coefficients', () => {
    const op = SparsePauliOp.fromList([
      ['-iXY', 2],
      ['-Z' + 'I', [0, 1]],
    ])
    expect(op.paulis.map((p) => p.toLabel())).toEqual(['XY', 'ZI'])
    expect(op.coeffs[0]!.equals(new Complex(0, -2))).toBe(true)
    expect(op.coeffs[1]!.equals(new Complex(0, -1))).toBe(true)
    expect(
      op
        .toMatrix()
        .equals(
          new Pauli('-iXY').toMatrix().scale(2).add(new Pauli('-ZI').toMatrix().scale(Complex.I)),
          1e-15,
        ),
    ).toBe(true)
  })

  it("builds from a sparse list with Qiskit's qubit mapping", () => {
    const op = SparsePauliOp.fromSparseList(
      [
        ['ZX', [1, 4], 2],
        ['YY', [0, 3], -1],
        ['X', [2]],
      ],
      5,
    )
    expect(op.toList().map(([l, c]) => [l, c.re])).toEqual([
      ['XIIZI', 2],
      ['IYIIY', -1],
      ['IIXII', 1],
    ])
    expect(() => SparsePauliOp.fromSparseList([['ZZ', [1, 1]]], 3)).toThrow(RangeError)
    expect(() => SparsePauliOp.fromSparseList([['Z', [3]]], 3)).toThrow(RangeError)
  })

  it('simplifies: merges repeats, drops cancelled terms, keeps first-appearance order', () => {
    const op = SparsePauliOp.fromList([
      ['XX', 1],
      ['ZZ', 2],
      ['XX', 2],
      ['ZZ', -2],
      ['YY', 1e-12],
    ])
    const s = op.simplify()
    expect(s.toList().map(([l, c]) => [l, c.re])).toEqual([['XX', 3]])
    const zero = SparsePauliOp.fromList([
      ['XY', 1],
      ['XY', -1],
    ]).simplify()
    expect(zero.toList().map(([l, c]) => [l, c.re])).toEqual([['II', 0]])
    expect(
      SparsePauliOp.fromList([], { numQubits: 2 }).toMatrix().equals(new ComplexMatrix(4, 4), 0),
    ).toBe(true)
  })

  it('adds, subtracts, scales, composes, tensors like the matrices (property)', () => {
    fc.assert(
      fc.property(opArb(3), opArb(3), fc.double({ min: -3, max: 3, noNaN: true }), (a, b, s) => {
        const ma = a.toMatrix()
        const mb = b.toMatrix()
        expect(a.add(b).toMatrix().equals(ma.add(mb), 1e-12)).toBe(true)
        expect(a.sub(b).toMatrix().equals(ma.sub(mb), 1e-12)).toBe(true)
        expect(a.mul(s).toMatrix().equals(ma.scale(s), 1e-12)).toBe(true)
        expect(a.compose(b).toMatrix().equals(mb.mul(ma), 1e-11)).toBe(true)
        expect(a.dot(b).toMatrix().equals(ma.mul(mb), 1e-11)).toBe(true)
        expect(a.tensor(b).toMatrix().equals(ma.kron(mb), 1e-11)).toBe(true)
        expect(a.expand(b).toMatrix().equals(mb.kron(ma), 1e-11)).toBe(true)
        expect(a.adjoint().toMatrix().equals(ma.adjoint(), 1e-12)).toBe(true)
        expect(a.compose(b).simplify(0).toMatrix().equals(mb.mul(ma), 1e-11)).toBe(true)
        expect(a.add(a).equiv(a.mul(2))).toBe(true)
      }),
      FC,
    )
  })

  it('composes on qargs', () => {
    const a = SparsePauliOp.fromList([
      ['XYZ', 1],
      ['IZI', [0, 0.5]],
    ])
    const b = SparsePauliOp.fromList([
      ['XZ', 2],
      ['YI', -1],
    ])
    const full = embed(b.toMatrix(), [2, 0], 3)
    expect(
      a
        .compose(b, { qargs: [2, 0] })
        .toMatrix()
        .equals(full.mul(a.toMatrix()), 1e-13),
    ).toBe(true)
    expect(
      a
        .dot(b, { qargs: [2, 0] })
        .toMatrix()
        .equals(a.toMatrix().mul(full), 1e-13),
    ).toBe(true)
  })

  it('compares, reports hermiticity and lists its terms', () => {
    const h = SparsePauliOp.fromList([
      ['ZZ', -1],
      ['XI', 0.5],
    ])
    expect(h.isHermitian()).toBe(true)
    expect(h.mul(Complex.I).isHermitian()).toBe(false)
    expect(
      h.equals(
        SparsePauliOp.fromList([
          ['ZZ', -1],
          ['XI', 0.5],
        ]),
      ),
    ).toBe(true)
    expect(
      h.equals(
        SparsePauliOp.fromList([
          ['XI', 0.5],
          ['ZZ', -1],
        ]),
      ),
    ).toBe(false)
    expect(
      h.equiv(
        SparsePauliOp.fromList([
          ['XI', 0.5],
          ['ZZ', -1],
        ]),
      ),
    ).toBe(true)
    expect(h.toString()).toContain('ZZ')
  })

  it('rejects mixed sizes and empty input', () => {
    expect(() =>
      SparsePauliOp.fromList([
        ['X', 1],
        ['XY', 1],
      ]),
    ).toThrow(QuantumInfoError)
    expect(() => SparsePauliOp.fromList([])).toThrow(RangeError)
    expect(() => new SparsePauliOp(['X'], [1, 2])).toThrow(RangeError)
    expect(() =>
      SparsePauliOp.fromList([['X', 1]]).add(SparsePauliOp.fromList([['XX', 1]])),
    ).toThrow(QuantumInfoError)
  })
})
