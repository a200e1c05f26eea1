import { describe, expect, it } from 'vitest'
import { jobListQueryOf, serviceStatusesOf } from '../../src/remote/remote-job-filter.js'

describe('serviceStatusesOf', () => {
  it('maps core statuses onto the service statuses behind them', () => {
    expect(serviceStatusesOf('DONE')).toEqual(['COMPLETED'])
    expect(serviceStatusesOf(['RUNNING', 'ERROR'])).toEqual(['RUNNING', 'CANCELLING', 'FAILED'])
    expect(serviceStatusesOf(['CANCELLING', 'RUNNING'])).toEqual(['CANCELLING', 'RUNNING'])
    expect(serviceStatusesOf('INITIALIZING')).toEqual([])
    expect(serviceStatusesOf(undefined)).toBeUndefined()
    expect(() => serviceStatusesOf('done' as 'DONE')).toThrow(TypeError)
  })
})

describe('jobListQueryOf', () => {
  it('writes the listing query of a filter', () => {
    const created = new Date('2026-09-01T10:00:00.000Z')
    expect(
      jobListQueryOf(
        {
          backendName: 'fake_manila',
          name: 'bell',
          tags: ['a', 'b'],
          tagsMatch: 'any',
          createdAfter: created,
          createdBefore: '2026-09-02T00:00:00Z',
          descending: false,
          pending: true,
        },
        ['QUEUED'],
      ),
    ).toEqual({
      instance: undefined,
      status: ['QUEUED'],
      pending: true,
      backend: ['fake_manila'],
      name_prefix: 'bell',
      tag: ['a', 'b'],
      tags_match: 'any',
      created_after: '2026-09-01T10:00:00.000Z',
      created_before: '2026-09-02T00:00:00Z',
      order: 'asc',
    })
    expect(jobListQueryOf({}, undefined)).toMatchObject({ order: 'desc', tags_match: undefined })
  })
})
