import {
  BackendConfiguration,
  BackendProperties,
  type BackendConfigurationJson,
  type BackendPropertiesJson,
} from '@qfabric/core/target'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  BackendConfigurationJsonSchema,
  BackendPropertiesJsonSchema,
  type BackendConfigurationJsonBody,
  type BackendPropertiesJsonBody,
} from '../../src/schemas/backend-device-json.js'
import { deviceJson } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid, withChange } from '../__fixtures__/schema-assertions.js'

const DEVICES = [
  'vigo',
  'lima',
  'manila',
  'fractional',
  'nairobi',
  'guadalupe',
  'montreal',
  'kolkata',
  'washington',
  'sherbrooke',
  'torino',
  'fez',
]

describe('device configuration and properties schemas', () => {
  it('accept the 12 real IBM snapshots of shared/data, which core reads too', () => {
    for (const device of DEVICES) {
      const conf = deviceJson(device, 'conf')
      const props = deviceJson(device, 'props')
      expectValid(BackendConfigurationJsonSchema, conf)
      expectValid(BackendPropertiesJsonSchema, props)
      expect(
        BackendConfiguration.fromJSON(conf as BackendConfigurationJson).numQubits,
      ).toBeGreaterThan(0)
      expect(BackendProperties.fromJSON(props as BackendPropertiesJson).backendName).toBeTypeOf(
        'string',
      )
    }
  })

  it('type their bodies so that core’s fromJSON takes them', () => {
    expectTypeOf<BackendConfigurationJsonBody>().toExtend<BackendConfigurationJson>()
    expectTypeOf<BackendPropertiesJsonBody>().toExtend<BackendPropertiesJson>()
  })

  it('reject typical bad device data', () => {
    const conf = deviceJson('lima', 'conf')
    const props = deviceJson('lima', 'props')
    expectInvalid(
      BackendConfigurationJsonSchema,
      withChange(conf, (c) => delete c['n_qubits']),
      '/n_qubits',
      'required',
    )
    expectInvalid(
      BackendConfigurationJsonSchema,
      withChange(conf, (c) => (c['coupling_map'] = [[0, -1]])),
      '/coupling_map',
    )
    expectInvalid(
      BackendConfigurationJsonSchema,
      withChange(conf, (c) => (c['basis_gates'] = 'cx')),
      '/basis_gates',
      'wrong_type',
    )
    expectInvalid(
      BackendPropertiesJsonSchema,
      withChange(props, (p) => (p['gates'] = [{ gate: 'cx', qubits: [0, 1] }])),
      '/gates/0/parameters',
      'required',
    )
    expectInvalid(
      BackendPropertiesJsonSchema,
      withChange(
        props,
        (p) =>
          ((p['general'] as unknown[])[0] = { name: 'jq', unit: 'GHz', value: '1', date: 'x' }),
      ),
      '/general/0/value',
      'wrong_type',
    )
  })

  it('accept an all-to-all simulator configuration (coupling_map null)', () => {
    expectValid(BackendConfigurationJsonSchema, {
      backend_name: 'qasm_simulator',
      backend_version: '0.1.0',
      n_qubits: 30,
      basis_gates: ['u', 'cx'],
      gates: [{ name: 'cx', parameters: [], qasm_def: null }],
      local: true,
      simulator: true,
      conditional: true,
      open_pulse: false,
      memory: true,
      max_shots: 1000000,
      coupling_map: null,
    })
  })
})
