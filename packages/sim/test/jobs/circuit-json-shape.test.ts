import { circuitToJson, clbitCondition, QuantumCircuit } from '@qfabric/core/circuit'
import { describe, expect, it } from 'vitest'
import { circuitJsonShape } from '../../src/jobs/circuit-json-shape.js'
import { isCliffordCircuit } from '../../src/stabilizer/is-clifford-circuit.js'

const shape = (qc: QuantumCircuit): ReturnType<typeof circuitJsonShape> =>
  circuitJsonShape(circuitToJson(qc))

describe('circuitJsonShape', () => {
  it('counts instructions and sweeps of a static circuit', () => {
    const bell = new QuantumCircuit(2, 2).h(0).cx(0, 1).barrier().measure(0, 0).measure(1, 1)
    // h: 1 sweep, cx: 2, the barrier none, each measurement 1.
    expect(shape(bell)).toEqual({
      instructions: 5,
      sweeps: 5,
      isDynamic: false,
      hasMeasure: true,
      isClifford: true,
    })
  })

  it('calls a circuit dynamic when a measured qubit is used again', () => {
    expect(shape(new QuantumCircuit(2, 2).measure(0, 0).h(1).measure(1, 1)).isDynamic).toBe(false)
    expect(shape(new QuantumCircuit(1, 1).measure(0, 0).x(0)).isDynamic).toBe(true)
    expect(shape(new QuantumCircuit(1, 1).measure(0, 0).measure(0, 0)).isDynamic).toBe(true)
    expect(shape(new QuantumCircuit(1, 1).reset(0).h(0)).isDynamic).toBe(true)
    const conditioned = new QuantumCircuit(2, 1).h(0).measure(0, 0)
    conditioned.ifTest(clbitCondition(0), (body) => body.x(1))
    expect(shape(conditioned)).toMatchObject({ isDynamic: true, isClifford: false })
  })

  it('multiplies a for loop body by its iterations', () => {
    const qc = new QuantumCircuit(1)
    qc.forLoop([0, 1, 2, 3], undefined, (body) => body.h(0).s(0))
    expect(shape(qc)).toMatchObject({ instructions: 1 + 4 * 2, sweeps: 4 * 2, isDynamic: true })
  })

  it('cannot bound a while loop', () => {
    const qc = new QuantumCircuit(1, 1).h(0).measure(0, 0)
    qc.whileLoop(clbitCondition(0), (body) => body.h(0).measure(0, 0))
    expect(shape(qc).sweeps).toBe(Infinity)
  })

  it('takes the expanded definition of a custom gate when it costs more', () => {
    const inner = new QuantumCircuit(3).h(0).cx(0, 1).cx(1, 2).ccx(0, 1, 2).h(2).h(1)
    const qc = new QuantumCircuit(3).append(inner.toGate({ label: 'blk' }), [0, 1, 2])
    const own = shape(inner)
    expect(shape(qc).sweeps).toBe(own.sweeps)
    expect(shape(qc).instructions).toBe(1 + own.instructions)
  })

  it('treats an unknown operation type as unbounded', () => {
    const json = circuitToJson(new QuantumCircuit(1).h(0))
    const future = { ...json, instructions: [{ ...json.instructions[0]!, type: 'teleport' }] }
    expect(circuitJsonShape(future as unknown as typeof json).instructions).toBe(Infinity)
  })

  it('only calls Clifford what the stabilizer simulator accepts', () => {
    const gates: [string, (qc: QuantumCircuit) => QuantumCircuit][] = [
      ['id', (qc) => qc.id(0)],
      ['x', (qc) => qc.x(0)],
      ['y', (qc) => qc.y(0)],
      ['z', (qc) => qc.z(0)],
      ['h', (qc) => qc.h(0)],
      ['s', (qc) => qc.s(0)],
      ['sdg', (qc) => qc.sdg(0)],
      ['sx', (qc) => qc.sx(0)],
      ['sxdg', (qc) => qc.sxdg(0)],
      ['cx', (qc) => qc.cx(0, 1)],
      ['cy', (qc) => qc.cy(0, 1)],
      ['cz', (qc) => qc.cz(0, 1)],
      ['swap', (qc) => qc.swap(0, 1)],
      ['t', (qc) => qc.t(0)],
      ['rz', (qc) => qc.rz(Math.PI / 2, 0)],
    ]
    for (const [name, add] of gates) {
      const qc = add(new QuantumCircuit(2, 2)).reset(1).measure(0, 0)
      // The shape may say "not sure" for a Clifford circuit (rz(π/2)), never the opposite.
      if (shape(qc).isClifford) expect(isCliffordCircuit(qc), name).toBe(true)
      else expect(['t', 'rz'], name).toContain(name)
    }
  })
})
