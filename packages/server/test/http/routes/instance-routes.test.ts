import type { Instance, InstanceLimits, InstanceList, JobRecord } from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BELL_QASM3, startTestServer, type TestServer } from '../test-server.js'

describe('instances', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ limits: { maxPendingJobs: 7, maxRunningJobs: 3 } })
  })
  afterAll(() => t.close())

  it('lists the caller’s instances with limits, usage and retention', async () => {
    const list = (await t.request('GET', '/v1/instances', { token: t.alice.token }))
      .json as InstanceList
    expect(list.items.map((i) => i.instance)).toEqual(['acme/research/vqe'])
    const vqe = list.items[0]!
    expect(vqe).toMatchObject({
      hub: 'acme',
      group: 'research',
      project: 'vqe',
      role: 'member',
      retention: { result_ttl_days: 30, record_ttl_days: null },
    })
    // New hubs get the server's defaults, which the store then enforces.
    expect(vqe.limits.max_pending_jobs).toEqual({ limit: 7, used: 0, remaining: 7 })
    expect(vqe.limits.max_running_jobs).toEqual({ limit: 3, used: 0, remaining: 3 })
    const filtered = await t.request('GET', '/v1/instances?prefix=other', { token: t.adminToken })
    expect((filtered.json as InstanceList).items.map((i) => i.instance)).toEqual(['other/lab/main'])
  })

  it('counts pending and running jobs against the limits', async () => {
    const body = { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }] } }
    const job = (await t.request('POST', '/v1/jobs', { token: t.alice.token, body }))
      .json as JobRecord
    await t.request('POST', '/v1/jobs', { token: t.alice.token, body })
    await t.executor.claim(['sim'])
    const limits = (
      await t.request('GET', '/v1/instances/acme/research/vqe/limits', { token: t.alice.token })
    ).json as InstanceLimits
    expect(limits.max_pending_jobs).toEqual({ limit: 7, used: 2, remaining: 5 })
    expect(limits.max_running_jobs).toEqual({ limit: 3, used: 1, remaining: 2 })
    expect(job.instance).toBe('acme/research/vqe')
  })

  it('queues jobs beyond max_running_jobs with phase waiting_for_slot', async () => {
    await t.request('POST', '/v1/instances/acme/slots/one', {
      token: t.adminToken,
      body: { max_running_jobs: 1 },
    })
    await t.request('POST', '/v1/memberships', {
      token: t.adminToken,
      body: { user_id: t.alice.id, instance: 'acme/slots/one', role: 'member' },
    })
    const submit = async () =>
      (
        await t.request('POST', '/v1/jobs', {
          token: t.alice.token,
          body: { backend: 'acme-only', input: { circuits: [{ qasm: BELL_QASM3 }] } },
          headers: { 'x-instance': 'acme/slots/one' },
        })
      ).json as JobRecord
    const first = await submit()
    expect(first.phase).toBe('queued')
    expect((await t.executor.claim(['acme-only']))?.id).toBe(first.id)
    const second = await submit()
    expect(second).toMatchObject({ status: 'QUEUED', phase: 'waiting_for_slot' })
    expect(await t.executor.claim(['acme-only'])).toBeUndefined()
  })

  it('hides instances the caller has no role in', async () => {
    const r = await t.request('GET', '/v1/instances/other/lab/main', { token: t.alice.token })
    expect(r.status).toBe(404)
    const limits = await t.request('GET', '/v1/instances/other/lab/main/limits', {
      token: t.alice.token,
    })
    expect(limits.status).toBe(404)
  })

  it('lets admins create and change projects', async () => {
    const created = await t.request('POST', '/v1/instances/acme/research/qaoa', {
      token: t.adminToken,
      body: { description: 'QAOA', max_running_jobs: 1 },
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({ instance: 'acme/research/qaoa', description: 'QAOA' })
    const dup = await t.request('POST', '/v1/instances/acme/research/qaoa', {
      token: t.adminToken,
      body: {},
    })
    expect(dup.status).toBe(409)
    const patched = await t.request('PATCH', '/v1/instances/acme/research/qaoa', {
      token: t.adminToken,
      body: { max_pending_jobs: 4 },
    })
    expect((patched.json as Instance).limits.max_pending_jobs.limit).toBe(4)
    expect((patched.json as Instance).limits.max_running_jobs.limit).toBe(1)
    const byMember = await t.request('POST', '/v1/instances/acme/x/y', {
      token: t.alice.token,
      body: {},
    })
    expect(byMember.status).toBe(403)
    const missing = await t.request('PATCH', '/v1/instances/no/such/project', {
      token: t.adminToken,
      body: { max_pending_jobs: 1 },
    })
    expect(missing.status).toBe(404)
  })
})
