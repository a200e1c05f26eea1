/**
 * The security checks of the job service against a real server, on a SQLite file and on
 * PostgreSQL: authentication, instance isolation, hashed tokens at rest, the body limit and
 * the synchronous 422s for bad OpenQASM and for gates a device lacks.
 */
import { createHash } from 'node:crypto'
import { DatabaseSync } from 'node:sqlite'
import pg from 'pg'
import type { JobListPage, ProblemDocument } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BELL_QASM,
  client,
  jobBody,
  openStorage,
  startAcceptanceServer,
  submitJob,
  type AcceptanceServer,
  type Storage,
  type StorageKind,
} from './acceptance-server.js'

const problem = (json: unknown): ProblemDocument => json as ProblemDocument
const MAX_REQUEST_BYTES = 256 * 1024

/** Every row of `api_tokens`, read straight from the database (not through the server). */
async function tokenRows(storage: Storage): Promise<Record<string, unknown>[]> {
  if (storage.sqliteFile !== undefined) {
    const db = new DatabaseSync(storage.sqliteFile, { readOnly: true })
    try {
      return db.prepare('SELECT * FROM api_tokens').all()
    } finally {
      db.close()
    }
  }
  if (!('db' in storage.options)) throw new Error('no database')
  const connection = new pg.Client({ connectionString: storage.options.db })
  await connection.connect()
  try {
    return (await connection.query<Record<string, unknown>>('SELECT * FROM api_tokens')).rows
  } finally {
    await connection.end()
  }
}

function describeSecurity(kind: StorageKind): void {
  describe(`security (${kind})`, () => {
    let storage: Storage
    let t: AcceptanceServer

    beforeAll(async () => {
      storage = await openStorage(kind)
      t = await startAcceptanceServer(storage, { limits: { maxRequestBytes: MAX_REQUEST_BYTES } })
    })
    afterAll(async () => {
      await t.close()
      await storage.dispose()
    })

    it('answers 401 without a token or with a bad one', async () => {
      const anonymous = client(t.server.url, '')
      const forged = client(t.server.url, `${t.members.alice.slice(0, -4)}AAAA`)
      const garbage = client(t.server.url, 'not-a-token')
      for (const who of [anonymous, forged, garbage]) {
        for (const [method, path, body] of [
          ['GET', '/v1/jobs', undefined],
          ['GET', '/v1/backends', undefined],
          ['POST', '/v1/jobs', jobBody('qasm_simulator', BELL_QASM)],
        ] as const) {
          const r = await who.call(method, path, body === undefined ? {} : { body })
          expect(r.status, `${method} ${path}`).toBe(401)
          expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
        }
      }
    })

    it('hides instance A’s jobs and backends from a token of instance B (404)', async () => {
      const job = await submitJob(t.alice, jobBody('qasm_simulator', BELL_QASM))
      await t.alice.waitFor(job.id, ['COMPLETED'])
      expect((await t.alice.call('GET', `/v1/jobs/${job.id}/result`)).status).toBe(200)
      for (const [method, path] of [
        ['GET', `/v1/jobs/${job.id}`],
        ['GET', `/v1/jobs/${job.id}/result`],
        ['POST', `/v1/jobs/${job.id}/cancel`],
      ] as const) {
        const r = await t.bob.call(method, path)
        expect(r.status, `${method} ${path}`).toBe(404)
        expect(problem(r.json).code).toBe('not_found')
      }
      const list = (await t.bob.call('GET', '/v1/jobs?owner=any&limit=100')).json as JobListPage
      expect(list.items.map((j) => j.id)).not.toContain(job.id)
      expect(list.items.every((j) => j.instance === 'other/lab/main')).toBe(true)
      // `other_only` belongs to B's hub: A can neither see nor use it; B can.
      expect((await t.alice.call('GET', '/v1/backends/other_only')).status).toBe(404)
      const use = await t.alice.call('POST', '/v1/jobs', { body: jobBody('other_only', BELL_QASM) })
      expect(use.status).toBe(404)
      const mine = await submitJob(t.bob, jobBody('other_only', BELL_QASM))
      expect((await t.bob.waitFor(mine.id, ['COMPLETED', 'FAILED'])).status).toBe('COMPLETED')
      expect((await t.alice.call('GET', `/v1/jobs/${mine.id}`)).status).toBe(404)
    })

    it('keeps only SHA-256 hashes of tokens at rest', async () => {
      const rows = await tokenRows(storage)
      const tokens = [t.members.alice, t.members.bob, t.members.admin]
      const dump = JSON.stringify(rows)
      for (const token of tokens) {
        // Neither the token nor its secret part appears anywhere in the table.
        expect(dump).not.toContain(token)
        expect(dump).not.toContain(token.slice(-16))
        const hash = createHash('sha256').update(token, 'utf8').digest('hex')
        expect(rows.filter((r) => r['token_hash'] === hash)).toHaveLength(1)
      }
    })

    it('answers 413 for a body over the limit', async () => {
      const comment = `// ${'x'.repeat(MAX_REQUEST_BYTES)}\n`
      const r = await t.alice.call('POST', '/v1/jobs', {
        body: jobBody('qasm_simulator', BELL_QASM + comment),
      })
      expect(r.status).toBe(413)
      expect(problem(r.json).code).toBe('payload_too_large')
    })

    it('answers 422 with line and column for malformed OpenQASM', async () => {
      const qasm = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nh q[0]\nx q[0];\n'
      const r = await t.alice.call('POST', '/v1/jobs', {
        body: jobBody('qasm_simulator', [BELL_QASM, qasm]),
      })
      expect(r.status).toBe(422)
      expect(problem(r.json).code).toBe('qasm_parse_failed')
      // Right after `h q[0]` on line 4, where the `;` belongs.
      expect(problem(r.json).errors?.[0]).toMatchObject({
        pointer: '/input/circuits/1/qasm',
        line: 4,
        column: 7,
      })
    })

    it('answers 422 naming the gate and qubits a device backend lacks (h on fake_manila)', async () => {
      const qasm = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[1];\n'
      const r = await t.alice.call('POST', '/v1/jobs', { body: jobBody('fake_manila', qasm) })
      expect(r.status).toBe(422)
      expect(problem(r.json).code).toBe('unsupported_operation')
      expect(problem(r.json).errors?.[0]).toMatchObject({ gate: 'h', qubits: [1] })
      expect(problem(r.json).detail).toContain("'h'")
    })
  })
}

describeSecurity('sqlite')
describeSecurity('postgres')
