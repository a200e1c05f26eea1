import { describe, expect, it } from 'vitest'
import { BackendStatus } from '../../src/target/index.js'

const JSON_STATUS = {
  backend_name: 'ibmq_vigo',
  backend_version: '1.3.6',
  operational: true,
  pending_jobs: 3,
  status_msg: 'active',
}

describe('BackendStatus', () => {
  it('fromJSON/toJSON round-trip Qiskit’s status dictionary', () => {
    const status = BackendStatus.fromJSON(JSON_STATUS)
    expect(status.backendName).toBe('ibmq_vigo')
    expect(status.pendingJobs).toBe(3)
    expect(status.toJSON()).toEqual(JSON_STATUS)
    expect(JSON.parse(JSON.stringify(status))).toEqual(JSON_STATUS)
  })

  it('pending_jobs < 0 is an error', () => {
    expect(() => BackendStatus.fromJSON({ ...JSON_STATUS, pending_jobs: -1 })).toThrow(RangeError)
    expect(() => BackendStatus.fromJSON({ ...JSON_STATUS, pending_jobs: 1.5 })).toThrow(RangeError)
  })

  it('missing or mistyped fields are errors', () => {
    expect(() => BackendStatus.fromJSON({ ...JSON_STATUS, operational: 'yes' })).toThrow(TypeError)
    expect(() => BackendStatus.fromJSON({ pending_jobs: 0 })).toThrow(TypeError)
    expect(() => BackendStatus.fromJSON('active')).toThrow(TypeError)
  })

  it('equality is by fields', () => {
    const a = BackendStatus.fromJSON(JSON_STATUS)
    expect(a.equals(BackendStatus.fromJSON({ ...JSON_STATUS }))).toBe(true)
    expect(a.equals(BackendStatus.fromJSON({ ...JSON_STATUS, status_msg: 'maintenance' }))).toBe(
      false,
    )
    expect(Object.isFrozen(a)).toBe(true)
  })
})
