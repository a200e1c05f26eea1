import { describe, expect, it } from 'vitest'
import { isQfabricError, QfabricError } from '../../src/internal/qfabric-error.js'
import * as providers from '../../src/providers/index.js'
import {
  BackendNotFoundError,
  JobCancelledError,
  JobError,
  JobFailedError,
  JobTimeoutError,
  OptionValidationError,
  PROVIDER_ERROR_CODES,
  ResultError,
} from '../../src/providers/provider-errors.js'

describe('provider errors (qiskit-semantics §A.7, §C.13)', () => {
  it('A.7 JobTimeoutError is a JobError; every error is a QfabricError with a stable code and name', () => {
    const errors = [
      new BackendNotFoundError('x'),
      new JobError('job.invalid-state', 'x'),
      new JobTimeoutError('j', 10),
      new JobFailedError('j', 'boom', { remoteCode: 'E1' }),
      new JobCancelledError('j'),
      new OptionValidationError('option.unknown', 'x', { option: 'o', value: 1 }),
      new ResultError('result.no-data', 'x'),
    ]
    expect(errors.map((e) => e.code)).toEqual([
      'backend.not-found',
      'job.invalid-state',
      'job.timeout',
      'job.failed',
      'job.cancelled',
      'option.unknown',
      'result.no-data',
    ])
    expect(errors.map((e) => e.name)).toEqual([
      'BackendNotFoundError',
      'JobError',
      'JobTimeoutError',
      'JobFailedError',
      'JobCancelledError',
      'OptionValidationError',
      'ResultError',
    ])
    for (const e of errors) {
      expect(e).toBeInstanceOf(QfabricError)
      expect(isQfabricError(e)).toBe(true)
      expect(PROVIDER_ERROR_CODES).toContain(e.code)
    }
    for (const e of errors.slice(1, 5)) expect(e).toBeInstanceOf(JobError)
  })

  it('C.13 errors chain their cause', () => {
    const cause = new Error('socket closed')
    expect(new JobError('job.error', 'lost', { cause }).cause).toBe(cause)
  })

  it('the subpath re-exports the root error and the backend data errors', () => {
    expect(providers.QfabricError).toBe(QfabricError)
    expect(new providers.BackendConfigurationError('x').code).toBe('backend.configuration')
    expect(new providers.BackendPropertyError('x').code).toBe('backend.property')
  })
})
