import { describe, expect, it } from 'vitest'
import { DEFAULT_MEMBER_SCOPES } from '../../src/admin/provision-member.js'
import { ServiceAdmin } from '../../src/admin/service-admin.js'
import { isServiceRequestError } from '../../src/errors/client-errors.js'
import { useAdminFixture } from '../support/admin-fixture.js'

describe('ServiceAdmin.provisionMember', () => {
  const fixture = useAdminFixture()

  it('creates the instance, the user, the membership and a token the user can work with', async () => {
    const { admin, service } = fixture
    const made = await admin.provisionMember({
      instance: 'lab/team/beta',
      login: 'dora',
      settings: { description: 'beta runs', max_pending_jobs: 3 },
    })
    expect(made).toMatchObject({
      isNewInstance: true,
      isNewUser: true,
      instance: { instance: 'lab/team/beta', description: 'beta runs' },
      user: { login: 'dora' },
      membership: { instance: 'lab/team/beta', role: 'member' },
      token: { name: 'dora', scopes: [...DEFAULT_MEMBER_SCOPES] },
    })
    expect(made.instance.limits.max_pending_jobs.limit).toBe(3)
    expect(made.membership.user_id).toBe(made.user.id)

    const asDora = new ServiceAdmin({ url: service.url, token: made.token.token })
    expect((await asDora.listInstances()).map((i) => i.instance)).toEqual(['lab/team/beta'])
    expect((await asDora.listTokens()).map((t) => t.name)).toEqual(['dora'])
  })

  it('reuses an existing instance and login, sets the new role and adds a token', async () => {
    const { admin, service } = fixture
    const first = await admin.provisionMember({ instance: 'lab/team/gamma', login: 'eve' })
    const again = await admin.provisionMember({
      instance: 'lab/team/gamma',
      login: 'eve',
      role: 'viewer',
      scopes: ['jobs:read'],
      tokenName: 'eve-ci',
      settings: { description: 'ignored: the instance exists' },
    })
    expect(again.isNewInstance).toBe(false)
    expect(again.isNewUser).toBe(false)
    expect(again.user.id).toBe(first.user.id)
    expect(again.instance.description).toBe(first.instance.description)
    expect(again.membership.role).toBe('viewer')
    expect(again.token).toMatchObject({ name: 'eve-ci', scopes: ['jobs:read'] })
    expect(again.token.id).not.toBe(first.token.id)
    const memberships = await admin.listMemberships({ user_id: first.user.id })
    expect(memberships.map((m) => [m.instance, m.role])).toEqual([['lab/team/gamma', 'viewer']])
    // The fixture's own instance and user are reused the same way.
    const alice = await admin.provisionMember({ instance: service.instance, login: 'alice' })
    expect([alice.isNewInstance, alice.isNewUser]).toEqual([false, false])
  })

  it('needs an admin token, and creates nothing without one', async () => {
    const { admin, service } = fixture
    const member = new ServiceAdmin({ url: service.url, token: service.token })
    const refused = await member
      .provisionMember({ instance: 'lab/team/delta', login: 'mallory' })
      .catch((error: unknown) => error)
    expect(isServiceRequestError(refused, 'forbidden')).toBe(true)
    expect((await admin.listUsers()).map((u) => u.login)).not.toContain('mallory')
    expect((await admin.listInstances()).map((i) => i.instance)).not.toContain('lab/team/delta')
  })
})
