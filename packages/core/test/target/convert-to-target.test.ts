import { describe, expect, it } from 'vitest'
import { ForLoopOp, Gate, IfElseOp, standardGate, type Parameter } from '../../src/circuit/index.js'
import {
  BackendConfiguration,
  BackendProperties,
  convertToTarget,
  type BackendConfigurationJson,
  type BackendPropertiesJson,
  type TargetConversionWarning,
} from '../../src/target/index.js'
import {
  DEVICES,
  UNIT_SCALE,
  rawQubitValue,
  readConfiguration,
  readProperties,
  type Device,
} from './fixtures/fake-backends.js'

function load(device: Device) {
  const conf = readConfiguration(device)
  const props = readProperties(device)
  const warnings: TargetConversionWarning[] = []
  const target = convertToTarget(
    BackendConfiguration.fromJSON(conf),
    BackendProperties.fromJSON(props),
    {
      onWarning: (w) => warnings.push(w),
    },
  )
  return { conf, props, target, warnings }
}

const edgeSet = (edges: readonly (readonly number[])[]): Set<string> =>
  new Set(edges.map((e) => e.join(',')))

describe.each(DEVICES)('convertToTarget on the %s snapshot', (device) => {
  const { conf, props, target, warnings } = load(device)

  it('has the configuration’s qubit count, coupling edges and basis gates', () => {
    expect(target.numQubits).toBe(conf.n_qubits)
    const cmap = target.buildCouplingMap()!
    expect(cmap.size()).toBe(conf.n_qubits)
    expect(edgeSet(cmap.getEdges())).toEqual(edgeSet(conf.coupling_map))
    for (const gate of conf.basis_gates) expect(target.has(gate)).toBe(true)
    expect(target.has('measure')).toBe(true)
    expect(target.has('delay')).toBe(true)
    expect(target.dt).toBeCloseTo(conf.dt! * 1e-9, 22)
    expect(warnings.map((w) => w.name)).toEqual(
      (conf.supported_instructions ?? []).filter((n) => n === 'switch_case'),
    )
  })

  it('has T1 and T2 of qubit 0 in seconds, as the properties file says in µs', () => {
    for (const name of ['T1', 'T2'] as const) {
      const raw = rawQubitValue(props, 0, name)!
      expect(raw.unit).toBe('us')
      const value =
        name === 'T1' ? target.qubitProperties?.[0]?.t1 : target.qubitProperties?.[0]?.t2
      expect(value).toBeCloseTo(raw.value * 1e-6, 15)
    }
    const freq = rawQubitValue(props, 0, 'frequency')
    expect(target.qubitProperties?.[0]?.frequency ?? null).toBe(
      freq === undefined ? null : freq.value * UNIT_SCALE[freq.unit]!,
    )
  })

  it('has the error and length of a two-qubit gate as the properties file says', () => {
    const entry = props.gates.find(
      (g) => g.qubits.length === 2 && conf.basis_gates.includes(g.gate),
    )!
    const error = entry.parameters.find((p) => p.name === 'gate_error')!
    const length = entry.parameters.find((p) => p.name === 'gate_length')!
    const stored = target.get(entry.gate)!.get(entry.qubits)!
    expect(stored.error).toBe(error.value)
    expect(stored.duration).toBeCloseTo(length.value * UNIT_SCALE[length.unit]!, 20)
  })

  it('has measure on every qubit with readout error and length', () => {
    expect(target.qargsForOperationName('measure')).toHaveLength(conf.n_qubits)
    const last = conf.n_qubits - 1
    const measured = target.get('measure')!.get([last])!
    expect(measured.error).toBe(rawQubitValue(props, last, 'readout_error')!.value)
    expect(measured.duration).toBeCloseTo(
      rawQubitValue(props, last, 'readout_length')!.value * 1e-9,
      20,
    )
  })
})

