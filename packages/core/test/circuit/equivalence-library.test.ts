import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { circuitToMatrix } from '../../src/circuit/circuit-unitary.js'
import { CircuitError } from '../../src/circuit/circuit-error.js'
import { Gate } from '../../src/circuit/gate.js'
import { Parameter } from '../../src/circuit/parameter.js'
import {
  EquivalenceLibrary,
  standardEquivalenceLibrary,
} from '../../src/circuit/equivalence-library.js'
import { standardGate } from '../../src/circuit/library/standard-gates.js'
import { standardGateMatrix } from '../../src/circuit/library/standard-gate-matrices.js'
import {
  isStandardGateName,
  STANDARD_GATE_NAMES,
  STANDARD_GATE_SPECS,
  type StandardGateName,
} from '../../src/circuit/library/standard-gate-specs.js'
import { seededRandom } from './library/gate-test-cases.js'

const BASES: Record<string, ReadonlySet<string>> = {
  'cx-u': new Set(['cx', 'u', 'global_phase']),
  'cz-rz-sx-x': new Set(['cz', 'rz', 'sx', 'x']),
}

/** Every standard gate of fixed size, and mcx/mcp with 1–4 controls, as (name, numQubits). */
interface Key {
  readonly name: StandardGateName
  readonly numQubits: number
}

function standardKeys(): Key[] {
  return STANDARD_GATE_NAMES.flatMap((name): Key[] => {
    const n = STANDARD_GATE_SPECS[name].numQubits
    return n === 'variable'
      ? [1, 2, 3, 4].map((c) => ({ name, numQubits: c + 1 }))
      : [{ name, numQubits: n }]
  })
}

function opNames(qc: QuantumCircuit): Set<string> {
  return new Set(qc.data.map((inst) => inst.operation.name))
}

