import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CIRCUIT_JSON_VERSION,
  CircuitError,
  circuitFromJson,
  circuitToJson,
  circuitToMatrix,
  Gate,
  Instruction,
  QuantumCircuit,
  QuantumRegister,
  Qubit,
  UnitaryGate,
} from '../../src/circuit/index.js'
import { H, kronQubits, T } from './fixtures/dense.js'
import { randomCircuit, theta, vec } from './fixtures/random-circuit.js'

const roundTrip = (qc: QuantumCircuit): QuantumCircuit =>
  circuitFromJson(JSON.parse(JSON.stringify(circuitToJson(qc))) as unknown)

describe('circuit JSON', () => {
  it('round-trips random circuits instruction for instruction (fast-check, seeded)', () => {
    fc.assert(
      fc.property(randomCircuit(), (qc) => {
        const back = roundTrip(qc)
        expect(back.equals(qc)).toBe(true)
        // lossless: writing again gives the same document
        expect(circuitToJson(back)).toEqual(circuitToJson(qc))
        expect(back.parameters.map((p) => p.id)).toEqual(qc.parameters.map((p) => p.id))
        expect(back.data.map((d) => d.operation.label)).toEqual(
          qc.data.map((d) => d.operation.label),
        )
      }),
      { seed: 4242, numRuns: 120 },
    )
  })

  it('keeps unitaries: bound round-tripped circuits have the same matrix', () => {
    const values = new Map([
      [theta, 0.3],
      [vec.get(0), -0.2],
      [vec.get(1), 0.9],
      [vec.get(2), 1.7],
    ])
    const unitaryOnly = randomCircuit(1).map((qc) => {
      const out = qc.copyEmptyLike()
      for (const inst of qc.data) {
        const name = inst.operation.name
        if (inst.condition === undefined && !['measure', 'reset'].includes(name))
          out.appendRaw(inst)
      }
      return out
    })
    fc.assert(
      fc.property(unitaryOnly, (qc) => {
        const back = roundTrip(qc)
        const bind = (c: QuantumCircuit): QuantumCircuit =>
          c.assignParameters(
            new Map([...values].filter(([p]) => c.parameters.some((x) => x.id === p.id))),
          )
        expect(circuitToMatrix(bind(back)).equals(circuitToMatrix(bind(qc)), 1e-9)).toBe(true)
      }),
      { seed: 99, numRuns: 30 },
    )
  })

  it('writes the documented shape', () => {
    const qc = new QuantumCircuit(2, 1, { name: 'bell' })
      .h(0)
      .cx(0, 1)
      .rz(theta.div(2), 1)
      .measure(1, 0)
    const json = circuitToJson(qc)
    expect(json.format).toBe('qfabric.circuit')
    expect(json.version).toBe(CIRCUIT_JSON_VERSION)
    expect(json.qregs).toEqual([{ name: 'q', size: 2, bits: [0, 1] }])
    expect(json.cregs).toEqual([{ name: 'c', size: 1, bits: [0] }])
    expect(json.parameters).toEqual([{ name: 'θ', id: theta.id }])
    expect(json.instructions[2]).toMatchObject({
      type: 'standard',
      name: 'rz',
      qubits: [1],
      params: [
        {
          kind: 'binary',
          op: '/',
          left: { kind: 'param', id: theta.id },
          right: { kind: 'const', value: 2 },
        },
      ],
    })
  })

  it('keeps loose bits, registers over existing bits, and vector parameters', () => {
    const loose = new Qubit()
    const reg = new QuantumRegister([loose], 'alias')
    const qc = new QuantumCircuit([loose], new QuantumRegister(1, 'q'), reg)
      .rx(vec.get(2), 0)
      .ry(vec.get(0), 1)
    const back = roundTrip(qc)
    expect(back.qregs.map((r) => r.name)).toEqual(['q', 'alias'])
    expect(back.qubits[0]!.register).toBeUndefined()
    expect(back.qregs[1]!.bits[0]).toBe(back.qubits[0])
    expect(back.qregs[0]!.bits[0]!.register).toBe(back.qregs[0])
    const p = back.parameters
    expect(p.map((x) => x.name)).toEqual(['v[0]', 'v[2]'])
    expect(p[0]!.vector).toBe(p[1]!.vector)
    expect(p[1]!.index).toBe(2)
    expect(
      back.assignParameters(
        new Map([
          [vec.get(2), 1],
          [vec.get(0), 2],
        ]),
      ).numParameters,
    ).toBe(0)
  })

  it('keeps custom instructions with clbits, and non-finite constants', () => {
    const def = new QuantumCircuit(1, 1).h(0).measure(0, 0)
    const inst = new Instruction({ name: 'prep', numQubits: 1, numClbits: 1, definition: def })
    const qc = new QuantumCircuit(1, 1)
      .append(inst, [0], [0])
      .append(new Gate({ name: 'g', numQubits: 1, params: [Infinity] }), [0])
    const back = roundTrip(qc)
    expect(back.equals(qc)).toBe(true)
    expect(back.data[1]!.operation.params[0]).toBe(Infinity)
  })

  it('rejects documents that are not circuit JSON', () => {
    const good = circuitToJson(new QuantumCircuit(1).h(0))
    const bad: unknown[] = [
      null,
      { ...good, format: 'other' },
      { ...good, version: 99 },
      { ...good, instructions: [{ ...good.instructions[0], type: 'nope' }] },
      { ...good, instructions: [{ ...good.instructions[0], qubits: [5] }] },
      {
        ...good,
        instructions: [{ ...good.instructions[0], params: [{ kind: 'param', id: 'missing' }] }],
      },
    ]
    for (const doc of bad) {
      expect(() => circuitFromJson(doc)).toThrow(
        expect.objectContaining({ code: 'circuit.invalid-json' }),
      )
    }
    expect(() => circuitFromJson(null)).toThrow(CircuitError)
  })

  it('keeps the unitary of a unitary gate and the label', () => {
    const qc = new QuantumCircuit(2).append(new UnitaryGate(kronQubits([H, T]), 'ht'), [1, 0])
    const back = roundTrip(qc)
    expect(circuitToMatrix(back).equals(circuitToMatrix(qc))).toBe(true)
    expect(back.data[0]!.operation.label).toBe('ht')
  })
})
