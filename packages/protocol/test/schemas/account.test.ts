import { describe, it } from 'vitest'
import {
  CreateMembershipRequestSchema,
  CreateUserRequestSchema,
  MeResponseSchema,
  MembershipListSchema,
  UpdateUserRequestSchema,
  UserListSchema,
  UserSchema,
} from '../../src/schemas/account.js'
import { T0, tokenInfo, user } from '../__fixtures__/examples.js'
import { expectInvalid, expectValid } from '../__fixtures__/schema-assertions.js'

const membership = {
  id: 'mem_01J9Z3',
  user_id: user.id,
  instance: 'acme/research',
  role: 'member',
  created_at: T0,
}

describe('account schemas', () => {
  it('accept a user, memberships and GET /v1/me', () => {
    expectValid(UserSchema, user)
    expectValid(UserListSchema, { items: [user] })
    expectValid(MembershipListSchema, {
      items: [membership, { ...membership, instance: 'acme', role: 'viewer' }],
    })
    expectValid(MeResponseSchema, {
      user,
      token: tokenInfo,
      memberships: [membership],
      instances: [{ instance: 'acme/research/vqe', role: 'member' }],
    })
  })

  it('reject typical bad accounts', () => {
    expectInvalid(UserSchema, { ...user, role: 'owner' }, '/role')
    expectInvalid(UserSchema, { ...user, login: 'Ada Lovelace' }, '/login', 'pattern_mismatch')
    expectInvalid(
      MembershipListSchema,
      { items: [{ ...membership, instance: 'acme/x/y/z' }] },
      '/items/0/instance',
    )
    expectInvalid(MeResponseSchema, { user, memberships: [], instances: [] }, '/token', 'required')
  })

  it('validate admin requests strictly', () => {
    expectValid(CreateUserRequestSchema, {
      login: 'grace',
      display_name: 'Grace Hopper',
      role: 'admin',
    })
    expectValid(CreateUserRequestSchema, { login: 'grace' })
    expectInvalid(
      CreateUserRequestSchema,
      { login: 'grace', password: 'x' },
      '/password',
      'unknown_property',
    )
    expectValid(UpdateUserRequestSchema, { status: 'disabled' })
    expectInvalid(UpdateUserRequestSchema, {}, '', 'too_few_properties')
    expectValid(CreateMembershipRequestSchema, {
      user_id: user.id,
      instance: 'acme',
      role: 'admin',
    })
    expectInvalid(
      CreateMembershipRequestSchema,
      { user_id: user.id, instance: 'acme', role: 'root' },
      '/role',
    )
  })
})
