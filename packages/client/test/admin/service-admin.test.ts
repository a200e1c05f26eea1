import { describe, expect, it } from 'vitest'
import { ServiceAdmin } from '../../src/admin/service-admin.js'
import { isServiceRequestError } from '../../src/errors/client-errors.js'
import { useAdminFixture } from '../support/admin-fixture.js'

describe('ServiceAdmin', () => {
  const fixture = useAdminFixture()

  it('provisions an instance, a user, a membership and a token the user can use', async () => {
    const { admin, service } = fixture
    const instance = await admin.createInstance('lab/team/alpha', { description: 'alpha' })
    expect(instance).toMatchObject({ instance: 'lab/team/alpha', description: 'alpha' })
    const user = await admin.createUser({ login: 'bob' })
    expect(user.login).toBe('bob')
    const membership = await admin.createMembership({
      user_id: user.id,
      instance: 'lab/team',
      role: 'member',
    })
    expect(membership).toMatchObject({ user_id: user.id, instance: 'lab/team', role: 'member' })
    const created = await admin.createToken({
      name: 'bob-laptop',
      scopes: ['jobs:read'],
      user_id: user.id,
    })
    expect(created.token).toMatch(/^qjs_/)
    expect(created.prefix).toBe(created.token.slice(0, created.prefix.length))

    const asBob = new ServiceAdmin({ url: service.url, token: created.token })
    const visible = await asBob.listInstances()
    expect(visible.map((i) => i.instance)).toEqual(['lab/team/alpha'])
    const tokens = await asBob.listTokens()
    expect(tokens.map((t) => t.name)).toEqual(['bob-laptop'])
    expect(JSON.stringify(tokens)).not.toContain(created.token)
  })

  it('lists instances, users and memberships for an admin', async () => {
    const { admin, service } = fixture
    const instances = await admin.listInstances({ prefix: 'acme' })
    expect(instances.map((i) => i.instance)).toContain(service.instance)
    const users = await admin.listUsers()
    expect(users.map((u) => u.login)).toContain('alice')
    const memberships = await admin.listMemberships({ instance: service.instance })
    expect(memberships.length).toBeGreaterThan(0)
  })

  it('updates an instance and revokes a token', async () => {
    const { admin, service } = fixture
    const updated = await admin.updateInstance(service.instance, { max_pending_jobs: 7 })
    expect(updated.limits.max_pending_jobs.limit).toBe(7)
    const user = await admin.createUser({ login: 'carol' })
    const created = await admin.createToken({ name: 'c', scopes: ['jobs:read'], user_id: user.id })
    const asCarol = new ServiceAdmin({ url: service.url, token: created.token })
    await asCarol.listTokens()
    await asCarol.revokeToken(created.id)
    const refused = await asCarol.listTokens().catch((error: unknown) => error)
    expect(isServiceRequestError(refused, 'unauthenticated')).toBe(true)
  })

  it('refuses admin calls without the admin scope, with the service code', async () => {
    const { service } = fixture
    const member = new ServiceAdmin({ url: service.url, token: service.token })
    const refused = await member.createUser({ login: 'mallory' }).catch((error: unknown) => error)
    expect(isServiceRequestError(refused, 'forbidden')).toBe(true)
    expect(refused).toMatchObject({ status: 403 })
  })
})
