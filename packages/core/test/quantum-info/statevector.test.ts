import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CircuitError } from '../../src/circuit/circuit-error.js'
import { standardGate } from '../../src/circuit/library/standard-gates.js'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { SeededRng } from '../../src/internal/seeded-rng.js'
import { Complex } from '../../src/math/complex.js'
import { randomUnitary } from '../../src/math/random-unitary.js'
import { Operator } from '../../src/quantum-info/operator.js'
import { Pauli } from '../../src/quantum-info/pauli.js'
import { QuantumInfoError } from '../../src/quantum-info/quantum-info-error.js'
import { SparsePauliOp } from '../../src/quantum-info/sparse-pauli-op.js'
import { stateFidelity } from '../../src/quantum-info/fidelity.js'
import { Statevector } from '../../src/quantum-info/statevector.js'
import { pythonJson } from '../math/support/python.js'
import { pairs, randomCircuit } from './support.js'

const S = Math.SQRT1_2
const bell = (): Statevector => Statevector.fromCircuit(new QuantumCircuit(2).h(0).cx(0, 1))
const ghz = (): Statevector => Statevector.fromCircuit(new QuantumCircuit(3).h(0).cx(0, 1).cx(1, 2))

describe('Statevector', () => {
  it('prepares the Bell state with probabilities 1/2 on 00 and 11', () => {
    const sv = bell()
    expect(sv.numQubits).toBe(2)
    expect(sv.amplitude(0).equals(S, 1e-15)).toBe(true)
    expect(sv.amplitude(3).equals(S, 1e-15)).toBe(true)
    const probs = sv.probabilitiesDict()
    expect(Object.keys(probs).sort()).toEqual(['00', '11'])
    expect(probs['00']).toBeCloseTo(0.5, 15)
    expect(probs['11']).toBeCloseTo(0.5, 15)
    expect(Array.from(sv.probabilities([0]))).toEqual([
      expect.closeTo(0.5, 15),
      expect.closeTo(0.5, 15),
    ])
  })

  it('keys bitstrings little-endian, with qargs[0] rightmost', () => {
    // |q2 q1 q0⟩ = |0 1 1⟩ → index 3
    const sv = Statevector.fromCircuit(new QuantumCircuit(3).x(0).x(1))
    expect(sv.probabilitiesDict()).toEqual({ '011': 1 })
    expect(sv.probabilitiesDict([2, 0])).toEqual({ '10': 1 })
    expect(Array.from(sv.probabilities([1, 2]))).toEqual([0, 1, 0, 0])
    expect(sv.probabilitiesDict([0, 2])).toEqual({ '01': 1 })
    const plus = Statevector.fromCircuit(new QuantumCircuit(2).h(1))
    expect(plus.probabilitiesDict(undefined, 3)).toEqual({ '00': 0.5, '10': 0.5 })
  })

  it('gives the GHZ expectation values ⟨XXX⟩ = 1, ⟨ZZI⟩ = 1, ⟨YYX⟩ = -1, ⟨ZII⟩ = 0', () => {
    const sv = ghz()
    const ev = (l: string): number => sv.expectationValue(new Pauli(l)).re
    expect(ev('XXX')).toBeCloseTo(1, 14)
    expect(ev('ZZI')).toBeCloseTo(1, 14)
    expect(ev('IZZ')).toBeCloseTo(1, 14)
    expect(ev('YYX')).toBeCloseTo(-1, 14)
    expect(ev('XYY')).toBeCloseTo(-1, 14)
    expect(ev('ZII')).toBeCloseTo(0, 14)
    expect(ev('-XXX')).toBeCloseTo(-1, 14)
    expect(sv.expectationValue(new Pauli('iXXX')).im).toBeCloseTo(1, 14)
    const h = SparsePauliOp.fromList([
      ['XXX', 0.5],
      ['ZZI', -2],
      ['ZII', 3],
    ])
    expect(sv.expectationValue(h).re).toBeCloseTo(-1.5, 14)
    expect(sv.expectationValue(new Pauli('ZZ'), [0, 2]).re).toBeCloseTo(1, 14)
    expect(sv.expectationValue(new Pauli('X'), [1]).re).toBeCloseTo(0, 14)
  })

  it('agrees with numpy on expectation values of a random state', () => {
    const sv = Statevector.fromCircuit(randomCircuit(3, 20, new SeededRng(8)))
    const terms: [string, [number, number]][] = [
      ['XYZ', [1, 0]],
      ['ZIY', [0.3, -0.2]],
      ['IXX', [-1, 0.5]],
    ]
    const ref = pythonJson<[number, number]>(`
import numpy as np, json
P={'I':np.eye(2),'X':np.array([[0,1],[1,0]]),'Y':np.array([[0,-1j],[1j,0]]),'Z':np.diag([1,-1])}
psi=np.array([complex(a,b) for a,b in ${JSON.stringify(pairs(sv.data))}])
m=0
for lab,(re,im) in ${JSON.stringify(terms)}:
    k=np.array([[1]])
    for ch in lab: k=np.kron(k,P[ch])
    m=m+complex(re,im)*k
v=np.vdot(psi,m@psi)
print(json.dumps([v.real,v.imag]))`)
    const ev = sv.expectationValue(SparsePauliOp.fromList(terms))
    expect(ev.re).toBeCloseTo(ref[0], 13)
    expect(ev.im).toBeCloseTo(ref[1], 13)
    const viaOperator = sv.expectationValue(Operator.from(SparsePauliOp.fromList(terms)))
    expect(viaOperator.equals(ev, 1e-13)).toBe(true)
  })

  it('builds product states from labels (rightmost character is qubit 0)', () => {
    const sv = Statevector.fromLabel('01+-rl')
    const ref = pythonJson<[number, number][]>(`
import numpy as np, json
s=1/np.sqrt(2)
k={'0':[1,0],'1':[0,1],'+':[s,s],'-':[s,-s],'r':[s,1j*s],'l':[s,-1j*s]}
v=np.array([1])
for ch in '01+-rl': v=np.kron(v,np.array(k[ch]))
print(json.dumps([[z.real,z.imag] for z in v]))`)
    expect(sv.numQubits).toBe(6)
    ref.forEach(([re, im], i) => {
      expect(sv.amplitude(i).equals(new Complex(re, im), 1e-15)).toBe(true)
    })
    expect(Statevector.fromLabel('10').probabilitiesDict()).toEqual({ '10': 1 })
    expect(() => Statevector.fromLabel('0x')).toThrow(QuantumInfoError)
  })

  it('builds basis states from an integer and the dimension', () => {
    expect(Statevector.fromInt(5, 8).probabilitiesDict()).toEqual({ '101': 1 })
    expect(() => Statevector.fromInt(8, 8)).toThrow(RangeError)
    expect(() => Statevector.fromInt(0, 6)).toThrow(RangeError)
  })

  it('equals the first column of the circuit unitary on random circuits (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 5 }),
        (seed, n) => {
          const qc = randomCircuit(n, 15, new SeededRng(seed))
          const sv = Statevector.fromCircuit(qc)
          const u = Operator.fromCircuit(qc).data
          for (let i = 0; i < sv.dim; i++) {
            expect(sv.amplitude(i).equals(u.get(i, 0), 1e-12)).toBe(true)
          }
          expect(sv.isValid()).toBe(true)
        },
      ),
      { seed: 99, numRuns: 60 },
    )
  })

  it('evolves by operators and circuits, on qargs too', () => {
    const rng = new SeededRng(12)
    const start = Statevector.fromCircuit(randomCircuit(3, 10, rng))
    const u = new Operator(randomUnitary(4, rng))
    const full = Operator.from(new QuantumCircuit(3)).compose(u, { qargs: [2, 0] })
    const a = start.evolve(u, [2, 0])
    const b = start.evolve(full)
    expect(a.equals(b, { atol: 1e-12 })).toBe(true)
    const qc = randomCircuit(2, 8, rng)
    const c = start.evolve(qc, [1, 2])
    const d = start.evolve(Operator.fromCircuit(qc), [1, 2])
    expect(c.equals(d, { atol: 1e-12 })).toBe(true)
    expect(
      start.evolve(standardGate('h'), [1]).equals(start.evolve(new QuantumCircuit(3).h(1))),
    ).toBe(true)
  })

  it('samples reproducibly with a seed and with the right statistics', () => {
    const sv = bell()
    const a = sv.sampleCounts(4000, { seed: 5 })
    expect(sv.sampleCounts(4000, { seed: 5 })).toEqual(a)
    expect(Object.keys(a).sort()).toEqual(['00', '11'])
    expect(a['00']! + a['11']!).toBe(4000)
    expect(Math.abs(a['00']! - 2000)).toBeLessThan(200)
    const marg = Statevector.fromLabel('1+0').sampleCounts(1000, { seed: 1, qargs: [2, 0] })
    expect(marg).toEqual({ '01': 1000 })
    expect(sv.sampleCounts(0, { seed: 1 })).toEqual({})
    expect(() => sv.sampleCounts(-1)).toThrow(RangeError)
    const unseeded = sv.sampleCounts(10)
    expect(Object.values(unseeded).reduce((x, y) => x + y, 0)).toBe(10)
  })

  it('computes inner products, fidelities and phase-insensitive equality', () => {
    const plus = Statevector.fromLabel('+')
    const zero = Statevector.fromLabel('0')
    expect(plus.innerProduct(zero).equals(S, 1e-15)).toBe(true)
    expect(
      Statevector.fromLabel('r').innerProduct(Statevector.fromLabel('0')).equals(S, 1e-15),
    ).toBe(true)
    expect(
      Statevector.fromLabel('0').innerProduct(Statevector.fromLabel('r')).equals(S, 1e-15),
    ).toBe(true)
    expect(Statevector.fromLabel('r').innerProduct(Statevector.fromLabel('l')).abs()).toBeCloseTo(
      0,
      15,
    )
    expect(stateFidelity(plus, zero)).toBeCloseTo(0.5, 15)
    const sv = bell()
    const phased = new Statevector(
      Array.from({ length: 4 }, (_, i) => sv.amplitude(i).mul(Complex.expi(2))),
    )
    expect(sv.equiv(phased)).toBe(true)
    expect(sv.equals(phased)).toBe(false)
    expect(stateFidelity(sv, phased)).toBeCloseTo(1, 14)
    expect(() => stateFidelity(sv, new Statevector([1, 1, 0, 0]))).toThrow(QuantumInfoError)
    expect(() => sv.innerProduct(plus)).toThrow(QuantumInfoError)
  })

  it('tensors, expands, lists its amplitudes and checks its norm', () => {
    const t = Statevector.fromLabel('1').tensor(Statevector.fromLabel('0'))
    expect(t.probabilitiesDict()).toEqual({ '10': 1 })
    expect(
      Statevector.fromLabel('1').expand(Statevector.fromLabel('0')).probabilitiesDict(),
    ).toEqual({ '01': 1 })
    const dict = bell().toDict(12)
    expect(Object.keys(dict).sort()).toEqual(['00', '11'])
    expect(new Statevector([1, 1]).isValid()).toBe(false)
    expect(new Statevector([1, 1]).norm()).toBeCloseTo(Math.SQRT2, 15)
  })

  it('refuses measurements, resets, conditions and control flow', () => {
    expect(() => Statevector.fromCircuit(new QuantumCircuit(1, 1).h(0).measure(0, 0))).toThrow(
      CircuitError,
    )
    expect(() => Statevector.fromCircuit(new QuantumCircuit(1).reset(0))).toThrow(CircuitError)
    const body = new QuantumCircuit(1, 1).x(0)
    const withIf = new QuantumCircuit(1, 1).ifElse(
      { kind: 'clbit', clbit: 0, value: true },
      body,
      undefined,
      [0],
      [0],
    )
    expect(() => Statevector.fromCircuit(withIf)).toThrow(CircuitError)
    // Barriers and delays are no-ops; the global phase counts.
    const qc = new QuantumCircuit(1).h(0).barrier(0).delay(10, 0)
    qc.globalPhase = Math.PI
    expect(Statevector.fromCircuit(qc).amplitude(0).equals(-S, 1e-15)).toBe(true)
  })

  it('rejects a number of amplitudes that is not a power of two', () => {
    expect(() => new Statevector([1, 0, 0])).toThrow(RangeError)
  })
})
