import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  EquivalenceLibrary,
  standardEquivalenceLibrary,
} from '../../src/circuit/equivalence-library.js'
import { Gate } from '../../src/circuit/gate.js'
import { standardGate } from '../../src/circuit/library/standard-gates.js'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { ComplexMatrix } from '../../src/math/complex-matrix.js'
import { CouplingMap } from '../../src/target/coupling-map.js'
import { createGenericTarget } from '../../src/testing/generic-target.js'
import { getTranspileLayout } from '../../src/transpiler/layout/transpile-layout.js'
import { transpile } from '../../src/transpiler/transpile.js'
import { sessionEquivalenceLibrary } from '../../src/transpiler/translation/session-equivalence-library.js'
import { unsupportedOperations } from './preset/__fixtures__/devices.js'
import { assertEquivalent } from './preset/__fixtures__/equivalence.js'
import { randomCircuit } from './preset/__fixtures__/random-circuit.js'

// A provider's native two-qubit gate, CZ up to local phases (`cz` then `s ⊗ s`), with its own
// name and a definition (so its matrix is known and KAK synthesis can use it directly).
const nativeDefinition = new QuantumCircuit(2).cz(0, 1).s(0).s(1)
const native = new Gate({ name: 'native_cz', numQubits: 2, definition: nativeDefinition })
// The rule the provider registers: cz = native_cz · (sdg ⊗ sdg)
const czRule = new QuantumCircuit(2).append(native, [0, 1]).sdg(0).sdg(1)

/** An opaque native gate (no definition): only its matrix is known, for checking. */
class OpaqueCz extends Gate {
  constructor() {
    super({ name: 'opaque_cz', numQubits: 2 })
  }
  override toMatrix(): ComplexMatrix {
    return ComplexMatrix.fromRows([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, -1],
    ])
  }
}

function deviceWith(gate: Gate): ReturnType<typeof createGenericTarget> {
  return createGenericTarget({
    numQubits: 5,
    basisGates: ['rz', 'sx', 'x', gate.name],
    customGates: { [gate.name]: gate },
    couplingMap: CouplingMap.fromLine(5, { bidirectional: true }),
    seed: 5,
  })
}

describe('a target whose only two-qubit gate is a provider gate', () => {
  it('receives correctly translated circuits through a rule from cz in the session library', () => {
    sessionEquivalenceLibrary().addEquivalence(standardGate('cz'), czRule)
    const target = deviceWith(native)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(0, 1, 2, 3), (seed, level) => {
        const input = randomCircuit({ numQubits: 4, numGates: 20, seed, multiControlled: true })
        const out = transpile(input, { target, optimizationLevel: level, seed, seedTrials: 1 })
        expect(unsupportedOperations(out, target)).toEqual([])
        if (out.data.some((i) => i.qubits.length === 2)) {
          expect(out.countOps().has('native_cz')).toBe(true)
        }
        assertEquivalent(input, out, { layout: getTranspileLayout(out) })
      }),
      { seed: 17, numRuns: 12 },
    )
  })

  it('works with an opaque gate and a library passed to transpile', () => {
    const opaque = new OpaqueCz()
    const library = new EquivalenceLibrary({ base: standardEquivalenceLibrary() })
    library.addEquivalence(standardGate('cz'), new QuantumCircuit(2).append(opaque, [0, 1]))
    const target = deviceWith(opaque)
    for (const level of [0, 1, 2, 3]) {
      const input = new QuantumCircuit(3).h(0).cx(0, 1).ccx(0, 1, 2).swap(0, 2).rzz(0.3, 1, 2)
      const out = transpile(input, {
        target,
        optimizationLevel: level,
        equivalenceLibrary: library,
      })
      expect(unsupportedOperations(out, target)).toEqual([])
      assertEquivalent(input, out)
    }
  })
})
