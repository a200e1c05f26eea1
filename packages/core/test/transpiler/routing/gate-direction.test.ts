import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clbitCondition,
  QuantumCircuit,
  standardGate,
  type StandardGateName,
} from '../../../src/circuit/index.js'
import { Operator } from '../../../src/quantum-info/operator.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { InstructionProperties } from '../../../src/target/instruction-properties.js'
import { Target } from '../../../src/target/target.js'
import { PassManager } from '../../../src/transpiler/passmanager/pass-manager.js'
import {
  CheckGateDirection,
  GateDirection,
} from '../../../src/transpiler/routing/gate-direction.js'
import { RoutingError } from '../../../src/transpiler/transpiler-error.js'

const FLIPPABLE: readonly [StandardGateName, number][] = [
  ['cx', 0],
  ['cz', 0],
  ['ecr', 0],
  ['swap', 0],
  ['iswap', 0],
  ['rzx', 1],
  ['rzz', 1],
  ['rxx', 1],
  ['ryy', 1],
  ['cp', 1],
  ['cs', 0],
  ['csdg', 0],
]

/** A one-way line 0 → 1 → … → n−1 plus the one-way edge n−1 → 0 (a directed ring). */
const oneWayRing = (n: number): CouplingMap => CouplingMap.fromRing(n, { bidirectional: false })

function expectOnlyAllowed(circuit: QuantumCircuit, map: CouplingMap): void {
  for (const inst of circuit.data) {
    if (inst.qubits.length === 2) {
      expect(map.hasEdge(inst.qubits[0]!, inst.qubits[1]!), inst.operation.name).toBe(true)
    }
  }
}

describe('GateDirection', () => {
  for (const [name, np] of FLIPPABLE) {
    it(`flips ${name} exactly (global phase included)`, () => {
      const gate = standardGate(name, np === 0 ? [] : [0.731])
      const qc = new QuantumCircuit(2).h(0).append(gate, [1, 0])
      const map = new CouplingMap([[0, 1]])
      const out = new PassManager([new GateDirection({ couplingMap: map })]).run(qc)
      expectOnlyAllowed(out, map)
      expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
    })
  }

  it('fixes random circuits on a one-way ring: equivalent, only allowed directions', () => {
    const map = oneWayRing(4)
    const gate = fc.record({
      which: fc.nat(FLIPPABLE.length - 1),
      edge: fc.nat(3),
      reverse: fc.boolean(),
      theta: fc.double({ min: -3, max: 3, noNaN: true }),
    })
    fc.assert(
      fc.property(fc.array(gate, { minLength: 1, maxLength: 12 }), (gates) => {
        const qc = new QuantumCircuit(4)
        for (const g of gates) {
          const [name, np] = FLIPPABLE[g.which]!
          const [a, b] = map.getEdges()[g.edge]!
          qc.append(standardGate(name, np === 0 ? [] : [g.theta]), g.reverse ? [b, a] : [a, b])
          qc.rx(g.theta, a)
        }
        const pm = new PassManager([
          new GateDirection({ couplingMap: map }),
          new CheckGateDirection({ couplingMap: map }),
        ])
        const { circuit, propertySet } = pm.runWithPropertySet(qc)
        expectOnlyAllowed(circuit, map)
        expect(propertySet.get('isDirectionMapped')).toBe(true)
        expect(Operator.fromCircuit(circuit).equals(Operator.fromCircuit(qc))).toBe(true)
      }),
      { seed: 5, numRuns: 40 },
    )
  })

  it('reads the allowed directions from a target', () => {
    const target = new Target({ numQubits: 2 })
      .addInstruction(standardGate('ecr'), [[[1, 0], new InstructionProperties({ error: 0.01 })]])
      .addInstruction(standardGate('h'))
      .addInstruction(standardGate('ry', [0.5]).withParams([0.5]), undefined)
    const qc = new QuantumCircuit(2).append(standardGate('ecr'), [0, 1])
    const check = new CheckGateDirection({ target })
    const before = new PassManager([check]).runWithPropertySet(qc).propertySet
    expect(before.get('isDirectionMapped')).toBe(false)
    const out = new PassManager([new GateDirection({ target })]).run(qc)
    expect(out.data.find((d) => d.operation.name === 'ecr')!.qubits).toEqual([1, 0])
    expect(Operator.fromCircuit(out).equals(Operator.fromCircuit(qc))).toBe(true)
  })

  it('keeps conditions on the flipped gates and fixes control-flow bodies', () => {
    const map = new CouplingMap([[2, 1]])
    const body = new QuantumCircuit(2, 1).cx(0, 1)
    const qc = new QuantumCircuit(3, 1)
      .append(standardGate('cx'), [1, 2], [], { condition: clbitCondition(0) })
      .ifElse(clbitCondition(0), body, undefined, [1, 2], [0])
    const out = new PassManager([new GateDirection({ couplingMap: map })]).run(qc)
    const flipped = out.data.filter((d) => d.operation.name !== 'if_else')
    expect(flipped.map((d) => d.operation.name)).toEqual(['h', 'h', 'cx', 'h', 'h'])
    expect(flipped.every((d) => d.condition !== undefined)).toBe(true)
    const ifElse = out.data.find((d) => d.operation.name === 'if_else')!
    const inner = (ifElse.operation as unknown as { blocks: QuantumCircuit[] }).blocks[0]!
    expect(inner.data.find((d) => d.operation.name === 'cx')!.qubits).toEqual([1, 0])
  })

  it('fails for a gate that cannot be flipped, or a pair with no coupling', () => {
    const map = new CouplingMap([[0, 1]])
    const cy = new QuantumCircuit(2).cy(1, 0)
    expect(() => new PassManager([new GateDirection({ couplingMap: map })]).run(cy)).toThrow(
      RoutingError,
    )
    const far = new QuantumCircuit(3).cx(0, 2)
    expect(() =>
      new PassManager([
        new GateDirection({
          couplingMap: new CouplingMap([
            [0, 1],
            [1, 2],
          ]),
        }),
      ]).run(far),
    ).toThrow(expect.objectContaining({ code: 'transpiler.gate-direction' }))
  })
})
