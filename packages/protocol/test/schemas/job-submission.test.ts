import { describe, it } from 'vitest'
import {
  CircuitInputSchema,
  IdempotencyHeadersSchema,
  JobSubmissionSchema,
} from '../../src/schemas/job-submission.js'
import { BELL_QASM2, submission } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid, withChange } from '../__fixtures__/schema-assertions.js'

describe('JobSubmissionSchema', () => {
  it('accepts a full submission with OpenQASM 3 and 2 circuits', () => {
    expectValid(JobSubmissionSchema, submission)
  })

  it('accepts the minimal submission: backend and circuits', () => {
    expectValid(JobSubmissionSchema, {
      backend: 'qasm_simulator',
      input: { circuits: [{ qasm: BELL_QASM2 }] },
    })
  })

  it('rejects typical bad submissions with a pointer to the field', () => {
    const bad = (change: (c: Record<string, unknown>) => void) => withChange(submission, change)
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => delete c['backend']),
      '/backend',
      'required',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['input'] = { circuits: [] })),
      '/input/circuits',
      'too_few_items',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['input'] = { circuits: [{ qasm: '' }] })),
      '/input/circuits/0/qasm',
      'too_short',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['input'] = { circuits: ['OPENQASM 3;'] })),
      '/input/circuits/0',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['shots'] = 0)),
      '/shots',
      'below_min',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['shots'] = 10.5)),
      '/shots',
      'wrong_type',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['shot'] = 100)),
      '/shot',
      'unknown_property',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['tags'] = ['x', 'x'])),
      '/tags',
      'duplicate_items',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['tags'] = ['bad\ntag'])),
      '/tags/0',
      'pattern_mismatch',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['visibility'] = 'global')),
      '/visibility',
      'invalid_value',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['backend'] = '../etc')),
      '/backend',
      'pattern_mismatch',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['program'] = 'Sampler V2')),
      '/program',
      'pattern_mismatch',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['options'] = { noise: { model: 1 } })),
      '/options/noise',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['metadata'] = [1])),
      '/metadata',
      'wrong_type',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['name'] = 'x'.repeat(201))),
      '/name',
      'too_long',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['session_id'] = 's1')),
      '/session_id',
      'unknown_property',
    )
    expectInvalid(
      JobSubmissionSchema,
      bad((c) => (c['client'] = { name: 'x' })),
      '/client/version',
      'required',
    )
  })

  it('rejects unknown fields of a circuit', () => {
    expectInvalid(CircuitInputSchema, { qasm: BELL_QASM2, shots: 5 }, '/shots', 'unknown_property')
  })

  it('checks the Idempotency-Key header syntax', () => {
    expectValid(IdempotencyHeadersSchema, {
      'idempotency-key': '6f1c2e0a-5d7b-4c1e-9a3f-2b8d4e6f8a0c',
    })
    expectValid(IdempotencyHeadersSchema, { 'content-type': 'application/json' })
    expectInvalid(
      IdempotencyHeadersSchema,
      { 'idempotency-key': 'has space' },
      '/idempotency-key',
      'pattern_mismatch',
    )
    expectInvalid(
      IdempotencyHeadersSchema,
      { 'idempotency-key': 'k'.repeat(65) },
      '/idempotency-key',
    )
  })
})
