import { describe, expect, it } from 'vitest'
import {
  isProblemDocument,
  problemDocument,
  problemTypeUri,
} from '../../src/errors/problem-document.js'
import {
  SERVICE_ERROR_CODE_LIST,
  SERVICE_ERROR_CODES,
} from '../../src/errors/service-error-codes.js'
import { ProblemDocumentSchema } from '../../src/schemas/problem-document.js'
import { fieldErrors, isValid } from '../../src/validation/validate-value.js'
import { specProblem } from '../__fixtures__/examples.js'

describe('problemDocument', () => {
  it('reproduces the §8.10 example from its code, detail and extras', () => {
    const spec = specProblem()
    const doc = problemDocument('pending_job_limit_exceeded', spec['detail'] as string, {
      typeBase: 'https://q.example.com',
      retry_after_seconds: 30,
      trace_id: spec['trace_id'] as string,
      errors: [{ pointer: '/shots', field: 'shots', code: 'max_exceeded', message: 'max 100000' }],
      solution: spec['solution'] as string,
    })
    const { errors: specErrors, ...specRest } = spec
    const { errors, ...rest } = doc
    expect(rest).toEqual(specRest)
    expect(errors?.[0]).toMatchObject((specErrors as object[])[0]!)
    expect(isValid(ProblemDocumentSchema, spec)).toBe(true)
  })

  it('is valid, and has the table’s status, title and retryable, for every code', () => {
    for (const code of SERVICE_ERROR_CODE_LIST) {
      const doc = problemDocument(code, `about ${code}`)
      expect(fieldErrors(ProblemDocumentSchema, doc)).toEqual([])
      expect(isProblemDocument(doc)).toBe(true)
      expect(doc).toMatchObject({
        type: `/errors/${code}`,
        status: SERVICE_ERROR_CODES[code].status,
        title: SERVICE_ERROR_CODES[code].title,
        retryable: SERVICE_ERROR_CODES[code].retryable,
        code,
      })
    }
  })

  it('lets extras override type and retryable and carry job_status', () => {
    const doc = problemDocument('result_not_available', 'job is RUNNING', {
      type: 'about:blank',
      retryable: true,
      job_status: 'RUNNING',
    })
    expect(doc.type).toBe('about:blank')
    expect(doc.retryable).toBe(true)
    expect(doc.job_status).toBe('RUNNING')
    expect(doc.status).toBe(409)
  })

  it('rejects unknown codes', () => {
    expect(() => problemDocument('teapot' as never, 'x')).toThrow(TypeError)
  })

  it('builds type URIs relative or absolute', () => {
    expect(problemTypeUri('not_found')).toBe('/errors/not_found')
    expect(problemTypeUri('not_found', 'https://q.example.com/')).toBe(
      'https://q.example.com/errors/not_found',
    )
  })
})

describe('isProblemDocument', () => {
  it('accepts unknown codes (newer servers) and rejects non-problems', () => {
    expect(
      isProblemDocument({
        type: '/errors/x',
        title: 'X',
        status: 418,
        code: 'x',
        retryable: false,
      }),
    ).toBe(true)
    expect(
      isProblemDocument({
        type: '/errors/x',
        title: 'X',
        status: 200,
        code: 'x',
        retryable: false,
      }),
    ).toBe(false)
    expect(isProblemDocument({ type: '/errors/x', title: 'X', status: 404, code: 'x' })).toBe(false)
    expect(isProblemDocument({ title: 'X', status: 404, code: 'x', retryable: true })).toBe(false)
    expect(
      isProblemDocument({
        type: '/',
        title: 'X',
        status: 404,
        code: 'x',
        retryable: true,
        errors: {},
      }),
    ).toBe(false)
    expect(isProblemDocument(null)).toBe(false)
    expect(isProblemDocument([])).toBe(false)
    expect(isProblemDocument('not_found')).toBe(false)
  })
})
