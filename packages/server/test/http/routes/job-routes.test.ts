import type { JobListPage, JobRecord, ProblemDocument } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BELL_QASM3,
  createTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from '../test-server.js'

const bell = (extra: Record<string, unknown> = {}) => ({
  backend: 'sim',
  input: { circuits: [{ qasm: BELL_QASM3 }] },
  shots: 100,
  ...extra,
})

const problem = (json: unknown): ProblemDocument => json as ProblemDocument
const record = (json: unknown): JobRecord => json as JobRecord

/** The job endpoints, run against SQLite and PostgreSQL alike. */
function describeJobRoutes(kind: 'sqlite' | 'postgres'): void {
  describe(`job routes (${kind})`, () => {
    let t: TestServer
    let database: TestDatabase | undefined
    let tagSeq = 0
    const uniqueTag = () => `t-${kind}-${++tagSeq}`

    beforeAll(async () => {
      if (kind === 'postgres') database = await createTestDatabase()
      t = await startTestServer(database === undefined ? {} : { db: database.url })
    })
    afterAll(async () => {
      await t.close()
      await database?.drop()
    })

    const submit = (body: unknown, headers: Record<string, string> = {}) =>
      t.request('POST', '/v1/jobs', { token: t.alice.token, body, headers })

    it('submits a job: 201 with the record, Location and ETag; GET returns it', async () => {
      const r = await submit(bell({ name: 'bell', tags: ['x'] }))
      expect(r.status).toBe(201)
      const job = record(r.json)
      expect(job.id).toMatch(/^job_[0-9A-Z]{26}$/)
      expect(r.headers.location).toBe(`/v1/jobs/${job.id}`)
      expect(r.headers.etag).toBe(`"${job.rev}"`)
      expect(job).toMatchObject({
        instance: 'acme/research/vqe',
        owner: t.alice.id,
        backend: 'sim',
        program: 'circuit-runner',
        name: 'bell',
        tags: ['x'],
        status: 'QUEUED',
        request: { shots: 100, num_circuits: 1, executions: 100 },
        visibility: 'private',
      })
      expect(typeof job.queue.position).toBe('number')
      const again = await t.request('GET', `/v1/jobs/${job.id}`, { token: t.alice.token })
      expect(again.status).toBe(200)
      expect(record(again.json).id).toBe(job.id)
    })

    it('rejects malformed OpenQASM with 422 and the line and column of the error', async () => {
      const qasm = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\n  foo q[0];\n'
      const r = await submit(bell({ input: { circuits: [{ qasm: BELL_QASM3 }, { qasm }] } }))
      expect(r.status).toBe(422)
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/)
      const p = problem(r.json)
      expect(p.code).toBe('qasm_parse_failed')
      const e = p.errors?.[0]
      expect(e).toMatchObject({ pointer: '/input/circuits/1/qasm', line: 4, column: 3 })
      expect(e?.message).toMatch(/foo/)
    })

    it('reports a missing semicolon of an OpenQASM 2 program where it is', async () => {
      const qasm = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nh q[0]\nx q[0];\n'
      const r = await submit(bell({ input: { circuits: [{ qasm }] } }))
      expect(r.status).toBe(422)
      // Right after `h q[0]` on line 4, where the `;` belongs.
      const e = problem(r.json).errors?.[0]
      expect(e).toMatchObject({ line: 4, column: 7, code: 'qasm2.parse.missing-semicolon' })
    })

    it('rejects an operation a device lacks with 422 naming the gate and qubits', async () => {
      const h = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nh q[1];\n'
      const r = await submit(bell({ backend: 'device', input: { circuits: [{ qasm: h }] } }))
      expect(r.status).toBe(422)
      const p = problem(r.json)
      expect(p.code).toBe('unsupported_operation')
      expect(p.errors?.[0]).toMatchObject({ gate: 'h', qubits: [1], code: 'unsupported_gate' })
      // manila's coupling map is the line 0-1-2-3-4: cx 0,2 is not on it.
      const cx = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[3] q;\ncx q[0], q[2];\n'
      const r2 = await submit(bell({ backend: 'device', input: { circuits: [{ qasm: cx }] } }))
      expect(r2.status).toBe(422)
      expect(problem(r2.json).errors?.[0]).toMatchObject({
        gate: 'cx',
        qubits: [0, 2],
        code: 'unsupported_qubits',
      })
      expect(problem(r2.json).detail).toContain("'cx' on qubits [0, 2]")
    })

    it('accepts a circuit already in the device instruction set', async () => {
      const qasm =
        'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nrz(pi/2) q[0];\nsx q[0];\ncx q[0], q[1];\nc = measure q;\n'
      const r = await submit(bell({ backend: 'device', input: { circuits: [{ qasm }] } }))
      expect(r.status).toBe(201)
    })

    it('rejects circuits wider than the backend (422 too_many_qubits)', async () => {
      const qasm = 'OPENQASM 3.0;\nqubit[6] q;\n'
      const r = await submit(bell({ backend: 'device', input: { circuits: [{ qasm }] } }))
      expect(r.status).toBe(422)
      expect(problem(r.json)).toMatchObject({ code: 'too_many_qubits' })
      expect(problem(r.json).errors?.[0]).toMatchObject({ limit: 5 })
    })

    it('checks backend limits synchronously (422 with pointer and limit)', async () => {
      const r = await submit(bell({ shots: 20_000 }))
      expect(r.status).toBe(422)
      expect(problem(r.json).errors?.[0]).toMatchObject({
        pointer: '/shots',
        field: 'shots',
        code: 'max_exceeded',
        limit: 10_000,
      })
      const circuits = Array.from({ length: 6 }, () => ({ qasm: BELL_QASM3 }))
      const r2 = await submit(bell({ input: { circuits } }))
      expect(r2.status).toBe(422)
      expect(problem(r2.json).errors?.[0]).toMatchObject({ pointer: '/input/circuits', limit: 5 })
    })

    it('rejects schema violations with 422 and a JSON pointer per field', async () => {
      const r = await submit({ ...bell(), shots: 0, colour: 'red' })
      expect(r.status).toBe(422)
      const p = problem(r.json)
      expect(p.code).toBe('validation_failed')
      const byPointer = new Map(p.errors?.map((e) => [e.pointer, e.code]))
      expect(byPointer.get('/shots')).toBe('below_min')
      expect(byPointer.get('/colour')).toBe('unknown_property')
      const r2 = await submit({ input: { circuits: [] } })
      expect(r2.status).toBe(422)
      const codes = problem(r2.json).errors?.map((e) => `${e.pointer ?? ''} ${e.code}`)
      expect(codes).toContain('/backend required')
      expect(codes).toContain('/input/circuits too_few_items')
    })

    it('replays an idempotent submission and refuses the key with another body', async () => {
      const tag = uniqueTag()
      const key = `key-${tag}`
      const first = await submit(bell({ tags: [tag] }), { 'idempotency-key': key })
      expect(first.status).toBe(201)
      const second = await submit(bell({ tags: [tag] }), { 'idempotency-key': key })
      expect(second.status).toBe(200)
      expect(second.headers['idempotent-replayed']).toBe('true')
      expect(record(second.json).id).toBe(record(first.json).id)
      const other = await submit(bell({ tags: [tag], shots: 200 }), { 'idempotency-key': key })
      expect(other.status).toBe(422)
      expect(problem(other.json).code).toBe('idempotency_key_reused')
      const list = await t.request('GET', `/v1/jobs?tag=${tag}`, { token: t.alice.token })
      expect((list.json as JobListPage).items).toHaveLength(1)
      const bad = await submit(bell(), { 'idempotency-key': 'not a key!' })
      expect(bad.status).toBe(422)
    })

    it('pages with a keyset cursor: every job once, stable while jobs arrive', async () => {
      const tag = uniqueTag()
      const ids: string[] = []
      for (let i = 0; i < 7; i++) ids.push(record((await submit(bell({ tags: [tag] }))).json).id)
      const seen: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const q = `/v1/jobs?tag=${tag}&limit=3${cursor === null ? '' : `&cursor=${cursor}`}`
        const page = (await t.request('GET', q, { token: t.alice.token })).json as JobListPage
        seen.push(...page.items.map((j) => j.id))
        cursor = page.next_cursor
        expect(page.has_more).toBe(cursor !== null)
        if (pages === 0) await submit(bell({ tags: [tag] })) // newer than every page: not seen
        pages++
      } while (cursor !== null)
      expect(pages).toBe(3)
      expect(seen).toEqual([...ids].reverse())
      const asc = (
        await t.request('GET', `/v1/jobs?tag=${tag}&order=asc&limit=100`, {
          token: t.alice.token,
        })
      ).json as JobListPage
      expect(asc.items.map((j) => j.id).slice(0, 7)).toEqual(ids)
    })

    it('refuses a cursor reused with other filters (400) and a corrupt one', async () => {
      const tag = uniqueTag()
      for (let i = 0; i < 3; i++) await submit(bell({ tags: [tag] }))
      const page = (await t.request('GET', `/v1/jobs?tag=${tag}&limit=1`, { token: t.alice.token }))
        .json as JobListPage
      const mismatch = await t.request(
        'GET',
        `/v1/jobs?tag=${tag}&status=QUEUED&limit=1&cursor=${page.next_cursor ?? ''}`,
        { token: t.alice.token },
      )
      expect(mismatch.status).toBe(400)
      expect(problem(mismatch.json).code).toBe('cursor_mismatch')
      const corrupt = await t.request('GET', '/v1/jobs?cursor=abc', { token: t.alice.token })
      expect(corrupt.status).toBe(400)
      expect(problem(corrupt.json).code).toBe('invalid_cursor')
      const unknown = await t.request('GET', '/v1/jobs?colour=red&limit=0', {
        token: t.alice.token,
      })
      expect(unknown.status).toBe(422)
      expect(problem(unknown.json).errors?.map((e) => e.pointer)).toEqual(['/colour'])
    })

    it('cancels: QUEUED at once, RUNNING via CANCELLING, final → 200 already_final', async () => {
      const queued = record((await submit(bell())).json)
      const c1 = await t.request('POST', `/v1/jobs/${queued.id}/cancel`, { token: t.alice.token })
      expect(c1.status).toBe(202)
      expect(c1.json).toMatchObject({ status: 'CANCELLED', already_final: false })
      const running = record((await submit(bell({ backend: 'acme-only' }))).json)
      const claimed = await t.executor.claim(['acme-only'])
      expect(claimed?.id).toBe(running.id)
      const c2 = await t.request('POST', `/v1/jobs/${running.id}/cancel`, { token: t.alice.token })
      expect(c2.status).toBe(202)
      expect(c2.json).toMatchObject({ status: 'CANCELLING', already_final: false })
      expect((await t.executor.heartbeat(running.id)).cancelRequested).toBe(true)
      await t.executor.acknowledgeCancel(running.id)
      const after = await t.request('GET', `/v1/jobs/${running.id}`, { token: t.alice.token })
      expect(record(after.json).status).toBe('CANCELLED')
      const c3 = await t.request('POST', `/v1/jobs/${running.id}/cancel`, { token: t.alice.token })
      expect(c3.status).toBe(200)
      expect(c3.json).toMatchObject({ status: 'CANCELLED', already_final: true })
    })

    it('renames and retags, also final jobs', async () => {
      const job = record((await submit(bell())).json)
      await t.request('POST', `/v1/jobs/${job.id}/cancel`, { token: t.alice.token })
      const r = await t.request('PATCH', `/v1/jobs/${job.id}`, {
        token: t.alice.token,
        body: { name: 'renamed', tags: ['a', 'b'] },
      })
      expect(r.status).toBe(200)
      expect(record(r.json)).toMatchObject({
        name: 'renamed',
        tags: ['a', 'b'],
        status: 'CANCELLED',
      })
      const empty = await t.request('PATCH', `/v1/jobs/${job.id}`, {
        token: t.alice.token,
        body: {},
      })
      expect(empty.status).toBe(422)
    })

    it('answers 304 to a matching If-None-Match and long-polls with Prefer: wait', async () => {
      const job = record((await submit(bell({ backend: 'acme-only' }))).json)
      const etag = `"${job.rev}"`
      const same = await t.request('GET', `/v1/jobs/${job.id}`, {
        token: t.alice.token,
        headers: { 'if-none-match': etag },
      })
      expect(same.status).toBe(304)
      const started = Date.now()
      const claim = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
        t.executor.claim(['acme-only']),
      )
      const polled = await t.request('GET', `/v1/jobs/${job.id}`, {
        token: t.alice.token,
        headers: { 'if-none-match': etag, prefer: 'wait=10' },
      })
      await claim
      expect(polled.status).toBe(200)
      expect(record(polled.json).status).toBe('RUNNING')
      expect(polled.headers['preference-applied']).toBe('wait=10')
      expect(Date.now() - started).toBeLessThan(5000)
      const running = record(polled.json)
      const timedOut = await t.request('GET', `/v1/jobs/${job.id}`, {
        token: t.alice.token,
        headers: { 'if-none-match': `"${running.rev}"`, prefer: 'wait=1' },
      })
      expect(timedOut.status).toBe(304)
      await t.executor.fail(job.id, { code: 'execution_error', message: 'test' })
    })

    it('batch-gets visible jobs and lists the others as not found', async () => {
      const mine = record((await submit(bell())).json)
      const bobs = record(
        (
          await t.request('POST', '/v1/jobs', {
            token: t.bob.token,
            body: bell(),
          })
        ).json,
      )
      const r = await t.request('POST', '/v1/jobs:batchGet', {
        token: t.alice.token,
        body: { ids: [mine.id, bobs.id, 'job_nope'] },
      })
      expect(r.status).toBe(200)
      const body = r.json as { items: JobRecord[]; not_found: string[] }
      expect(body.items.map((j) => j.id)).toEqual([mine.id])
      expect(body.not_found).toEqual([bobs.id, 'job_nope'])
    })

    it('isolates instances: another instance’s job or backend is 404 everywhere', async () => {
      const job = record((await submit(bell())).json)
      const missing = await t.request('GET', '/v1/jobs/job_01ABCDEFGHJKMNPQRSTVWXYZ00', {
        token: t.bob.token,
      })
      const paths: [string, string][] = [
        ['GET', `/v1/jobs/${job.id}`],
        ['GET', `/v1/jobs/${job.id}/result`],
        ['GET', `/v1/jobs/${job.id}/input`],
        ['GET', `/v1/jobs/${job.id}/events`],
        ['GET', `/v1/jobs/${job.id}/logs`],
        ['GET', `/v1/jobs/${job.id}/metrics`],
        ['POST', `/v1/jobs/${job.id}/cancel`],
        ['DELETE', `/v1/jobs/${job.id}`],
        ['GET', '/v1/backends/acme-only'],
        ['GET', '/v1/backends/acme-only/configuration'],
        ['GET', '/v1/backends/acme-only/status'],
      ]
      for (const [method, path] of paths) {
        const r = await t.request(method, path, { token: t.bob.token })
        expect(r.status, `${method} ${path}`).toBe(404)
        expect(problem(r.json).code).toBe('not_found')
      }
      const patch = await t.request('PATCH', `/v1/jobs/${job.id}`, {
        token: t.bob.token,
        body: { name: 'x' },
      })
      expect(patch.status).toBe(404)
      // The answer for a hidden job reads like the answer for a missing one.
      expect(Object.keys(problem(missing.json)).sort()).toEqual(
        Object.keys(problem(patch.json)).sort(),
      )
      const submitHidden = await t.request('POST', '/v1/jobs', {
        token: t.bob.token,
        body: bell({ backend: 'acme-only' }),
      })
      expect(submitHidden.status).toBe(404)
      const list = (await t.request('GET', '/v1/jobs?owner=any&limit=100', { token: t.bob.token }))
        .json as JobListPage
      expect(list.items.every((j) => j.instance === 'other/lab/main')).toBe(true)
    })

    it('shares project-visible jobs with project members, read-only', async () => {
      const job = record((await submit(bell({ visibility: 'project' }))).json)
      const dave = await t.request('POST', '/v1/users', {
        token: t.adminToken,
        body: { login: `dave-${kind}` },
      })
      const daveId = (dave.json as { id: string }).id
      await t.request('POST', '/v1/memberships', {
        token: t.adminToken,
        body: { user_id: daveId, instance: 'acme/research/vqe', role: 'member' },
      })
      const token = (
        (
          await t.request('POST', '/v1/tokens', {
            token: t.adminToken,
            body: { name: 'dave', scopes: ['jobs:read', 'jobs:write'], user_id: daveId },
          })
        ).json as { token: string }
      ).token
      expect((await t.request('GET', `/v1/jobs/${job.id}`, { token })).status).toBe(200)
      const cancel = await t.request('POST', `/v1/jobs/${job.id}/cancel`, { token })
      expect(cancel.status).toBe(403)
      const priv = record((await submit(bell())).json)
      expect((await t.request('GET', `/v1/jobs/${priv.id}`, { token })).status).toBe(404)
    })

    it('answers 429 with Retry-After beyond max_pending_jobs', async () => {
      const path = `acme/limits/${kind}`
      const created = await t.request('POST', `/v1/instances/${path}`, {
        token: t.adminToken,
        body: { max_pending_jobs: 2 },
      })
      expect(created.status).toBe(201)
      await t.request('POST', '/v1/memberships', {
        token: t.adminToken,
        body: { user_id: t.alice.id, instance: path, role: 'member' },
      })
      const headers = { 'x-instance': path }
      expect((await submit(bell(), headers)).status).toBe(201)
      expect((await submit(bell(), headers)).status).toBe(201)
      const third = await submit(bell(), headers)
      expect(third.status).toBe(429)
      expect(problem(third.json)).toMatchObject({
        code: 'pending_job_limit_exceeded',
        retryable: true,
      })
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0)
    })

    it('refuses submissions to a backend in maintenance with 503 and Retry-After', async () => {
      const r = await submit(bell({ backend: 'maint' }), { 'x-instance': 'acme/research/vqe' })
      expect(r.status).toBe(503)
      expect(problem(r.json).code).toBe('backend_offline')
      expect(problem(r.json).detail).toContain('recalibrating')
      expect(r.headers['retry-after']).toBeDefined()
    })

    it('requires X-Instance when the caller has several projects, and checks it', async () => {
      const r = await submit(bell())
      expect(r.status).toBe(422)
      expect(problem(r.json).errors?.[0]?.pointer).toBe('/x-instance')
      const ok = await submit(bell(), { 'x-instance': 'acme/research/vqe' })
      expect(ok.status).toBe(201)
      const foreign = await submit(bell(), { 'x-instance': 'other/lab/main' })
      expect(foreign.status).toBe(404)
    })
  })
}

describeJobRoutes('sqlite')
describeJobRoutes('postgres')
