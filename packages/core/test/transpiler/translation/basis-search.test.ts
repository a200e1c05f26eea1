import { describe, expect, it } from 'vitest'
import { EquivalenceLibrary } from '../../../src/circuit/equivalence-library.js'
import { Gate } from '../../../src/circuit/gate.js'
import { standardEquivalenceLibrary } from '../../../src/circuit/equivalence-library.js'
import { Parameter } from '../../../src/circuit/parameter.js'
import { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { applyTranslation, BasisSearch } from '../../../src/transpiler/translation/basis-search.js'

describe('BasisSearch', () => {
  it('finds the cheapest chain of rules', () => {
    const lib = new EquivalenceLibrary()
    const a = new Gate({ name: 'a', numQubits: 1 })
    const b = new Gate({ name: 'b', numQubits: 1 })
    // a → b b b (3) or a → c (c → b: 1 + … ) — the search must take a → c → b (cost 1).
    const c = new Gate({ name: 'c', numQubits: 1 })
    lib.addEquivalence(a, new QuantumCircuit(1).append(b, [0]).append(b, [0]).append(b, [0]))
    lib.addEquivalence(a, new QuantumCircuit(1).append(c, [0]))
    lib.addEquivalence(c, new QuantumCircuit(1).append(b, [0]))
    const search = new BasisSearch(lib, new Set(['b']))
    expect(search.translation('a', 1)?.gates.map((g) => g.operation.name)).toEqual(['b'])
    expect(search.translation('zzz', 1)).toBeUndefined()
  })

  it('composes rules symbolically and substitutes actual parameters', () => {
    const search = new BasisSearch(standardEquivalenceLibrary(), new Set(['rz', 'sx', 'x', 'cz']))
    const t = search.translation('crz', 2)!
    expect(t.params).toHaveLength(1)
    const theta = new Parameter('θ')
    const symbolic = applyTranslation(t, [theta])
    expect(symbolic.gates.some((g) => g.operation.isParameterized())).toBe(true)
    const numeric = applyTranslation(t, [0.5])
    expect(numeric.gates.every((g) => !g.operation.isParameterized())).toBe(true)
    expect(new Set(numeric.gates.map((g) => g.operation.name))).toEqual(new Set(['rz', 'sx', 'cz']))
  })

  it('prefers fewer two-qubit gates', () => {
    const search = new BasisSearch(standardEquivalenceLibrary(), new Set(['u', 'cx']))
    const swap = search.translation('swap', 2)!
    expect(swap.gates.filter((g) => g.operation.name === 'cx')).toHaveLength(3)
  })
})
