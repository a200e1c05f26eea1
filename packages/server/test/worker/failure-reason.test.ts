import { JobFailedError } from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import { failureReason } from '../../src/worker/failure-reason.js'
import { WorkerError } from '../../src/worker/worker-error.js'

describe('failureReason', () => {
  it('keeps the simulator’s code and message for an execution failure', () => {
    const error = new JobFailedError('j1', 'out of memory', { remoteCode: 'sim.backend.too-wide' })
    expect(failureReason(error)).toEqual({
      code: 'execution_error',
      message: 'out of memory',
      details: { error_code: 'sim.backend.too-wide' },
    })
  })

  it('reports an unloadable backend as internal, a bad input as an execution error', () => {
    const unavailable = new WorkerError('worker.backend-unavailable', 'gone')
    expect(failureReason(unavailable).code).toBe('internal')
    const invalid = new WorkerError('worker.input-invalid', 'circuit 0: bad')
    expect(failureReason(invalid)).toMatchObject({
      code: 'execution_error',
      details: { error_code: 'worker.input-invalid' },
    })
  })

  it('reports unknown errors as internal', () => {
    expect(failureReason(new Error('boom'))).toEqual({
      code: 'internal',
      message: 'boom',
      details: null,
    })
  })
})
