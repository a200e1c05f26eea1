import { describe, expect, it } from 'vitest'
import {
  BackendConfiguration,
  BackendConfigurationError,
  DECLARED_CONFIGURATION_FIELDS,
} from '../../src/target/index.js'
import { DEVICES, readConfiguration } from './fixtures/fake-backends.js'

const REQUIRED = [
  'backend_name',
  'backend_version',
  'n_qubits',
  'basis_gates',
  'gates',
  'local',
  'simulator',
  'conditional',
  'open_pulse',
  'memory',
  'max_shots',
  'coupling_map',
]

describe.each(DEVICES)('BackendConfiguration of the %s snapshot', (device) => {
  const raw = readConfiguration(device)
  const conf = BackendConfiguration.fromJSON(raw)

  it('loads, with the JSON’s qubit count, basis gates and coupling map', () => {
    expect(conf.numQubits).toBe(raw.n_qubits)
    expect(conf.nQubits).toBe(raw.n_qubits)
    expect(conf.backendName).toBe(raw['backend_name'])
    expect(conf.basisGates).toEqual(raw.basis_gates)
    expect(conf.couplingMap).toEqual(raw.coupling_map)
    expect(conf.getCouplingMap()!.size()).toBe(raw.n_qubits)
    expect(conf.gates.map((g) => g.name)).toEqual(raw.gates.map((g) => g.name))
  })

  it('toJSON(fromJSON(json)) is the document exactly as read', () => {
    expect(conf.toJSON()).toEqual(raw)
    expect(BackendConfiguration.fromJSON(conf.toJSON()).toJSON()).toEqual(raw)
  })
})

describe('BackendConfiguration rules', () => {
  it('every required field must be present (BackendConfigurationError, code backend.configuration)', () => {
    for (const key of REQUIRED) {
      const raw = Object.fromEntries(
        Object.entries(readConfiguration('vigo')).filter(([k]) => k !== key),
      )
      expect(() => BackendConfiguration.fromJSON(raw), key).toThrow(BackendConfigurationError)
    }
    try {
      BackendConfiguration.fromJSON({})
      expect.unreachable()
    } catch (error) {
      expect((error as BackendConfigurationError).code).toBe('backend.configuration')
    }
    expect(() => BackendConfiguration.fromJSON([])).toThrow(BackendConfigurationError)
  })

  it('fields must have the right types', () => {
    const bad = (patch: Record<string, unknown>) => () =>
      BackendConfiguration.fromJSON({ ...readConfiguration('vigo'), ...patch })
    expect(bad({ n_qubits: '5' })).toThrow(/n_qubits/)
    expect(bad({ n_qubits: -1 })).toThrow(/n_qubits/)
    expect(bad({ basis_gates: 'cx' })).toThrow(/basis_gates/)
    expect(bad({ coupling_map: [[0, 'a']] })).toThrow(/coupling_map/)
    expect(bad({ dt: 'fast' })).toThrow(/dt/)
    expect(bad({ gates: [{ parameters: [] }] })).toThrow(/gates\[0\]/)
  })

  it('a null coupling map means all-to-all', () => {
    const conf = BackendConfiguration.fromJSON({ ...readConfiguration('vigo'), coupling_map: null })
    expect(conf.couplingMap).toBeNull()
    expect(conf.getCouplingMap()).toBeNull()
  })

  it('dt and dtm are given in ns and read in seconds', () => {
    const raw = readConfiguration('torino')
    const conf = BackendConfiguration.fromJSON(raw)
    expect(raw.dt).toBe(4)
    expect(conf.dt).toBe(4e-9)
    expect(conf.dtm).toBe(4e-9)
    expect(BackendConfiguration.fromJSON({ ...raw, dt: undefined, dtm: undefined }).dt).toBeNull()
  })

  it('rep_times, rep_delay_range and default_rep_delay are given in µs and read in seconds', () => {
    const raw = readConfiguration('lima')
    const conf = BackendConfiguration.fromJSON(raw)
    expect(conf.repTimes).toEqual((raw['rep_times'] as number[]).map((t) => t * 1e-6))
    expect(conf.repDelayRange).toEqual((raw['rep_delay_range'] as number[]).map((t) => t * 1e-6))
    expect(conf.defaultRepDelay).toBe((raw['default_rep_delay'] as number) * 1e-6)
  })

  it('max_experiments is kept only when truthy', () => {
    const raw = readConfiguration('vigo')
    expect(BackendConfiguration.fromJSON(raw).maxExperiments).toBe(75)
    expect(
      BackendConfiguration.fromJSON({ ...raw, max_experiments: 0 }).maxExperiments,
    ).toBeUndefined()
    const rest = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'max_experiments'))
    expect(BackendConfiguration.fromJSON(rest).maxExperiments).toBeUndefined()
  })

  it('unknown fields are kept in an overflow and readable, but are not "in" the configuration', () => {
    const conf = BackendConfiguration.fromJSON(readConfiguration('vigo'))
    expect(conf.get('quantum_volume')).toBe(16)
    expect(conf.extra['quantum_volume']).toBe(16)
    expect(conf.has('quantum_volume')).toBe(false)
    expect(conf.has('max_shots')).toBe(true)
    expect(conf.get('max_shots')).toBe(8192)
    expect(conf.has('dt')).toBe(true)
    expect(conf.get('no_such_field')).toBeUndefined()
    expect(DECLARED_CONFIGURATION_FIELDS.has('backend_name')).toBe(true)
    expect('backend_name' in conf.extra).toBe(false)
  })

  it('reads the optional fields: supported instructions, meas map, timing constraints, dates', () => {
    const raw = readConfiguration('sherbrooke')
    const conf = BackendConfiguration.fromJSON(raw)
    expect(conf.supportedInstructions).toEqual(raw.supported_instructions)
    expect(conf.measMap).toEqual(raw.meas_map)
    expect(conf.timingConstraints?.toJSON()).toEqual(raw.timing_constraints)
    expect(conf.onlineDate?.toISOString()).toBe('2022-09-23T04:00:00.000Z')
    expect(conf.description).toBe(raw['description'])
    expect(conf.processorType).toEqual(raw['processor_type'])
    expect(conf.simulator).toBe(false)
    expect(conf.openPulse).toBe(raw['open_pulse'])
    const vigo = BackendConfiguration.fromJSON(readConfiguration('vigo'))
    expect(vigo.timingConstraints).toBeNull()
    expect(vigo.processorType).toBeNull()
  })

  it('gate entries: parameters default to [], qasm_def and coupling_map to null', () => {
    const conf = BackendConfiguration.fromJSON(readConfiguration('lima'))
    const reset = conf.gates.find((g) => g.name === 'reset')!
    expect(reset).toEqual({ name: 'reset', parameters: [], qasmDef: null, couplingMap: null })
    expect(conf.gates.find((g) => g.name === 'rz')!.parameters).toEqual(['theta'])
  })

  it('is immutable: the input can change without affecting it, and its values are frozen', () => {
    const raw = readConfiguration('vigo')
    const conf = BackendConfiguration.fromJSON(raw)
    raw.basis_gates.push('h')
    expect(conf.basisGates).not.toContain('h')
    expect(Object.isFrozen(conf.basisGates)).toBe(true)
    const out = conf.toJSON() as unknown as { basis_gates: string[] }
    out.basis_gates.length = 0
    expect(conf.basisGates).toHaveLength(5)
  })
})
