import { describe, it } from 'vitest'
import { API_VERSION } from '../../src/api-version.js'
import { HealthSchema, VersionInfoSchema } from '../../src/schemas/service-info.js'
import { T0 } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid } from '../__fixtures__/schema-assertions.js'

describe('service info schemas', () => {
  it('accept version and health answers', () => {
    expectValid(VersionInfoSchema, {
      server_version: '0.1.0',
      api_versions: [API_VERSION],
      compatible_clients: [{ name: '@qfabric/client', versions: '>=0.1.0 <0.2.0' }],
    })
    expectValid(HealthSchema, {
      status: 'degraded',
      time: T0,
      checks: {
        database: { status: 'ok', message: null },
        workers: { status: 'degraded', message: '0 of 2 alive' },
      },
    })
  })

  it('reject malformed API versions and health states', () => {
    expectInvalid(
      VersionInfoSchema,
      { server_version: '0.1.0', api_versions: ['v1'], compatible_clients: [] },
      '/api_versions/0',
      'pattern_mismatch',
    )
    expectInvalid(HealthSchema, { status: 'fine', time: T0, checks: {} }, '/status')
  })
})
