import type { Membership, MeResponse, ProblemDocument, User, UserList } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../test-server.js'

describe('accounts', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it('tells the caller who they are, with memberships and usable instances', async () => {
    const me = (await t.request('GET', '/v1/me', { token: t.alice.token })).json as MeResponse
    expect(me.user).toMatchObject({
      id: t.alice.id,
      login: 'alice',
      role: 'member',
      status: 'active',
    })
    expect(me.token.scopes).toEqual(['jobs:read', 'jobs:write', 'backends:read'])
    expect('token_hash' in me.token).toBe(false)
    expect(me.memberships.map((m) => [m.instance, m.role])).toEqual([
      ['acme/research/vqe', 'member'],
    ])
    expect(me.instances).toEqual([{ instance: 'acme/research/vqe', role: 'member' }])
    const admin = (await t.request('GET', '/v1/me', { token: t.adminToken })).json as MeResponse
    expect(admin.user.role).toBe('admin')
    expect(admin.instances.map((i) => i.instance)).toEqual(['acme/research/vqe', 'other/lab/main'])
  })

  it('lets admins manage users (logins unique) and nobody else', async () => {
    const created = await t.request('POST', '/v1/users', {
      token: t.adminToken,
      body: { login: 'frank', display_name: 'Frank' },
    })
    expect(created.status).toBe(201)
    const frank = created.json as User
    expect(frank).toMatchObject({ login: 'frank', display_name: 'Frank', role: 'member' })
    const dup = await t.request('POST', '/v1/users', {
      token: t.adminToken,
      body: { login: 'frank' },
    })
    expect(dup.status).toBe(409)
    expect((dup.json as ProblemDocument).code).toBe('invalid_state')
    const list = (await t.request('GET', '/v1/users', { token: t.adminToken })).json as UserList
    expect(list.items.map((u) => u.login)).toEqual(
      expect.arrayContaining(['admin', 'alice', 'frank']),
    )
    const got = await t.request('GET', `/v1/users/${frank.id}`, { token: t.adminToken })
    expect(got.json).toEqual(frank)
    const patched = await t.request('PATCH', `/v1/users/${frank.id}`, {
      token: t.adminToken,
      body: { display_name: 'F.' },
    })
    expect((patched.json as User).display_name).toBe('F.')
    expect((await t.request('GET', '/v1/users/user_nobody', { token: t.adminToken })).status).toBe(
      404,
    )
    expect(
      (await t.request('POST', '/v1/users', { token: t.alice.token, body: { login: 'x' } })).status,
    ).toBe(403)
  })

  it('manages memberships; roles are inherited downwards', async () => {
    const user = (
      await t.request('POST', '/v1/users', { token: t.adminToken, body: { login: 'grace' } })
    ).json as User
    const m = await t.request('POST', '/v1/memberships', {
      token: t.adminToken,
      body: { user_id: user.id, instance: 'acme', role: 'viewer' },
    })
    expect(m.status).toBe(201)
    const membership = m.json as Membership
    const token = (
      (
        await t.request('POST', '/v1/tokens', {
          token: t.adminToken,
          body: { name: 'g', scopes: ['jobs:read', 'jobs:write'], user_id: user.id },
        })
      ).json as { token: string }
    ).token
    const me = (await t.request('GET', '/v1/me', { token })).json as MeResponse
    expect(me.instances).toEqual([{ instance: 'acme/research/vqe', role: 'viewer' }])
    const submit = await t.request('POST', '/v1/jobs', {
      token,
      body: { backend: 'sim', input: { circuits: [{ qasm: 'OPENQASM 3.0;\nqubit q;\n' }] } },
    })
    expect(submit.status).toBe(403)
    const listed = await t.request('GET', `/v1/memberships?user_id=${user.id}`, {
      token: t.adminToken,
    })
    expect((listed.json as { items: Membership[] }).items).toEqual([membership])
    const del = await t.request('DELETE', `/v1/memberships/${membership.id}`, {
      token: t.adminToken,
    })
    expect(del.status).toBe(204)
    const again = await t.request('DELETE', `/v1/memberships/${membership.id}`, {
      token: t.adminToken,
    })
    expect(again.status).toBe(404)
    expect(((await t.request('GET', '/v1/me', { token })).json as MeResponse).instances).toEqual([])
  })
})
