import { describe, it } from 'vitest'
import { JobLogsSchema, JobMetricsSchema } from '../../src/schemas/job-artifacts.js'
import { T0 } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid } from '../__fixtures__/schema-assertions.js'

describe('job artifact schemas', () => {
  it('accept logs and metrics', () => {
    expectValid(JobLogsSchema, {
      items: [{ time: T0, level: 'warning', message: 'option foo ignored' }],
    })
    expectValid(JobMetricsSchema, {
      timestamps: {
        QUEUED: T0,
        RUNNING: '2026-09-01T10:00:02Z',
        COMPLETED: '2026-09-01T10:00:03Z',
      },
      usage: { device_seconds: null, wall_seconds: 1.2 },
      queue_seconds: 2,
      run_seconds: 1.2,
      attempt: 1,
    })
  })

  it('reject bad log levels and negative durations', () => {
    expectInvalid(
      JobLogsSchema,
      { items: [{ time: T0, level: 'fatal', message: 'x' }] },
      '/items/0/level',
    )
    expectInvalid(
      JobMetricsSchema,
      {
        timestamps: {},
        usage: { device_seconds: null, wall_seconds: null },
        queue_seconds: -1,
        run_seconds: null,
        attempt: 1,
      },
      '/queue_seconds',
    )
  })
})
