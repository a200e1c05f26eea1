import { describe, expect, it } from 'vitest'
import { BackendProperties, BackendPropertyError, applyUnitPrefix } from '../../src/target/index.js'
import { DEVICES, UNIT_SCALE, rawQubitValue, readProperties } from './fixtures/fake-backends.js'

describe.each(DEVICES)('BackendProperties of the %s snapshot', (device) => {
  const raw = readProperties(device)
  const props = BackendProperties.fromJSON(raw)

  it('reads T1, T2, readout error and length of every qubit in SI units', () => {
    expect(props.numQubits).toBe(raw.qubits.length)
    for (let q = 0; q < raw.qubits.length; q++) {
      const t1 = rawQubitValue(raw, q, 'T1')!
      const t2 = rawQubitValue(raw, q, 'T2')!
      expect(props.t1(q)).toBeCloseTo(t1.value * UNIT_SCALE[t1.unit]!, 15)
      expect(props.t2(q)).toBeCloseTo(t2.value * UNIT_SCALE[t2.unit]!, 15)
      expect(props.readoutError(q)).toBe(rawQubitValue(raw, q, 'readout_error')!.value)
      expect(props.readoutLength(q)).toBeCloseTo(
        rawQubitValue(raw, q, 'readout_length')!.value * 1e-9,
        18,
      )
    }
  })

  it('reads every gate’s error and length', () => {
    for (const gate of raw.gates) {
      for (const p of gate.parameters) {
        const value = props.gateProperty(gate.gate, gate.qubits, p.name).value
        expect(value).toBeCloseTo(p.value * UNIT_SCALE[p.unit]!, 15)
      }
    }
  })

  it('toJSON(fromJSON(json)) is the document exactly as read', () => {
    expect(props.toJSON()).toEqual(raw)
  })
})

