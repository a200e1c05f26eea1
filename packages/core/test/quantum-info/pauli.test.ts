import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Complex } from '../../src/math/complex.js'
import { Pauli } from '../../src/quantum-info/pauli.js'
import { QuantumInfoError } from '../../src/quantum-info/quantum-info-error.js'
import { matrixFromJson, PY_MATRIX_HELPERS, pythonJson } from '../math/support/python.js'
import { embed } from './support.js'

const FC = { seed: 20240611, numRuns: 200 }
const pauliArb = (n: number): fc.Arbitrary<Pauli> =>
  fc
    .tuple(
      fc.constantFrom('', '-', 'i', '-i'),
      fc.array(fc.constantFrom('I', 'X', 'Y', 'Z'), { minLength: n, maxLength: n }),
    )
    .map(([ph, letters]) => new Pauli(ph + letters.join('')))

describe('Pauli', () => {
  it("parses Qiskit labels: rightmost letter is qubit 0, phase prefixes as Qiskit's", () => {
    const p = new Pauli('XYZI')
    expect(p.numQubits).toBe(4)
    expect([0, 1, 2, 3].map((q) => p.charAt(q))).toEqual(['I', 'Z', 'Y', 'X'])
    expect(p.x).toEqual([false, false, true, true])
    expect(p.z).toEqual([false, true, true, false])
    const phases: [string, number, string][] = [
      ['X', 0, 'X'],
      ['+X', 0, 'X'],
      ['-iX', 1, '-iX'],
      ['-jX', 1, '-iX'],
      ['-X', 2, '-X'],
      ['iX', 3, 'iX'],
      ['+1jX', 3, 'iX'],
      ['-1X', 2, '-X'],
    ]
    for (const [label, phase, canonical] of phases) {
      expect(new Pauli(label).phase, label).toBe(phase)
      expect(new Pauli(label).toLabel(), label).toBe(canonical)
    }
  })

  it('rejects invalid labels', () => {
    for (const bad of ['XA', 'x', 'i-X', '2X', 'X Y']) {
      expect(() => new Pauli(bad), bad).toThrow(QuantumInfoError)
    }
  })

  it('has the textbook multiplication table (XY = iZ, …)', () => {
    const dot = (a: string, b: string): string => new Pauli(a).dot(b).toLabel()
    expect(dot('X', 'Y')).toBe('iZ')
    expect(dot('Y', 'Z')).toBe('iX')
    expect(dot('Z', 'X')).toBe('iY')
    expect(dot('Y', 'X')).toBe('-iZ')
    expect(dot('Z', 'Y')).toBe('-iX')
    expect(dot('X', 'Z')).toBe('-iY')
    for (const p of ['I', 'X', 'Y', 'Z']) expect(dot(p, p)).toBe('I')
    // compose is "this, then other": X.compose(Y) = Y·X.
    expect(new Pauli('X').compose('Y').toLabel()).toBe('-iZ')
    expect(new Pauli('XY').compose(new Pauli('ZZ')).toLabel()).toBe('YX')
    expect(new Pauli('XY').compose(new Pauli('ZX')).toLabel()).toBe('-YZ')
    expect(new Pauli('iX').dot('-iX').toLabel()).toBe('I')
  })

  it('builds the matrices numpy builds from kron products', () => {
    const labels = ['XYZ', '-iXIY', 'iZZ', '-YI', 'I']
    const ref = pythonJson<number[][][][]>(`${PY_MATRIX_HELPERS}
P={'I':np.eye(2),'X':np.array([[0,1],[1,0]]),'Y':np.array([[0,-1j],[1j,0]]),'Z':np.diag([1,-1])}
ph={'':1,'-i':-1j,'-':-1,'i':1j}
out=[]
for lab in ${JSON.stringify(labels)}:
    pre=lab.rstrip('IXYZ'); body=lab[len(pre):]
    m=np.array([[1]])
    for ch in body: m=np.kron(m,P[ch])
    out.append(cm(ph[pre]*m))
print(json.dumps(out))`)
    labels.forEach((l, i) => {
      expect(new Pauli(l).toMatrix().equals(matrixFromJson(ref[i]!), 0), l).toBe(true)
    })
  })

  it('composes, dots, tensors and takes adjoints like the matrices (property)', () => {
    fc.assert(
      fc.property(pauliArb(3), pauliArb(3), (a, b) => {
        const ma = a.toMatrix()
        const mb = b.toMatrix()
        expect(a.compose(b).toMatrix().equals(mb.mul(ma), 0)).toBe(true)
        expect(a.dot(b).toMatrix().equals(ma.mul(mb), 0)).toBe(true)
        expect(a.compose(b, { front: true }).equals(a.dot(b))).toBe(true)
        expect(a.tensor(b).toMatrix().equals(ma.kron(mb), 0)).toBe(true)
        expect(a.expand(b).toMatrix().equals(mb.kron(ma), 0)).toBe(true)
        expect(a.adjoint().toMatrix().equals(ma.adjoint(), 0)).toBe(true)
        const commutator = ma.mul(mb).sub(mb.mul(ma))
        expect(a.commutes(b)).toBe(commutator.equals(ma.scale(0), 0))
        expect(a.anticommutes(b)).toBe(!a.commutes(b))
      }),
      FC,
    )
  })

  it('composes on qargs like the embedded matrix (property)', () => {
    const qargsArb = fc.constantFrom([0, 1], [2, 0], [3, 1], [1, 3], [2, 3])
    fc.assert(
      fc.property(pauliArb(4), pauliArb(2), qargsArb, (a, b, qargs) => {
        const full = embed(b.toMatrix(), qargs, 4)
        expect(a.compose(b, { qargs }).toMatrix().equals(full.mul(a.toMatrix()), 0)).toBe(true)
        expect(a.dot(b, { qargs }).toMatrix().equals(a.toMatrix().mul(full), 0)).toBe(true)
        const fullPauli = Pauli.identity(4).compose(b, { qargs })
        expect(a.commutes(b, qargs)).toBe(a.commutes(fullPauli))
      }),
      FC,
    )
  })

  it('compares with and without phase, and reports its phase factor and weight', () => {
    expect(new Pauli('-XY').equals(new Pauli('-XY'))).toBe(true)
    expect(new Pauli('-XY').equals(new Pauli('XY'))).toBe(false)
    expect(new Pauli('-XY').equiv(new Pauli('iXY'))).toBe(true)
    expect(new Pauli('XY').equiv(new Pauli('XYI'))).toBe(false)
    expect(new Pauli('iX').phaseFactor().equals(Complex.I)).toBe(true)
    expect(new Pauli('XIYI').weight()).toBe(2)
    expect(Pauli.fromSymplectic([true, false], [true, true], 2).toLabel()).toBe('-XY')
  })

  it('checks sizes and qargs', () => {
    expect(() => new Pauli('XY').compose('X')).toThrow(QuantumInfoError)
    expect(() => new Pauli('XY').compose('X', { qargs: [2] })).toThrow(RangeError)
    expect(() => new Pauli('XY').compose('XX', { qargs: [0, 0] })).toThrow(RangeError)
    expect(() => new Pauli('XY').charAt(2)).toThrow(RangeError)
  })
})
