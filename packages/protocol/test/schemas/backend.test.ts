import { describe, it } from 'vitest'
import {
  AvailabilityWindowSchema,
  BackendListQuerySchema,
  BackendListSchema,
  BackendParamsSchema,
  BackendPropertiesQuerySchema,
  BackendSchema,
  BackendStatusResponseSchema,
} from '../../src/schemas/backend.js'
import { backend } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid, withChange } from '../__fixtures__/schema-assertions.js'

describe('backend schemas', () => {
  it('accept a backend with windows, limits and queue, and a listing', () => {
    expectValid(BackendSchema, backend)
    expectValid(BackendListSchema, {
      items: [
        backend,
        { ...backend, name: 'sim-statevector', kind: 'simulator', availability_windows: [] },
      ],
    })
  })

  it('reject typical bad backends', () => {
    expectInvalid(
      BackendSchema,
      withChange(backend, (b) => (b['status'] = 'busy')),
      '/status',
    )
    expectInvalid(
      BackendSchema,
      withChange(backend, (b) => (b['kind'] = 'annealer')),
      '/kind',
    )
    expectInvalid(
      BackendSchema,
      withChange(backend, (b) => delete b['queue']),
      '/queue',
      'required',
    )
    expectInvalid(
      BackendSchema,
      withChange(backend, (b) => ((b['limits'] as Record<string, unknown>)['max_shots'] = 0)),
      '/limits/max_shots',
    )
    expectInvalid(
      AvailabilityWindowSchema,
      { day: 'monday', start_hour: 24, end_hour: 24 },
      '/start_hour',
      'max_exceeded',
    )
    expectInvalid(AvailabilityWindowSchema, { day: 'Mon', start_hour: 1, end_hour: 2 }, '/day')
  })

  it('accept a status response core’s BackendStatus can read', () => {
    expectValid(BackendStatusResponseSchema, {
      backend_name: 'fake_lima',
      backend_version: '1.0.5',
      operational: true,
      pending_jobs: 3,
      status_msg: 'active',
      status: 'online',
      accepting_jobs: true,
      queue: backend.queue,
      next_window_start: null,
    })
  })

  it('validate listing and properties queries', () => {
    expectValid(BackendListQuerySchema, {
      kind: 'qpu',
      status: 'online',
      min_qubits: 5,
      instance: 'acme',
    })
    expectInvalid(BackendListQuerySchema, { min_qubits: -1 }, '/min_qubits', 'below_min')
    expectInvalid(BackendListQuerySchema, { simulator: true }, '/simulator', 'unknown_property')
    expectValid(BackendPropertiesQuerySchema, { at: '2021-03-15T00:00:00Z' })
    expectInvalid(
      BackendPropertiesQuerySchema,
      { at: '2021-03-15T00:00:00Z', calibration_id: 'c1' },
      '',
      'too_many_properties',
    )
    expectValid(BackendParamsSchema, { name: 'qasm_simulator' })
    expectInvalid(BackendParamsSchema, { name: 'a/b' }, '/name', 'pattern_mismatch')
  })
})
