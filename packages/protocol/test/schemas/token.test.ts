import { describe, it } from 'vitest'
import {
  CreatedTokenSchema,
  CreateTokenRequestSchema,
  TokenInfoSchema,
  TokenListSchema,
} from '../../src/schemas/token.js'
import { tokenInfo } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid } from '../__fixtures__/schema-assertions.js'

describe('token schemas', () => {
  it('accept a token record, the creation answer and a listing', () => {
    expectValid(TokenInfoSchema, tokenInfo)
    expectValid(TokenInfoSchema, { ...tokenInfo, instances: null, expires_at: null })
    expectValid(CreatedTokenSchema, {
      ...tokenInfo,
      token: `qjs_${tokenInfo.id}_${'a'.repeat(40)}`,
    })
    expectValid(TokenListSchema, { items: [tokenInfo] })
  })

  it('validate POST /v1/tokens', () => {
    expectValid(CreateTokenRequestSchema, { name: 'ci', scopes: ['jobs:read'] })
    expectValid(CreateTokenRequestSchema, {
      name: 'ci',
      scopes: ['jobs:read', 'jobs:write'],
      instances: ['acme/research/vqe'],
      expires_at: '2027-01-01T00:00:00Z',
    })
    expectInvalid(
      CreateTokenRequestSchema,
      { name: '', scopes: ['jobs:read'] },
      '/name',
      'too_short',
    )
    expectInvalid(CreateTokenRequestSchema, { name: 'ci', scopes: [] }, '/scopes', 'too_few_items')
    expectInvalid(CreateTokenRequestSchema, { name: 'ci', scopes: ['jobs:delete'] }, '/scopes/0')
    expectInvalid(
      CreateTokenRequestSchema,
      { name: 'ci', scopes: ['admin', 'admin'] },
      '/scopes',
      'duplicate_items',
    )
    expectInvalid(
      CreateTokenRequestSchema,
      { name: 'ci', scopes: ['admin'], secret: 'x' },
      '/secret',
      'unknown_property',
    )
  })

  it('never lists a secret: the creation answer has the token field, the record does not', () => {
    expectInvalid(CreatedTokenSchema, tokenInfo, '/token', 'required')
  })
})