describe('BackendProperties accessors', () => {
  const raw = readProperties('lima')
  const props = BackendProperties.fromJSON(raw)

  it('t1/t2 (µs → s) and frequency (GHz → Hz) convert like Qiskit’s apply_prefix', () => {
    const t1 = rawQubitValue(raw, 0, 'T1')!.value
    expect(props.t1(0)).toBe(t1 / 1e6)
    const f = rawQubitValue(raw, 0, 'frequency')!.value
    expect(props.frequency(0)).toBe(f * 1e9)
    expect(props.qubitProperty(0, 'anharmonicity').value).toBe(
      rawQubitValue(raw, 0, 'anharmonicity')!.value * 1e9,
    )
  })

  it('qubitProperty without a name gives every property with its date', () => {
    const all = props.qubitProperty(1)
    expect([...all.keys()]).toEqual(raw.qubits[1]!.map((n) => n.name))
    expect(all.get('T1')!.date?.toISOString()).toBe(
      new Date(rawQubitValue(raw, 1, 'T1')!.date).toISOString(),
    )
  })

  it('gateError and gateLength take a qubit or a tuple', () => {
    const sx = raw.gates.find((g) => g.gate === 'sx' && g.qubits[0] === 3)!
    expect(props.gateError('sx', 3)).toBe(sx.parameters.find((p) => p.name === 'gate_error')!.value)
    expect(props.gateLength('sx', [3])).toBeCloseTo(
      sx.parameters.find((p) => p.name === 'gate_length')!.value * 1e-9,
      20,
    )
    expect([...props.gateProperty('cx', [3, 4]).keys()]).toEqual(['gate_error', 'gate_length'])
    expect(props.gateEntries('cx')).toHaveLength(8)
    expect(props.gateNames).toEqual(['id', 'rz', 'sx', 'x', 'cx', 'reset'])
  })

  it('missing data throws BackendPropertyError (code backend.property)', () => {
    expect(() => props.t1(9)).toThrow(BackendPropertyError)
    expect(() => props.qubitProperty(0, 'T3')).toThrow(/T3/)
    expect(() => props.gateError('ecr', [0, 1])).toThrow(BackendPropertyError)
    expect(() => props.gateError('cx', [0, 2])).toThrow(BackendPropertyError)
    expect(() => props.gateError('reset', [0])).toThrow(/gate_error/)
    expect(() => props.gateEntries('ecr')).toThrow(BackendPropertyError)
    const torino = BackendProperties.fromJSON(readProperties('torino'))
    try {
      torino.frequency(0)
      expect.unreachable()
    } catch (error) {
      expect((error as BackendPropertyError).code).toBe('backend.property')
    }
  })

  it('a qubit or gate is operational unless its operational property says otherwise', () => {
    expect(props.isQubitOperational(0)).toBe(true)
    expect(props.isGateOperational('cx', [0, 1])).toBe(true)
    expect(props.faultyQubits()).toEqual([])
    expect(props.faultyGates()).toEqual([])
    const patched = readProperties('lima')
    patched.qubits[2]!.push({
      date: patched.last_update_date,
      name: 'operational',
      unit: '',
      value: 0,
    })
    patched.gates[0]!.parameters.push({
      date: patched.last_update_date,
      name: 'operational',
      unit: '',
      value: 0,
    })
    const faulty = BackendProperties.fromJSON(patched)
    expect(faulty.isQubitOperational(2)).toBe(false)
    expect(faulty.faultyQubits()).toEqual([2])
    expect(faulty.isGateOperational(patched.gates[0]!.gate, patched.gates[0]!.qubits)).toBe(false)
    expect(faulty.faultyGates()).toEqual([
      { gate: patched.gates[0]!.gate, qubits: patched.gates[0]!.qubits },
    ])
  })

  it('toQubitProperties gives T1, T2 and frequency per qubit, null where missing', () => {
    const list = props.toQubitProperties()
    expect(list).toHaveLength(5)
    expect(list[2]!.t2).toBe(props.t2(2))
    expect(
      BackendProperties.fromJSON(readProperties('fez')).toQubitProperties()[0]!.frequency,
    ).toBeNull()
  })

  it('reads the header, general values and the update date', () => {
    expect(props.backendName).toBe(raw.backend_name)
    expect(props.lastUpdateDate?.getTime()).toBe(new Date(raw.last_update_date).getTime())
    const jq = raw.general[0]!
    expect(props.general.get(jq.name)!.value).toBe(jq.value * 1e9)
  })

  it('an unknown unit or a malformed document throws BackendPropertyError', () => {
    const patched = readProperties('lima')
    patched.qubits[0]![0]!.unit = 'xyz'
    expect(() => BackendProperties.fromJSON(patched)).toThrow(/xyz/)
    expect(() => BackendProperties.fromJSON({ ...readProperties('lima'), qubits: 'none' })).toThrow(
      BackendPropertyError,
    )
    expect(() =>
      BackendProperties.fromJSON({ ...readProperties('lima'), gates: [{ gate: 'x' }] }),
    ).toThrow(/gates\[0\]/)
    expect(() => BackendProperties.fromJSON(null)).toThrow(BackendPropertyError)
  })
})

describe('applyUnitPrefix', () => {
  it('converts SI prefixes to base units and passes unitless and one-letter units through', () => {
    expect(applyUnitPrefix(59.7, 'us')).toBe(59.7 / 1e6)
    expect(applyUnitPrefix(59.7, 'µs')).toBe(59.7 / 1e6)
    expect(applyUnitPrefix(305.7, 'ns')).toBe(305.7 / 1e9)
    expect(applyUnitPrefix(5.03, 'GHz')).toBe(5.03e9)
    expect(applyUnitPrefix(2, 'ms')).toBe(0.002)
    expect(applyUnitPrefix(3, 'kHz')).toBe(3000)
    expect(applyUnitPrefix(0.02, '')).toBe(0.02)
    expect(applyUnitPrefix(7, 's')).toBe(7)
    expect(applyUnitPrefix(7, 'Hz')).toBe(7)
    expect(applyUnitPrefix(7, 'm')).toBe(7)
    expect(() => applyUnitPrefix(1, 'xs')).toThrow(RangeError)
  })
})