describe('standardEquivalenceLibrary', () => {
  const lib = standardEquivalenceLibrary()

  it('holds only exact rules: operator equality, global phase included, over 5 draws', () => {
    const next = seededRandom(2024)
    let checked = 0
    for (const key of lib.keys()) {
      expect(isStandardGateName(key.name), key.name).toBe(true)
      const name = key.name as StandardGateName
      const variable = STANDARD_GATE_SPECS[name].numQubits === 'variable'
      const numCtrlQubits = variable ? key.numQubits - 1 : undefined
      for (const { params, circuit } of lib.getEquivalences(key.name, key.numQubits)) {
        expect(params.map((p) => p.name)).toEqual([...STANDARD_GATE_SPECS[name].params])
        for (let draw = 0; draw < 5; draw++) {
          const values = params.map(() => (next() * 4 - 2) * Math.PI)
          const bound = circuit.assignParameters(new Map(params.map((p, i) => [p, values[i] ?? 0])))
          const expected = standardGateMatrix(name, values, { numCtrlQubits })
          const ops = [...opNames(circuit)].join(' ')
          expect(
            circuitToMatrix(bound).equals(expected, 1e-9),
            `${name}/${key.numQubits} → ${ops}`,
          ).toBe(true)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(5 * 150)
  })

  it('has, for every standard gate, a direct rule into {cx, u} and one into {cz, rz, sx, x}', () => {
    const missing: string[] = []
    for (const { name, numQubits } of standardKeys()) {
      for (const [basisName, basis] of Object.entries(BASES)) {
        if (basis.has(name)) continue
        const direct = lib
          .getEquivalences(name, numQubits)
          .some(({ circuit }) => [...opNames(circuit)].every((op) => basis.has(op)))
        if (!direct) missing.push(`${name}/${numQubits} → ${basisName}`)
      }
    }
    expect(missing).toEqual([])
  })

  it("includes Qiskit's usual rules", () => {
    const has = (name: string, n: number, ops: string[]) =>
      lib.getEquivalences(name, n).some(({ circuit }) => {
        const found = opNames(circuit)
        return found.size === ops.length && ops.every((o) => found.has(o))
      })
    expect(has('h', 1, ['u2'])).toBe(true)
    expect(has('u', 1, ['rz', 'sx'])).toBe(true)
    expect(has('cx', 2, ['h', 'cz'])).toBe(true)
    expect(has('cz', 2, ['h', 'cx'])).toBe(true)
    expect(has('cx', 2, ['sdg', 'sxdg', 'ecr', 'x'])).toBe(true)
    expect(has('ecr', 2, ['s', 'sx', 'cx', 'x'])).toBe(true)
    expect(has('ecr', 2, ['rzx', 'x'])).toBe(true)
    expect(has('cz', 2, ['rz', 'rzz'])).toBe(true)
    expect(has('rzz', 2, ['cx', 'rz'])).toBe(true)
  })

  it('returns a fresh library each time', () => {
    const a = standardEquivalenceLibrary()
    const b = standardEquivalenceLibrary()
    const theta = new Parameter('theta')
    a.setEquivalences(standardGate('rx', [theta]), [])
    expect(a.hasEntry('rx', 1)).toBe(false)
    expect(b.hasEntry('rx', 1)).toBe(true)
  })

  it('rebinds rules to a gate’s actual parameters with getEntry', () => {
    const g = standardGate('cu', [0.3, -1.1, 2.2, 0.7])
    const circuits = lib.getEntry(g)
    expect(circuits.length).toBeGreaterThan(1)
    for (const c of circuits) expect(circuitToMatrix(c).equals(g.toMatrix(), 1e-9)).toBe(true)
    const theta = new Parameter('t')
    const sym = lib.getEntry(standardGate('rx', [theta.mul(2)]))
    expect(sym.every((c) => c.parameters.length === 1 && c.parameters[0] === theta)).toBe(true)
  })
})

describe('EquivalenceLibrary', () => {
  const theta = new Parameter('theta')
  const myGate = new Gate({ name: 'my_rx', numQubits: 1, params: [theta] })
  const rule = () => new QuantumCircuit(1).append(standardGate('rx', [theta]), [0])

  it('files rules by name and number of qubits, own rules before the base library’s', () => {
    const base = new EquivalenceLibrary()
    base.addEquivalence(myGate, rule())
    const lib = new EquivalenceLibrary({ base })
    const other = rule().append(standardGate('id'), [0])
    lib.addEquivalence(myGate, other)
    const eqs = lib.getEquivalences('my_rx', 1)
    expect(eqs.map((e) => e.circuit.size())).toEqual([2, 1])
    expect(eqs[0]?.params).toEqual([theta])
    expect(base.getEquivalences('my_rx', 1)).toHaveLength(1)
    expect(lib.getEquivalences('my_rx', 2)).toEqual([])
    expect(lib.hasEntry(myGate)).toBe(true)
    expect(lib.hasEntry('my_rx', 2)).toBe(false)
    expect(lib.keys()).toEqual([{ name: 'my_rx', numQubits: 1 }])
  })

  it('extends the standard library without modifying it', () => {
    const std = standardEquivalenceLibrary()
    const before = std.getEquivalences('h', 1).length
    const lib = new EquivalenceLibrary({ base: std })
    lib.addEquivalence(
      standardGate('h'),
      new QuantumCircuit(1).append(standardGate('u2', [0, Math.PI]), [0]),
    )
    lib.addEquivalence(myGate, rule())
    expect(lib.getEquivalences('h', 1)).toHaveLength(before + 1)
    expect(std.getEquivalences('h', 1)).toHaveLength(before)
    expect(std.hasEntry('my_rx', 1)).toBe(false)
    expect(lib.keys().length).toBe(std.keys().length + 1)
  })

  it('replaces all rules, the base library’s included, with setEquivalences', () => {
    const base = new EquivalenceLibrary()
    base.addEquivalence(myGate, rule())
    const lib = new EquivalenceLibrary({ base })
    lib.setEquivalences(myGate, [])
    expect(lib.hasEntry(myGate)).toBe(false)
    expect(lib.keys()).toEqual([])
    lib.setEquivalences(myGate, [rule(), rule()])
    expect(lib.getEquivalences('my_rx', 1)).toHaveLength(2)
  })

  it('copies independently', () => {
    const lib = new EquivalenceLibrary()
    lib.addEquivalence(myGate, rule())
    const copy = lib.copy()
    copy.addEquivalence(myGate, rule())
    expect(lib.getEquivalences('my_rx', 1)).toHaveLength(1)
    expect(copy.getEquivalences('my_rx', 1)).toHaveLength(2)
  })

  it('rejects rules that do not fit the gate', () => {
    const lib = new EquivalenceLibrary()
    expect(() => {
      lib.addEquivalence(myGate, new QuantumCircuit(2).append(standardGate('rx', [theta]), [0]))
    }).toThrow(CircuitError)
    const phi = new Parameter('phi')
    expect(() => {
      lib.addEquivalence(myGate, new QuantumCircuit(1).append(standardGate('rx', [phi]), [0]))
    }).toThrow(CircuitError)
    expect(() => {
      lib.addEquivalence(myGate, new QuantumCircuit(1))
    }).toThrow(CircuitError)
    expect(() => {
      lib.addEquivalence(standardGate('rx', [0.5]), new QuantumCircuit(1))
    }).toThrow(TypeError)
    expect(() => {
      lib.addEquivalence(myGate, new QuantumCircuit(1, 1).append(standardGate('rx', [theta]), [0]))
    }).toThrow(expect.objectContaining({ code: 'circuit.invalid-operation' }))
  })
})