describe('convertToTarget rules', () => {
  it('instruction set = basis gates ∪ {measure, delay} ∪ control flow listed in supported_instructions', () => {
    const { target } = load('fractional')
    expect(target.operationNames).toEqual([
      'id',
      'rz',
      'sx',
      'x',
      'cx',
      'reset',
      'rx',
      'rzz',
      'measure',
      'delay',
      'if_else',
      'while_loop',
    ])
    expect(target.operationFromName('if_else')).toBe(IfElseOp)
    // lima lists no control flow; reset is a basis gate there
    expect(load('lima').target.operationNames).toEqual([
      'id',
      'rz',
      'sx',
      'x',
      'cx',
      'reset',
      'measure',
      'delay',
    ])
    expect(load('manila').target.operationNames).toEqual([
      'cx',
      'id',
      'rz',
      'sx',
      'x',
      'measure',
      'delay',
      'reset',
      'if_else',
      'for_loop',
    ])
  })

  it('adds reset when supported_instructions lists it, with its calibrated length', () => {
    const { target, props } = load('torino')
    const raw = props.gates.find((g) => g.gate === 'reset' && g.qubits[0] === 3)!
    expect(target.get('reset')!.get([3])?.duration).toBeCloseTo(raw.parameters[0]!.value * 1e-9, 20)
    expect(target.get('reset')!.get([3])?.error).toBeNull()
  })

  it('drops names with no operation with an unknown-instruction warning (switch_case)', () => {
    const { target, warnings } = load('fez')
    expect(target.has('switch_case')).toBe(false)
    expect(target.operationFromName('for_loop')).toBe(ForLoopOp)
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'unknown-instruction', name: 'switch_case' }),
    ])
  })

  it('parameterised standard gates accept any angle (fractional rzz, rx)', () => {
    const { target } = load('fractional')
    expect(
      target.instructionSupported({ operationName: 'rzz', qargs: [0, 1], parameters: [0.3] }),
    ).toBe(true)
    expect(
      target.instructionSupported({ operationName: 'rx', qargs: [4], parameters: [-1.2] }),
    ).toBe(true)
    expect(
      target.instructionSupported({ operationName: 'rzz', qargs: [0, 2], parameters: [0.3] }),
    ).toBe(false)
  })

  it('a gate only in the configuration’s gate list becomes an opaque gate with its parameters', () => {
    const conf = readConfiguration('vigo')
    conf.basis_gates = [...conf.basis_gates, 'my_gate']
    conf.gates = [
      ...conf.gates,
      {
        name: 'my_gate',
        parameters: ['a', 'b'],
        coupling_map: [
          [0, 1],
          [1, 2],
        ],
      },
    ]
    const target = convertToTarget(BackendConfiguration.fromJSON(conf))
    const op = target.operationFromName('my_gate') as Gate
    expect(op).toBeInstanceOf(Gate)
    expect(op.numQubits).toBe(2)
    expect(op.params.map((p) => (p as Parameter).name)).toEqual(['a', 'b'])
    expect(target.qargsForOperationName('my_gate')).toEqual([
      [0, 1],
      [1, 2],
    ])
  })

  it('customNameMapping supplies operations for non-standard names', () => {
    const conf = readConfiguration('vigo')
    conf.basis_gates = [...conf.basis_gates, 'rzz_90']
    const rzz90 = standardGate('rzz', [Math.PI / 2])
    const target = convertToTarget(BackendConfiguration.fromJSON(conf), null, {
      customNameMapping: { rzz_90: rzz90 },
    })
    expect(target.operationFromName('rzz_90')).toBe(rzz90)
    expect(
      target.instructionSupported({
        operationName: 'rzz_90',
        qargs: [3, 4],
        parameters: [Math.PI / 2],
      }),
    ).toBe(true)
    expect(target.instructionSupported({ operationName: 'rzz_90', parameters: [Math.PI] })).toBe(
      false,
    )
  })

  it('a gate config’s coupling map ties the gate to those qubits even without properties', () => {
    const conf = readConfiguration('vigo')
    const target = convertToTarget(BackendConfiguration.fromJSON(conf))
    expect(edgeSet(target.qargsForOperationName('cx')!)).toEqual(edgeSet(conf.coupling_map))
    expect(target.get('cx')!.get([0, 1])).toBeNull()
    expect(target.qubitProperties).toBeNull()
  })

  it('without properties, measure and delay are on every qubit with no properties', () => {
    const target = convertToTarget(BackendConfiguration.fromJSON(readConfiguration('lima')))
    for (const name of ['measure', 'delay']) {
      expect(target.qargsForOperationName(name)).toEqual([[0], [1], [2], [3], [4]])
      expect(
        target
          .get(name)!
          .values()
          .every((p) => p === null),
      ).toBe(true)
    }
    // reset has a gate config without qubits: global
    expect(target.qargsForOperationName('reset')).toBeNull()
  })

  it('addDelay false leaves delay out', () => {
    const conf = BackendConfiguration.fromJSON(readConfiguration('lima'))
    expect(convertToTarget(conf, null, { addDelay: false }).has('delay')).toBe(false)
  })

  it('gate properties: error ← gate_error, duration ← gate_length (SI); qubit properties from T1/T2/frequency', () => {
    const { target } = load('lima')
    const sx2 = target.get('sx')!.get([2])!
    const raw = readProperties('lima').gates.find((g) => g.gate === 'sx' && g.qubits[0] === 2)!
    expect(sx2.error).toBe(raw.parameters.find((p) => p.name === 'gate_error')!.value)
    expect(sx2.duration).toBeCloseTo(
      raw.parameters.find((p) => p.name === 'gate_length')!.value * 1e-9,
      20,
    )
    expect(target.qubitProperties?.[3]?.frequency).toBeCloseTo(
      rawQubitValue(readProperties('lima'), 3, 'frequency')!.value * 1e9,
      0,
    )
    // Heron files have no frequency
    expect(load('torino').target.qubitProperties?.[0]?.frequency).toBeNull()
  })

  it('keeps couplers whose gate_error is 1 (how IBM marks broken ones), as Qiskit does', () => {
    const { target, props } = load('washington')
    const broken = props.gates.filter((g) =>
      g.parameters.some((p) => p.name === 'gate_error' && p.value === 1),
    )
    expect(broken).toHaveLength(6)
    for (const g of broken) expect(target.get(g.gate)!.get(g.qubits)?.error).toBe(1)
  })

  it('filterFaulty leaves out non-operational qubits and gates; without it they stay', () => {
    const conf = BackendConfiguration.fromJSON(readConfiguration('lima'))
    const raw = readProperties('lima')
    raw.qubits[4]!.push({ date: raw.last_update_date, name: 'operational', unit: '', value: 0 })
    const cx01 = raw.gates.find((g) => g.gate === 'cx' && g.qubits.join() === '0,1')!
    cx01.parameters.push({ date: raw.last_update_date, name: 'operational', unit: '', value: 0 })
    const props = BackendProperties.fromJSON(raw)
    expect(props.faultyQubits()).toEqual([4])
    expect(props.faultyGates()).toEqual([{ gate: 'cx', qubits: [0, 1] }])

    const filtered = convertToTarget(conf, props)
    expect(filtered.get('cx')!.has([0, 1])).toBe(false)
    expect(filtered.get('cx')!.has([3, 4])).toBe(false) // touches faulty qubit 4
    expect(filtered.get('cx')!.has([1, 0])).toBe(true)
    expect(filtered.get('x')!.has([4])).toBe(false)
    expect(filtered.get('measure')!.has([4])).toBe(false)
    expect(filtered.get('delay')!.has([4])).toBe(false)
    expect(filtered.numQubits).toBe(5)

    const unfiltered = convertToTarget(conf, props, { filterFaulty: false })
    expect(unfiltered.get('cx')!.has([0, 1])).toBe(true)
    expect(unfiltered.get('measure')!.has([4])).toBe(true)
  })

  it('takes dt and timing constraints from the configuration', () => {
    const { target } = load('sherbrooke')
    expect(target.dt).toBeCloseTo((2 / 9) * 1e-9, 22)
    expect(target.timingConstraints().toJSON()).toEqual({
      granularity: 16,
      min_length: 64,
      pulse_alignment: 16,
      acquire_alignment: 16,
    })
    const { target: fez } = load('fez')
    expect(fez.dt).toBe(4e-9)
    expect(fez.minLength).toBe(2)
    // sherbrooke's ECR couplers go one way only
    expect(target.buildCouplingMap()!.isSymmetric).toBe(false)
    expect(fez.buildCouplingMap()!.isSymmetric).toBe(true)
  })

  it('durations() reports calibrated gate lengths in dt', () => {
    const { target, props } = load('manila')
    const cx = props.gates.find((g) => g.gate === 'cx')!
    const ns = cx.parameters.find((p) => p.name === 'gate_length')!.value
    expect(target.durations().get('cx', cx.qubits)).toBe(Math.round((ns * 1e-9) / target.dt!))
  })

  it('typed JSON documents convert like parsed ones', () => {
    const conf: BackendConfigurationJson = readConfiguration(
      'nairobi',
    ) as unknown as BackendConfigurationJson
    const props: BackendPropertiesJson = readProperties(
      'nairobi',
    ) as unknown as BackendPropertiesJson
    const target = convertToTarget(new BackendConfiguration(conf), new BackendProperties(props))
    expect(target.numQubits).toBe(7)
  })
})
