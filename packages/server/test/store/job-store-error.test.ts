import { SERVICE_ERROR_CODES, isServiceErrorCode } from '@qfabric/protocol'
import { isQfabricError } from '@qfabric/core'
import { describe, expect, it } from 'vitest'
import {
  JOB_STORE_ERROR_CODES,
  JobStoreError,
  isJobStoreError,
} from '../../src/store/job-store-error.js'

describe('JobStoreError', () => {
  it('maps every code to a service error code of the protocol', () => {
    for (const [code, service] of Object.entries(JOB_STORE_ERROR_CODES)) {
      expect(code).toMatch(/^store\.[a-z-]+$/)
      expect(isServiceErrorCode(service)).toBe(true)
    }
    expect(SERVICE_ERROR_CODES[JOB_STORE_ERROR_CODES['store.not-found']].status).toBe(404)
    expect(SERVICE_ERROR_CODES[JOB_STORE_ERROR_CODES['store.pending-limit']].status).toBe(429)
    expect(SERVICE_ERROR_CODES[JOB_STORE_ERROR_CODES['store.idempotency-key-reused']].status).toBe(
      422,
    )
  })

  it('is a QfabricError with code, service code and cause', () => {
    const cause = new Error('driver')
    const error = new JobStoreError('store.lease-lost', 'gone', { cause })
    expect(error).toBeInstanceOf(Error)
    expect(isQfabricError(error)).toBe(true)
    expect(error).toMatchObject({
      name: 'JobStoreError',
      code: 'store.lease-lost',
      serviceCode: 'invalid_state',
      cause,
    })
    expect(isJobStoreError(error)).toBe(true)
    expect(isJobStoreError(error, 'store.lease-lost')).toBe(true)
    expect(isJobStoreError(error, 'store.not-found')).toBe(false)
    expect(isJobStoreError(new Error('x'))).toBe(false)
  })
})
