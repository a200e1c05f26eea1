import { Type } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../src/errors/protocol-error.js'
import { JobSubmissionSchema } from '../../src/schemas/job-submission.js'
import { JobListQuerySchema } from '../../src/schemas/job-list.js'
import {
  assertValid,
  fieldErrors,
  isValid,
  validateValue,
  validationProblem,
  withDefaults,
} from '../../src/validation/validate-value.js'
import { submission } from '../__fixtures__/examples.js'

describe('validateValue', () => {
  it('returns the value when valid', () => {
    const result = validateValue(JobSubmissionSchema, submission, { in: 'body' })
    expect(result).toEqual({ ok: true, value: submission })
  })

  it('returns a 422 validation_failed problem with one JSON pointer per invalid field', () => {
    const body = {
      ...submission,
      shots: 0,
      tags: 'x',
      extra: 1,
      input: { circuits: [{ qasm: '' }] },
    }
    const result = validateValue(JobSubmissionSchema, body, { in: 'body' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem.status).toBe(422)
    expect(result.problem.code).toBe('validation_failed')
    expect(result.problem.errors).toEqual(result.errors)
    const byPointer = Object.fromEntries(result.errors.map((e) => [e.pointer ?? '', e] as const))
    expect(byPointer['/shots']).toMatchObject({ in: 'body', field: 'shots', code: 'below_min' })
    expect(byPointer['/tags']).toMatchObject({ code: 'wrong_type' })
    expect(byPointer['/extra']).toMatchObject({ code: 'unknown_property' })
    expect(byPointer['/input/circuits/0/qasm']).toMatchObject({
      field: 'input.circuits[0].qasm',
      code: 'too_short',
    })
    expect(result.problem.detail).toMatch(/^Invalid request body: \S+: .+ \(and 3 more\)\.$/)
  })

  it('reports each pointer once (the first TypeBox error) and honours maxErrors', () => {
    const errors = fieldErrors(JobSubmissionSchema, {})
    expect(errors.map((e) => e.pointer)).toEqual(['/backend', '/input'])
    expect(errors.every((e) => e.code === 'required')).toBe(true)
    expect(fieldErrors(JobSubmissionSchema, {}, { maxErrors: 1 })).toHaveLength(1)
  })

  it('escapes pointers per RFC 6901', () => {
    const schema = Type.Object({ 'a/b': Type.Object({ '~c': Type.Integer() }) })
    expect(fieldErrors(schema, { 'a/b': { '~c': 'x' } })[0]).toMatchObject({
      pointer: '/a~1b/~0c',
      field: 'a/b.~c',
    })
  })

  it('throws a ProtocolError from assertValid', () => {
    expect(assertValid(JobSubmissionSchema, submission)).toBe(submission)
    try {
      assertValid(JobSubmissionSchema, { backend: 'x' }, { in: 'body' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ProtocolError)
      expect((error as ProtocolError).serviceCode).toBe('validation_failed')
      expect((error as ProtocolError).errors[0]).toMatchObject({ pointer: '/input', in: 'body' })
    }
  })

  it('works as a type guard', () => {
    const value: unknown = submission
    expect(isValid(JobSubmissionSchema, value) && value.backend).toBe('sim-statevector')
    expect(isValid(JobSubmissionSchema, 42)).toBe(false)
  })

  it('fills defaults without touching the input', () => {
    const input = {}
    expect(withDefaults(JobListQuerySchema, input)).toMatchObject({
      limit: 20,
      order: 'desc',
      sort: 'created_at',
    })
    expect(input).toEqual({})
  })

  it('describes the root when the whole value is wrong', () => {
    expect(validationProblem(fieldErrors(JobSubmissionSchema, 'text'), 'body').detail).toBe(
      'Invalid request body: (root): Expected object.',
    )
    expect(validationProblem([]).detail).toBe('Invalid request.')
  })
})
