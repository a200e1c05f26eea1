import { describe, expect, it } from 'vitest'
import { fieldErrorsFromAjv } from '../../src/validation/ajv-errors.js'

describe('fieldErrorsFromAjv', () => {
  it('points required and unknown members at the member itself', () => {
    const errors = fieldErrorsFromAjv(
      [
        {
          instancePath: '',
          keyword: 'required',
          message: "must have required property 'backend'",
          params: { missingProperty: 'backend' },
        },
        {
          instancePath: '/input',
          keyword: 'additionalProperties',
          message: 'must NOT have additional properties',
          params: { additionalProperty: 'a/b' },
        },
        {
          instancePath: '/shots',
          keyword: 'minimum',
          message: 'must be >= 1',
          params: { limit: 1 },
        },
        { instancePath: '/shots', keyword: 'type', message: 'must be integer', params: {} },
        { instancePath: '/visibility', keyword: 'anyOf', params: {} },
      ],
      'body',
    )
    expect(errors).toEqual([
      {
        in: 'body',
        pointer: '/backend',
        field: 'backend',
        code: 'required',
        message: "must have required property 'backend'",
      },
      {
        in: 'body',
        pointer: '/input/a~1b',
        field: 'input.a/b',
        code: 'unknown_property',
        message: 'must NOT have additional properties',
      },
      { in: 'body', pointer: '/shots', field: 'shots', code: 'below_min', message: 'must be >= 1' },
      {
        in: 'body',
        pointer: '/visibility',
        field: 'visibility',
        code: 'invalid_value',
        message: 'anyOf',
      },
    ])
  })

  it('maps Fastify’s validation contexts onto request parts', () => {
    const one = [{ instancePath: '/limit', keyword: 'maximum', params: {} }]
    expect(fieldErrorsFromAjv(one, 'querystring')[0]?.in).toBe('query')
    expect(fieldErrorsFromAjv(one, 'params')[0]?.in).toBe('path')
    expect(fieldErrorsFromAjv(one, 'headers')[0]?.in).toBe('header')
    expect(fieldErrorsFromAjv(one)[0]).not.toHaveProperty('in')
  })
})
