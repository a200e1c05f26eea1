import { assertResultJson, Result, type ResultJson } from '@qfabric/core/providers'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { ResultJsonSchema, type ResultJsonBody } from '../../src/schemas/result-json.js'
import { result } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid, withChange } from '../__fixtures__/schema-assertions.js'

describe('ResultJsonSchema (Qiskit Result.to_dict())', () => {
  it('accepts a result that core’s Result reads, counts and statevector included', () => {
    expectValid(ResultJsonSchema, result)
    assertResultJson(result)
    const parsed = Result.fromJSON(result)
    expect(parsed.getCounts(0).toJSON()).toEqual({ '00': 517, '11': 507 })
  })

  it('is assignable to core’s ResultJson type', () => {
    expectTypeOf<ResultJsonBody>().toExtend<ResultJson>()
  })

  it('agrees with core’s assertResultJson on typical bad results', () => {
    const cases: [unknown, string][] = [
      [withChange(result, (r) => delete r['job_id']), '/job_id'],
      [withChange(result, (r) => (r['success'] = 'yes')), '/success'],
      [withChange(result, (r) => (r['results'] = {})), '/results'],
      [
        withChange(
          result,
          (r) => ((r['results'] as Record<string, unknown>[])[0]!['shots'] = 'many'),
        ),
        '/results/0/shots',
      ],
      [
        withChange(
          result,
          (r) => ((r['results'] as Record<string, unknown>[])[0]!['shots'] = [1, 2, 3]),
        ),
        '/results/0/shots',
      ],
      [
        withChange(result, (r) => delete (r['results'] as Record<string, unknown>[])[0]!['data']),
        '/results/0/data',
      ],
    ]
    for (const [bad, pointer] of cases) {
      expectInvalid(ResultJsonSchema, bad, pointer)
      expect(() => {
        assertResultJson(bad)
      }).toThrow(TypeError)
    }
  })

  it('checks what core does not: counts, complex pairs, measurement level', () => {
    const exp = (change: (e: Record<string, unknown>) => void) =>
      withChange(result, (r) => {
        change((r['results'] as Record<string, unknown>[])[0]!)
      })
    expectInvalid(
      ResultJsonSchema,
      exp((e) => (e['data'] = { counts: { '0x0': -1 } })),
      '/results/0/data/counts/0x0',
      'below_min',
    )
    expectInvalid(
      ResultJsonSchema,
      exp((e) => (e['data'] = { statevector: [[1, 0, 0]] })),
      '/results/0/data/statevector/0',
    )
    expectInvalid(
      ResultJsonSchema,
      exp((e) => (e['meas_level'] = 3)),
      '/results/0/meas_level',
    )
  })
})
