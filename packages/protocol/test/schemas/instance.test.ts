import { describe, it } from 'vitest'
import {
  InstanceLimitsSchema,
  InstanceListSchema,
  InstanceParamsSchema,
  InstanceSchema,
  InstanceSettingsSchema,
  UpdateInstanceSettingsSchema,
} from '../../src/schemas/instance.js'
import { instance, instanceLimits } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid, withChange } from '../__fixtures__/schema-assertions.js'

describe('instance schemas', () => {
  it('accept an instance with limits as {limit, used, remaining} and retention', () => {
    expectValid(InstanceSchema, instance)
    expectValid(InstanceListSchema, { items: [instance] })
    expectValid(InstanceLimitsSchema, instanceLimits)
    expectValid(InstanceParamsSchema, { hub: 'acme', group: 'research', project: 'vqe' })
  })

  it('allow unlimited limits as null', () => {
    expectValid(
      InstanceLimitsSchema,
      withChange(
        instanceLimits,
        (l) => (l['max_running_jobs'] = { limit: null, used: 3, remaining: null }),
      ),
    )
  })

  it('reject typical bad instances', () => {
    expectInvalid(
      InstanceSchema,
      withChange(instance, (i) => (i['hub'] = 'ACME')),
      '/hub',
      'pattern_mismatch',
    )
    expectInvalid(
      InstanceLimitsSchema,
      withChange(
        instanceLimits,
        (l) => ((l['max_pending_jobs'] as Record<string, unknown>)['used'] = -1),
      ),
      '/max_pending_jobs/used',
      'below_min',
    )
    expectInvalid(
      InstanceParamsSchema,
      { hub: 'acme', group: 'research', project: '..' },
      '/project',
      'pattern_mismatch',
    )
    expectInvalid(
      InstanceParamsSchema,
      { hub: 'a', group: 'b', project: 'c', extra: 'd' },
      '/extra',
      'unknown_property',
    )
  })

  it('validate admin settings: null inherits, at least one field on PATCH', () => {
    expectValid(InstanceSettingsSchema, {})
    expectValid(InstanceSettingsSchema, {
      max_running_jobs: 5,
      max_pending_jobs: null,
      result_ttl_days: 30,
    })
    expectInvalid(InstanceSettingsSchema, { max_running_jobs: -1 }, '/max_running_jobs')
    expectInvalid(InstanceSettingsSchema, { max_jobs: 1 }, '/max_jobs', 'unknown_property')
    expectValid(UpdateInstanceSettingsSchema, { description: null })
    expectInvalid(UpdateInstanceSettingsSchema, {}, '', 'too_few_properties')
  })
})
