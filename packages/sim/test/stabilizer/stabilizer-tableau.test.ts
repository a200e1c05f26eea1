import { QuantumCircuit } from '@qfabric/core/circuit'
import { Pauli, Statevector } from '@qfabric/core/quantum-info'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StabilizerTableau } from '../../src/stabilizer/stabilizer-tableau.js'

const ONE_QUBIT = ['h', 's', 'sdg', 'x', 'y', 'z', 'sx', 'sxdg'] as const
const TWO_QUBIT = ['cx', 'cz', 'cy', 'swap'] as const
type GateName = (typeof ONE_QUBIT)[number] | (typeof TWO_QUBIT)[number]
interface GateStep {
  readonly name: GateName
  readonly qubits: readonly number[]
}

function gateArb(n: number): fc.Arbitrary<GateStep> {
  const one = fc.record({ name: fc.constantFrom(...ONE_QUBIT), qubits: fc.tuple(fc.nat(n - 1)) })
  if (n < 2) return one
  const pair = fc
    .tuple(fc.nat(n - 1), fc.nat(n - 2))
    .map(([a, b]) => [a, b >= a ? b + 1 : b] as const)
  return fc.oneof(one, fc.record({ name: fc.constantFrom(...TWO_QUBIT), qubits: pair }))
}

const circuitArb = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(gateArb(n), { maxLength: 40 })))

function build(
  n: number,
  steps: readonly GateStep[],
): { tableau: StabilizerTableau; circuit: QuantumCircuit } {
  const tableau = new StabilizerTableau(n)
  const circuit = new QuantumCircuit(n)
  for (const { name, qubits } of steps) {
    const [a, b] = qubits as [number, number]
    if (name === 'cx' || name === 'cz' || name === 'cy' || name === 'swap') {
      tableau[name](a, b)
      circuit[name](a, b)
    } else {
      tableau[name](a)
      circuit[name](a)
    }
  }
  return { tableau, circuit }
}

/** ⟨ψ|P|ψ⟩ for a signed label like '-XZ'. */
function expectation(state: Statevector, signed: string): number {
  const sign = signed.startsWith('-') ? -1 : 1
  const value = state.expectationValue(new Pauli(signed.slice(1)))
  expect(Math.abs(value.im)).toBeLessThan(1e-9)
  return sign * value.re
}

describe('StabilizerTableau', () => {
  it('starts in |0…0⟩ with stabilizers +Z_i and destabilizers X_i', () => {
    const t = new StabilizerTableau(3)
    expect(t.stabilizers()).toEqual(['+IIZ', '+IZI', '+ZII'])
    expect(t.destabilizers()).toEqual(['+IIX', '+IXI', '+XII'])
  })

  it('prepares a Bell state', () => {
    const t = new StabilizerTableau(2).h(0).cx(0, 1)
    expect(t.stabilizers()).toEqual(['+XX', '+ZZ'])
  })

  it.each([
    ['h', ['+X'], ['+Z']],
    ['s', ['+Z'], ['+Y']],
    ['sdg', ['+Z'], ['-Y']],
    ['x', ['-Z'], ['+X']],
    ['y', ['-Z'], ['+X']],
    ['z', ['+Z'], ['+X']],
    ['sx', ['-Y'], ['+X']],
    ['sxdg', ['+Y'], ['+X']],
  ] as const)('conjugates by %s as the Clifford tables say', (gate, stab, destab) => {
    const t = new StabilizerTableau(1)[gate](0)
    expect(t.stabilizers()).toEqual(stab)
    // Destabilizer signs carry no meaning; compare the Pauli only.
    expect(t.destabilizers().map((l) => l.slice(1))).toEqual(destab.map((l) => l.slice(1)))
  })

  it('agrees with the statevector on random Clifford circuits (every stabilizer has ⟨P⟩ = +1)', () => {
    fc.assert(
      fc.property(circuitArb, ([n, steps]) => {
        const { tableau, circuit } = build(n, steps)
        const state = Statevector.fromCircuit(circuit)
        for (const label of tableau.stabilizers())
          expect(expectation(state, label)).toBeCloseTo(1, 9)
      }),
      { seed: 20240611, numRuns: 200 },
    )
  })

  it('keeps the symplectic structure: destabilizer i anticommutes exactly with stabilizer i', () => {
    fc.assert(
      fc.property(circuitArb, ([n, steps]) => {
        const { tableau } = build(n, steps)
        const stab = tableau.stabilizers().map((l) => new Pauli(l.slice(1)))
        const destab = tableau.destabilizers().map((l) => new Pauli(l.slice(1)))
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            expect(stab[i]!.commutes(stab[j]!)).toBe(true)
            expect(destab[i]!.commutes(destab[j]!)).toBe(true)
            expect(destab[i]!.anticommutes(stab[j]!)).toBe(i === j)
          }
        }
      }),
      { seed: 7, numRuns: 100 },
    )
  })

  it('reports ⟨Z⟩ without collapsing', () => {
    const t = new StabilizerTableau(3).x(1).h(2)
    expect([t.expectationZ(0), t.expectationZ(1), t.expectationZ(2)]).toEqual([1, -1, 0])
  })

  it('clones independently', () => {
    const a = new StabilizerTableau(2).h(0)
    const b = a.clone().cx(0, 1)
    expect(a.stabilizers()).toEqual(['+IX', '+ZI'])
    expect(b.stabilizers()).toEqual(['+XX', '+ZZ'])
  })

  it('rejects bad qubit indices', () => {
    const t = new StabilizerTableau(2)
    expect(() => t.h(2)).toThrow(RangeError)
    expect(() => t.cx(1, 1)).toThrow(RangeError)
    expect(() => new StabilizerTableau(-1)).toThrow(RangeError)
  })
})
