import { describe, expect, it } from 'vitest'
import { IfElseOp, Parameter, standardGate } from '../../src/circuit/index.js'
import {
  BackendConfiguration,
  BackendProperties,
  CouplingMap,
  InstructionDurations,
  Target,
  TimingConstraints,
  convertToTarget,
} from '../../src/target/index.js'
import { readConfiguration, readProperties } from './fixtures/fake-backends.js'

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return (error as { code?: string }).code
  }
  return undefined
}

describe('Target.fromConfiguration', () => {
  it('puts 1-qubit basis gates on every qubit and 2-qubit ones on every coupling edge', () => {
    const target = Target.fromConfiguration({
      basisGates: ['rz', 'sx', 'cx'],
      couplingMap: CouplingMap.fromLine(3, { bidirectional: false }),
    })
    expect(target.numQubits).toBe(3)
    expect(target.qargsForOperationName('rz')).toEqual([[0], [1], [2]])
    expect(target.qargsForOperationName('cx')).toEqual([
      [0, 1],
      [1, 2],
    ])
    expect(target.get('cx')!.get([0, 1])).toBeNull()
    expect(target.buildCouplingMap()!.getEdges()).toEqual([
      [0, 1],
      [1, 2],
    ])
    // the standard mapping makes parameterised gates accept any angle
    expect(
      target.instructionSupported({ operationName: 'rz', qargs: [2], parameters: [0.7] }),
    ).toBe(true)
  })

  it('without a coupling map, 2-qubit basis gates are global', () => {
    const target = Target.fromConfiguration({ basisGates: ['x', 'cz'], numQubits: 4 })
    expect(target.qargsForOperationName('cz')).toBeNull()
    expect(target.instructionSupported({ operationName: 'cz', qargs: [3, 0] })).toBe(true)
    expect(target.buildCouplingMap()).toBeNull()
  })

  it('looks up gate error and length in the backend properties, and qubit properties too', () => {
    const conf = BackendConfiguration.fromJSON(readConfiguration('vigo'))
    const props = BackendProperties.fromJSON(readProperties('vigo'))
    const target = Target.fromConfiguration({
      basisGates: conf.basisGates,
      couplingMap: conf.getCouplingMap(),
      backendProperties: props,
      dt: conf.dt,
    })
    const converted = convertToTarget(conf, props)
    for (const [qargs, p] of target.get('cx')!) {
      expect(p).toEqual(converted.get('cx')!.get(qargs))
      expect(p!.error).toBe(props.gateError('cx', qargs!))
    }
    expect(target.get('sx')!.get([4])!.duration).toBe(props.gateLength('sx', 4))
    expect(target.qubitProperties?.[1]?.t1).toBe(props.t1(1))
    expect(target.dt).toBe(conf.dt)
    expect(target.has('measure')).toBe(false) // only basis gates
  })

  it('instructionDurations override the properties’ lengths, and a missing one clears it (as Qiskit)', () => {
    const props = BackendProperties.fromJSON(readProperties('vigo'))
    const durations = new InstructionDurations([
      { name: 'x', qubits: [0], duration: 7e-8, unit: 's' },
    ])
    const target = Target.fromConfiguration({
      basisGates: ['x'],
      numQubits: 5,
      backendProperties: props,
      instructionDurations: durations,
    })
    expect(target.get('x')!.get([0])!.duration).toBe(7e-8)
    expect(target.get('x')!.get([1])!.duration).toBeNull()
    expect(target.get('x')!.get([1])!.error).toBe(props.gateError('x', 1))
  })

  it('numQubits defaults to the coupling map’s size; timing and measurement groups are kept', () => {
    const target = Target.fromConfiguration({
      basisGates: ['cx'],
      couplingMap: CouplingMap.fromHeavyHex(3),
      timingConstraints: new TimingConstraints({ granularity: 16, minLength: 64 }),
      concurrentMeasurements: [[0, 1, 2]],
    })
    expect(target.numQubits).toBe(19)
    expect(target.granularity).toBe(16)
    expect(target.minLength).toBe(64)
    expect(target.concurrentMeasurements).toEqual([[0, 1, 2]])
  })

  it('customNameMapping supplies operations and classes (classes are global)', () => {
    const myGate = standardGate('rzz', [new Parameter('t')])
    const target = Target.fromConfiguration({
      basisGates: ['my_rzz', 'if_else'],
      couplingMap: new CouplingMap([[0, 1]]),
      customNameMapping: new Map<string, typeof myGate | typeof IfElseOp>([
        ['my_rzz', myGate],
        ['if_else', IfElseOp],
      ]),
    })
    expect(target.operationFromName('my_rzz')).toBe(myGate)
    expect(target.qargsForOperationName('my_rzz')).toEqual([[0, 1]])
    expect(target.operationFromName('if_else')).toBe(IfElseOp)
    expect(target.qargsForOperationName('if_else')).toBeNull()
  })

  it('an unknown basis gate is target.unknown-instruction; one on more than 2 qubits target.invalid-instruction', () => {
    expect(codeOf(() => Target.fromConfiguration({ basisGates: ['magic'], numQubits: 1 }))).toBe(
      'target.unknown-instruction',
    )
    expect(codeOf(() => Target.fromConfiguration({ basisGates: ['ccx'], numQubits: 3 }))).toBe(
      'target.invalid-instruction',
    )
  })
})
