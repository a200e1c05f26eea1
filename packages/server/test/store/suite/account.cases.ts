import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { isJobStoreError } from '../../../src/store/job-store-error.js'
import { KyselyJobStore } from '../../../src/store/kysely-job-store.js'
import { hashToken, verifyToken } from '../../../src/store/token-hash.js'
import { eventually, newJob, SEED, type JobStoreFixture } from './store-fixture.js'

const DAY = 86_400_000

/**
 * Accounts (users, tokens, the instance tree, memberships, backends) and retention.
 *
 * @param get - the current test's fixture
 */
export function accountCases(get: () => JobStoreFixture): void {
  describe('accounts', () => {
    it('creates, finds, lists and updates users', async () => {
      const { store, clock } = get()
      clock.advance(1)
      const dave = await store.createUser({ login: 'dave', display_name: 'Dave D.' })
      expect(dave).toEqual({
        id: expect.stringMatching(/^user_[0-9A-Z]{26}$/) as string,
        login: 'dave',
        display_name: 'Dave D.',
        status: 'active',
        role: 'member',
        created_at: new Date(clock.now()).toISOString(),
      })
      expect(await store.getUser(dave.id)).toEqual(dave)
      expect(await store.getUserByLogin('dave')).toEqual(dave)
      expect(await store.getUser('user_nope')).toBeUndefined()
      expect((await store.listUsers()).map((u) => u.login)).toEqual([
        'alice',
        'bob',
        'carol',
        'dave',
      ])
      await expect(store.createUser({ login: 'dave' })).rejects.toSatisfy((e: unknown) =>
        isJobStoreError(e, 'store.conflict'),
      )
      const disabled = await store.updateUser(dave.id, { status: 'disabled', role: 'admin' })
      expect(disabled).toMatchObject({ status: 'disabled', role: 'admin', display_name: 'Dave D.' })
      expect(await store.updateUser(dave.id, {})).toEqual(disabled)
      await expect(store.updateUser('user_nope', { role: 'admin' })).rejects.toSatisfy(
        (e: unknown) => isJobStoreError(e, 'store.not-found'),
      )
    })

    it('keeps only the hash of a token and tracks use and revocation', async () => {
      const { store, clock } = get()
      const secret = 'qjs_tok1_Zx9yXwVuTsRqPoNmLkJiHgFeDcBa0123'
      const created = await store.createToken({
        id: 'tok1',
        user_id: SEED.alice,
        name: 'laptop',
        prefix: secret.slice(0, 12),
        token_hash: hashToken(secret),
        scopes: ['jobs:read', 'jobs:write', 'jobs:read'],
        instances: [SEED.vqe],
        expires_at: '2027-01-01T00:00:00.000Z',
      })
      expect(created).toEqual({
        id: 'tok1',
        user_id: SEED.alice,
        name: 'laptop',
        prefix: 'qjs_tok1_Zx9',
        scopes: ['jobs:read', 'jobs:write'],
        instances: [SEED.vqe],
        created_at: new Date(clock.now()).toISOString(),
        last_used_at: null,
        expires_at: '2027-01-01T00:00:00.000Z',
        token_hash: hashToken(secret),
        revoked_at: null,
      })
      const found = await store.findTokenByHash(hashToken(secret))
      expect(found).toEqual(created)
      expect(verifyToken(secret, found!.token_hash)).toBe(true)
      expect(await store.findTokenByHash(hashToken(`${secret}x`))).toBeUndefined()
      // Nothing in the table contains the secret part.
      if (store instanceof KyselyJobStore) {
        const rows = await sql<Record<string, unknown>>`select * from api_tokens`.execute(store.db)
        expect(JSON.stringify(rows.rows)).not.toContain('Zx9yXwVuTsRqPoNmLkJiHgFeDcBa0123')
      }
      clock.advance(1000)
      await store.touchToken('tok1')
      expect((await store.getToken('tok1'))?.last_used_at).toBe(new Date(clock.now()).toISOString())
      const revokedAt = clock.now()
      expect(await store.revokeToken('tok1')).toBe(true)
      clock.advance(1000)
      expect(await store.revokeToken('tok1')).toBe(true)
      expect((await store.getToken('tok1'))?.revoked_at).toBe(new Date(revokedAt).toISOString())
      expect(await store.revokeToken('tok_nope')).toBe(false)
      await store.createToken({
        id: 'tok2',
        user_id: SEED.alice,
        name: 'ci',
        prefix: 'p',
        token_hash: 'h2',
        scopes: ['admin'],
      })
      expect((await store.listTokens(SEED.alice)).map((t) => t.id)).toEqual(['tok1', 'tok2'])
      expect(await store.listTokens(SEED.bob)).toEqual([])
      await expect(
        store.createToken({
          id: 'tok3',
          user_id: SEED.alice,
          name: 'dup',
          prefix: 'p',
          token_hash: 'h2',
          scopes: [],
        }),
      ).rejects.toSatisfy((e: unknown) => isJobStoreError(e, 'store.conflict'))
      await expect(
        store.createToken({
          id: 'tok4',
          user_id: 'user_nope',
          name: 'x',
          prefix: 'p',
          token_hash: 'h4',
          scopes: [],
        }),
      ).rejects.toSatisfy((e: unknown) => isJobStoreError(e, 'store.not-found'))
    })

    it('builds the instance tree and inherits settings downwards', async () => {
      const { store } = get()
      const project = await store.upsertInstance('lab/team/p1', {
        max_running_jobs: 2,
        description: 'P1',
      })
      expect(project).toMatchObject({
        path: 'lab/team/p1',
        level: 'project',
        parent: 'lab/team',
        max_running_jobs: 2,
      })
      expect(await store.getInstance('lab/team')).toMatchObject({ level: 'group', parent: 'lab' })
      expect(await store.getInstance('lab')).toMatchObject({ level: 'hub', parent: null })
      await store.upsertInstance('lab', {
        max_running_jobs: 5,
        max_pending_jobs: 50,
        record_ttl_days: 365,
      })
      await store.upsertInstance('lab/team', { result_ttl_days: 7, max_pending_jobs: null })
      expect(await store.effectiveSettings('lab/team/p1')).toEqual({
        instance: 'lab/team/p1',
        max_running_jobs: 2,
        max_pending_jobs: 50,
        submit_rate_per_minute: null,
        max_execution_seconds: null,
        result_ttl_days: 7,
        record_ttl_days: 365,
      })
      expect((await store.effectiveSettings(SEED.vqe)).result_ttl_days).toBe(30)
      // Partial updates keep the other settings; null resets to "inherit".
      const updated = await store.upsertInstance('lab/team/p1', { max_running_jobs: null })
      expect(updated).toMatchObject({ max_running_jobs: null, description: 'P1' })
      expect((await store.effectiveSettings('lab/team/p1')).max_running_jobs).toBe(5)
      expect((await store.listInstances('lab')).map((i) => i.path)).toEqual([
        'lab',
        'lab/team',
        'lab/team/p1',
      ])
      expect((await store.listInstances('acme/research')).map((i) => i.path)).toEqual([
        'acme/research',
        SEED.qaoa,
        SEED.vqe,
      ])
      expect((await store.listInstances()).length).toBe(12)
      await expect(store.effectiveSettings('no/such/thing')).rejects.toSatisfy((e: unknown) =>
        isJobStoreError(e, 'store.not-found'),
      )
      await expect(store.upsertInstance('Bad Path')).rejects.toThrow(RangeError)
    })

    it('adds, changes, lists and removes memberships', async () => {
      const { store, clock } = get()
      const m = await store.upsertMembership({
        user_id: SEED.alice,
        instance: 'acme',
        role: 'viewer',
      })
      expect(m).toMatchObject({ user_id: SEED.alice, instance: 'acme', role: 'viewer' })
      const changed = await store.upsertMembership({
        user_id: SEED.alice,
        instance: 'acme',
        role: 'admin',
      })
      expect(changed).toEqual({ ...m, role: 'admin' })
      clock.advance(1)
      const n = await store.upsertMembership({
        user_id: SEED.bob,
        instance: 'newhub/g',
        role: 'member',
      })
      expect(await store.getInstance('newhub/g')).toBeDefined()
      expect((await store.listMemberships()).map((x) => x.id)).toEqual([m.id, n.id])
      expect(await store.listMemberships({ userId: SEED.bob })).toEqual([n])
      expect(await store.listMemberships({ instance: 'acme' })).toEqual([changed])
      expect(await store.deleteMembership(m.id)).toBe(true)
      expect(await store.deleteMembership(m.id)).toBe(false)
      await expect(
        store.upsertMembership({ user_id: 'user_nope', instance: 'acme', role: 'member' }),
      ).rejects.toSatisfy((e: unknown) => isJobStoreError(e, 'store.not-found'))
    })

    it('announces changes of users, tokens and memberships to account watchers', async () => {
      const { store, openPeer } = get()
      const peer = await openPeer()
      let here = 0
      let there = 0
      const stopHere = store.watchAccounts(() => here++)
      const stopThere = peer.watchAccounts(() => there++)
      await store.createToken({
        id: 'tokw',
        user_id: SEED.alice,
        name: 'watched',
        prefix: 'qjs_tokw',
        token_hash: hashToken('qjs_tokw_secret'),
        scopes: ['jobs:read'],
      })
      // A new token or a recorded use changes no one's rights.
      await store.touchToken('tokw')
      expect(here).toBe(0)
      expect(await store.revokeToken('tokw')).toBe(true)
      // This process hears it before the call returns: a cache emptied now serves no stale token.
      // (PostgreSQL stores hear their own NOTIFY later as well: counts are lower bounds.)
      expect(here).toBeGreaterThanOrEqual(1)
      await store.updateUser(SEED.bob, { status: 'disabled' })
      const m = await store.upsertMembership({
        user_id: SEED.bob,
        instance: SEED.vqe,
        role: 'member',
      })
      await store.deleteMembership(m.id)
      expect(here).toBeGreaterThanOrEqual(4)
      if (store.dialect === 'postgres') {
        // Other processes hear it through NOTIFY.
        await eventually(() => there >= 4)
      }
      stopHere()
      stopThere()
      const heard = here
      await store.revokeToken('tokw')
      await new Promise((r) => setTimeout(r, 50))
      expect(here).toBe(heard)
    })

    it('stores backend snapshots', async () => {
      const { store, clock } = get()
      const snapshot = {
        name: 'fake_lima',
        instance: 'acme',
        kind: 'qpu' as const,
        status: 'maintenance' as const,
        status_message: 'calibrating',
        accepting_jobs: false,
        num_qubits: 5,
        limits: {
          max_shots: 8192,
          max_circuits: 100,
          max_executions: null,
          max_qubits: 5,
          max_request_bytes: 1 << 20,
          max_result_bytes: null,
          max_execution_seconds: 3600,
        },
        availability_windows: [{ day: 'weekdays' as const, start_hour: 8, end_hour: 18 }],
        config: { backend_name: 'fake_lima', n_qubits: 5 },
        version: '1.0',
        calibration_id: null,
      }
      const stored = await store.upsertBackend(snapshot)
      expect(stored).toEqual({ ...snapshot, updated_at: new Date(clock.now()).toISOString() })
      clock.advance(1)
      const online = await store.upsertBackend({
        ...snapshot,
        status: 'online',
        accepting_jobs: true,
        config: null,
      })
      expect(online).toMatchObject({ status: 'online', accepting_jobs: true, config: null })
      expect(await store.getBackend('fake_lima')).toEqual(online)
      expect(await store.getBackend('nope')).toBeUndefined()
      expect((await store.listBackends()).map((b) => b.name)).toEqual(['fake_lima'])
    })

    it('sweeps expired results, records and idempotency keys', async () => {
      const { store, clock } = get()
      await store.upsertInstance(SEED.ops, { result_ttl_days: 1, record_ttl_days: 3 })
      const kept = (
        await store.createJob(newJob(), {
          idempotencyKey: 'k',
          requestHash: 'h',
          idempotencyTtlMs: DAY,
        })
      ).job
      const { job } = await store.createJob(newJob({ instance: SEED.ops }))
      await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 60_000 })
      await store.claimNext({ workerId: 'w', backends: ['sim'], leaseMs: 60_000 })
      await store.complete(kept.id, 'w', { body: '{"kept":1}' })
      await store.complete(job.id, 'w', { body: '{"gone":1}' })
      expect(await store.deleteExpired()).toEqual({ results: 0, jobs: 0, idempotencyKeys: 0 })
      clock.advance(DAY)
      expect(await store.deleteExpired()).toEqual({ results: 1, jobs: 0, idempotencyKeys: 1 })
      const expired = await store.getJob(job.id)
      expect(expired?.result.available).toBe(false)
      expect(Date.parse(expired!.result.expires_at!)).toBeLessThanOrEqual(clock.now())
      expect(await store.getJobResult(job.id)).toBeUndefined()
      expect((await store.getJobResult(kept.id))?.body).toBe('{"kept":1}')
      clock.advance(2 * DAY)
      expect(await store.deleteExpired()).toEqual({ results: 0, jobs: 1, idempotencyKeys: 0 })
      expect(await store.getJob(job.id)).toBeUndefined()
      expect(await store.listEvents(job.id)).toEqual([])
      expect(await store.getJob(kept.id)).toBeDefined()
      // The forgotten key can be used afresh.
      const fresh = await store.createJob(newJob(), { idempotencyKey: 'k', requestHash: 'other' })
      expect(fresh.replayed).toBe(false)
    })
  })
}
