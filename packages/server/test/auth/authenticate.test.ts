import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { CreatedToken, ProblemDocument, TokenList } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock } from '../../src/store/clock.js'
import { BELL_QASM3, startTestServer, type TestServer } from '../http/test-server.js'

const code = (json: unknown) => (json as ProblemDocument).code

describe('authentication', () => {
  const clock = createManualClock(Date.UTC(2026, 8, 1, 10))
  let t: TestServer
  let dataDir: string

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qfabric-auth-'))
    t = await startTestServer({ clock, dataDir })
  })
  afterAll(async () => {
    await t.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  const createToken = async (body: Record<string, unknown>, token = t.alice.token) => {
    const r = await t.request('POST', '/v1/tokens', { token, body })
    expect(r.status, r.body).toBe(201)
    return r.json as CreatedToken
  }

  it('answers 401 without a token, with a malformed one and with an unknown one', async () => {
    const none = await t.request('GET', '/v1/me')
    expect(none.status).toBe(401)
    expect(code(none.json)).toBe('unauthenticated')
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/)
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/)
    const basic = await t.request('GET', '/v1/me', { headers: { authorization: 'Basic YTpi' } })
    expect(basic.status).toBe(401)
    expect((await t.request('GET', '/v1/me', { token: 'not-a-token' })).status).toBe(401)
    // Right shape, right id, wrong secret: still 401.
    const real = t.alice.token
    const forged = `${real.slice(0, -1)}${real.endsWith('0') ? '1' : '0'}`
    expect((await t.request('GET', '/v1/me', { token: forged })).status).toBe(401)
    expect((await t.request('GET', '/v1/me', { token: real })).status).toBe(200)
  })

  it('refuses a revoked token at once', async () => {
    const created = await createToken({ name: 'short-lived', scopes: ['jobs:read'] })
    expect((await t.request('GET', '/v1/me', { token: created.token })).status).toBe(200)
    const revoke = await t.request('DELETE', `/v1/tokens/${created.id}`, { token: t.alice.token })
    expect(revoke.status).toBe(204)
    const after = await t.request('GET', '/v1/me', { token: created.token })
    expect(after.status).toBe(401)
    expect((after.json as ProblemDocument).detail).toMatch(/revoked/)
    const list = (await t.request('GET', '/v1/tokens', { token: t.alice.token })).json as TokenList
    expect(list.items.map((i) => i.id)).not.toContain(created.id)
  })

  it('refuses at once a token revoked or a user disabled in the store (no stale cached caller)', async () => {
    const created = await createToken({ name: 'cached', scopes: ['jobs:read'] })
    // Authenticated (and remembered) twice, well within the cache's lifetime.
    expect((await t.request('GET', '/v1/me', { token: created.token })).status).toBe(200)
    expect((await t.request('GET', '/v1/me', { token: created.token })).status).toBe(200)
    await t.server.store.revokeToken(created.id)
    expect((await t.request('GET', '/v1/me', { token: created.token })).status).toBe(401)

    const user = await t.request('POST', '/v1/users', {
      token: t.adminToken,
      body: { login: 'mallory' },
    })
    const id = (user.json as { id: string }).id
    const token = (
      await createToken({ name: 'mallory', scopes: ['jobs:read'], user_id: id }, t.adminToken)
    ).token
    expect((await t.request('GET', '/v1/me', { token })).status).toBe(200)
    await t.server.store.updateUser(id, { status: 'disabled' })
    expect((await t.request('GET', '/v1/me', { token })).status).toBe(401)
  })

  it('refuses an expired token', async () => {
    const expiresAt = new Date(clock.now() + 60_000).toISOString()
    const created = await createToken({
      name: 'minute',
      scopes: ['jobs:read'],
      expires_at: expiresAt,
    })
    expect(created.expires_at).toBe(expiresAt)
    expect((await t.request('GET', '/v1/me', { token: created.token })).status).toBe(200)
    clock.advance(60_000)
    const after = await t.request('GET', '/v1/me', { token: created.token })
    expect(after.status).toBe(401)
    expect((after.json as ProblemDocument).detail).toMatch(/expired/)
    const past = await t.request('POST', '/v1/tokens', {
      token: t.alice.token,
      body: { name: 'past', scopes: ['jobs:read'], expires_at: '2020-01-01T00:00:00Z' },
    })
    expect(past.status).toBe(422)
  })

  it('refuses tokens of disabled users', async () => {
    const user = await t.request('POST', '/v1/users', {
      token: t.adminToken,
      body: { login: 'eve' },
    })
    const id = (user.json as { id: string }).id
    const token = (
      await createToken({ name: 'eve', scopes: ['jobs:read'], user_id: id }, t.adminToken)
    ).token
    expect((await t.request('GET', '/v1/me', { token })).status).toBe(200)
    await t.request('PATCH', `/v1/users/${id}`, {
      token: t.adminToken,
      body: { status: 'disabled' },
    })
    expect((await t.request('GET', '/v1/me', { token })).status).toBe(401)
  })

  it('checks scopes: 403 for a token without the endpoint’s scope', async () => {
    const readOnly = (await createToken({ name: 'ro', scopes: ['jobs:read'] })).token
    const submit = await t.request('POST', '/v1/jobs', {
      token: readOnly,
      body: { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }] } },
    })
    expect(submit.status).toBe(403)
    expect(code(submit.json)).toBe('forbidden')
    expect((await t.request('GET', '/v1/jobs', { token: readOnly })).status).toBe(200)
    expect((await t.request('GET', '/v1/backends', { token: readOnly })).status).toBe(403)
    // Admin endpoints need an admin token of an admin user.
    expect((await t.request('GET', '/v1/users', { token: t.alice.token })).status).toBe(403)
    expect((await t.request('GET', '/v1/users', { token: t.adminToken })).status).toBe(200)
  })

  it('never lets a token create a stronger one', async () => {
    const readOnly = (await createToken({ name: 'ro2', scopes: ['jobs:read'] })).token
    const wider = await t.request('POST', '/v1/tokens', {
      token: readOnly,
      body: { name: 'wider', scopes: ['jobs:write'] },
    })
    expect(wider.status).toBe(403)
    const admin = await t.request('POST', '/v1/tokens', {
      token: t.alice.token,
      body: { name: 'admin', scopes: ['admin'] },
    })
    expect(admin.status).toBe(403)
    const restricted = (
      await createToken({ name: 'r', scopes: ['jobs:read'], instances: ['acme/research'] })
    ).token
    const escape = await t.request('POST', '/v1/tokens', {
      token: restricted,
      body: { name: 'escape', scopes: ['jobs:read'] },
    })
    expect(escape.status).toBe(403)
  })

  it('restricts a token to its instances', async () => {
    const token = (
      await createToken({ name: 'elsewhere', scopes: ['jobs:read'], instances: ['zzz'] })
    ).token
    const me = await t.request('GET', '/v1/me', { token })
    expect((me.json as { instances: unknown[] }).instances).toEqual([])
  })

  it('stores tokens only as SHA-256 hashes and records last use', async () => {
    const created = await createToken({ name: 'hashed', scopes: ['jobs:read'] })
    clock.advance(120_000)
    expect((await t.request('GET', '/v1/me', { token: created.token })).status).toBe(200)
    const db = new DatabaseSync(join(dataDir, 'qfabric.db'), { readOnly: true })
    try {
      const rows = db.prepare('SELECT * FROM api_tokens').all() as Record<string, unknown>[]
      expect(rows.length).toBeGreaterThan(3)
      const secretOf = (token: string) => token.slice(token.lastIndexOf('_') + 1)
      for (const row of rows) {
        const text = JSON.stringify(row)
        for (const token of [created.token, t.alice.token, t.adminToken]) {
          expect(text).not.toContain(secretOf(token))
        }
      }
      const row = rows.find((r) => r['id'] === created.id)
      expect(row?.['token_hash']).toBe(createHash('sha256').update(created.token).digest('hex'))
      expect(row?.['prefix']).toBe(created.token.slice(0, 8))
      expect(Number(row?.['last_used_at'])).toBe(clock.now())
    } finally {
      db.close()
    }
  })
})
