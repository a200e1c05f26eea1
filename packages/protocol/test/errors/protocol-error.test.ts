import { isQfabricError, QfabricError } from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import { PROTOCOL_ERROR_CODES, ProtocolError } from '../../src/errors/protocol-error.js'
import { isServiceErrorCode } from '../../src/errors/service-error-codes.js'

describe('ProtocolError', () => {
  it('is a QfabricError with an area.detail code mapped to a service code', () => {
    const error = new ProtocolError('protocol.cursor-mismatch', 'other filters')
    expect(error).toBeInstanceOf(QfabricError)
    expect(isQfabricError(error)).toBe(true)
    expect(error.name).toBe('ProtocolError')
    expect(error.code).toBe('protocol.cursor-mismatch')
    expect(error.serviceCode).toBe('cursor_mismatch')
    for (const [code, service] of Object.entries(PROTOCOL_ERROR_CODES)) {
      expect(code).toMatch(/^protocol\.[a-z]+(-[a-z]+)*$/)
      expect(isServiceErrorCode(service)).toBe(true)
    }
  })

  it('becomes a problem document with its field errors', () => {
    const cause = new Error('x')
    const error = new ProtocolError('protocol.validation-failed', 'bad shots', {
      errors: [
        {
          field: 'shots',
          pointer: '/shots',
          code: 'below_min',
          message: 'Expected integer to be greater or equal to 1',
        },
      ],
      cause,
    })
    expect(error.cause).toBe(cause)
    expect(error.toProblemDocument({ trace_id: 't1' })).toMatchObject({
      status: 422,
      code: 'validation_failed',
      detail: 'bad shots',
      trace_id: 't1',
      errors: [{ pointer: '/shots' }],
    })
    expect(
      new ProtocolError('protocol.invalid-cursor', 'x').toProblemDocument(),
    ).not.toHaveProperty('errors')
  })
})
