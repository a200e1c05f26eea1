import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BELL_QASM2, qfabric, tempFiles } from '../support/run-command.js'
import { startServiceFixture, type ServiceFixture } from '../support/service-fixture.js'

describe('remote commands against a real service', () => {
  let service: ServiceFixture
  let files: Awaited<ReturnType<typeof tempFiles>>

  beforeAll(async () => {
    service = await startServiceFixture()
    files = await tempFiles({ 'bell.qasm': BELL_QASM2 })
    // Saved accounts go to $XDG_CONFIG_HOME/qfabric/accounts.json: a fresh one per run.
    vi.stubEnv('XDG_CONFIG_HOME', files.path('config'))
    for (const name of ['QFABRIC_URL', 'QFABRIC_TOKEN', 'QFABRIC_INSTANCE', 'QFABRIC_ACCOUNT']) {
      vi.stubEnv(name, undefined)
    }
  })
  afterAll(async () => {
    vi.unstubAllEnvs()
    await service.close()
    await files.cleanup()
  })

  it('account save, list (tokens redacted), delete', async () => {
    const save = await qfabric([
      'account',
      'save',
      '--url',
      service.url,
      '--token',
      service.token,
      '--instance',
      service.instance,
      '--default',
    ])
    expect(save.code, save.stderr).toBe(0)
    expect(save.stdout).toMatch(/^saved account 'default' \(default\)/)
    expect(save.stdout).not.toContain(service.token)

    const other = await qfabric(['account', 'save', '--url', service.url, '--name', 'spare'], {
      env: { QFABRIC_TOKEN: service.token },
    })
    expect(other.code, other.stderr).toBe(0)
    const again = await qfabric(['account', 'save', '--url', service.url, '--token', service.token])
    expect(again.code).toBe(1)

    const list = await qfabric(['account', 'list'])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(/^NAME\s+URL\s+INSTANCE\s+TOKEN\n/)
    expect(list.stdout).toMatch(
      /^default \*\s+http:\/\/127\.0\.0\.1:\d+\s+acme\/research\/vqe\s+\S+$/m,
    )
    expect(list.stdout).toMatch(/^spare\s/m)
    expect(list.stdout).not.toContain(service.token)
    const json = JSON.parse((await qfabric(['account', 'list', '--json'])).stdout) as {
      name: string
    }[]
    expect(json.map((a) => a.name).sort()).toEqual(['default', 'spare'])

    expect((await qfabric(['account', 'delete', 'spare'])).stdout).toBe("deleted account 'spare'\n")
    const gone = await qfabric(['account', 'delete', 'spare'])
    expect(gone).toMatchObject({ code: 2, stderr: "qfabric: no saved account 'spare'\n" })
  })

  it('backends: qubits, status, queue, least busy; JSON; filters', async () => {
    const table = await qfabric(['backends'])
    expect(table.code, table.stderr).toBe(0)
    expect(table.stdout).toMatch(/^NAME\s+QUBITS\s+STATUS\s+PENDING\n/)
    expect(table.stdout).toMatch(/^fake_manila\s+5\s+operational\s+\d+$/m)
    expect(table.stdout).toContain('* least busy')
    const rows = JSON.parse(
      (await qfabric(['backends', '--json', '--min-qubits', '5'])).stdout,
    ) as {
      name: string
      leastBusy: boolean
    }[]
    expect(rows.map((r) => r.name)).toContain('fake_manila')
    const sims = JSON.parse((await qfabric(['backends', '--json', '--simulator'])).stdout) as {
      name: string
    }[]
    expect(sims.map((r) => r.name)).not.toContain('fake_manila')
  })

  it('run on the service prints the histogram; --json prints only JSON', async () => {
    const run = await qfabric([
      'run',
      files.path('bell.qasm'),
      '--backend',
      'qasm_simulator',
      '--shots',
      '300',
      '--tags',
      'cli-test,bell',
      '--name',
      'bell-cli',
    ])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^00 .*\n11 .*\n300 shots, 2 outcomes\n$/)
    expect(run.stderr).toMatch(/^job \S+ submitted to qasm_simulator/)

    const json = await qfabric([
      'run',
      files.path('bell.qasm'),
      '--backend',
      'fake_manila',
      '--json',
      '--seed',
      '5',
    ])
    expect(json.code, json.stderr).toBe(0)
    const report = JSON.parse(json.stdout) as { status: string; counts: Record<string, number> }
    expect(report.status).toBe('DONE')
    expect((report.counts['00'] ?? 0) + (report.counts['11'] ?? 0)).toBeGreaterThan(900)
  })

  it('run --no-wait prints the job id; job <id> --wait reports it done with its histogram', async () => {
    const submitted = await qfabric([
      'run',
      files.path('bell.qasm'),
      '--backend',
      'qasm_simulator',
      '--no-wait',
      '--tags',
      'nowait',
    ])
    expect(submitted.code, submitted.stderr).toBe(0)
    const id = submitted.stdout.trim()
    expect(id).toMatch(/^\S+$/)
    const job = await qfabric(['job', id, '--wait', '--json'])
    expect(job.code, job.stderr).toBe(0)
    expect(JSON.parse(job.stdout)).toMatchObject({
      jobId: id,
      status: 'DONE',
      tags: ['nowait'],
      shots: 1024,
    })
    const text = await qfabric(['job', id])
    expect(text.stdout).toMatch(/^status\s+DONE$/m)
    expect(text.stdout).toMatch(/^1024 shots, 2 outcomes$/m)
  })

  it('jobs lists jobs newest first, filtered by tag and backend', async () => {
    const all = JSON.parse((await qfabric(['jobs', '--json', '--limit', '2'])).stdout) as unknown[]
    expect(all).toHaveLength(2)
    const tagged = JSON.parse((await qfabric(['jobs', '--json', '--tag', 'cli-test'])).stdout) as {
      name: string
      backend: string
      tags: string[]
    }[]
    expect(tagged).toHaveLength(1)
    expect(tagged[0]).toMatchObject({ name: 'bell-cli', backend: 'qasm_simulator' })
    const table = await qfabric(['jobs', '--backend', 'fake_manila'])
    expect(table.stdout).toMatch(
      /^ID\s+BACKEND\s+STATUS\s+CREATED\s+NAME\s+TAGS\n\S+\s+fake_manila\s+DONE\s/,
    )
    expect((await qfabric(['jobs', '--status', 'sleeping'])).code).toBe(2)
  })

  it('job shows a queued job with its queue position; cancel cancels it', async () => {
    const submitted = await qfabric([
      'run',
      files.path('bell.qasm'),
      '--backend',
      'parked',
      '--no-wait',
    ])
    const id = submitted.stdout.trim()
    const queued = JSON.parse((await qfabric(['job', id, '--json'])).stdout) as {
      status: string
      queue?: { position?: number }
    }
    expect(queued.status).toBe('QUEUED')
    expect(queued.queue?.position).toEqual(expect.any(Number))
    const cancel = await qfabric(['cancel', id])
    expect(cancel.code, cancel.stderr).toBe(0)
    expect(cancel.stdout).toMatch(new RegExp(`^job ${id}: cancel`))
    const after = JSON.parse((await qfabric(['job', id, '--json'])).stdout) as { status: string }
    expect(after.status).toBe('CANCELLED')
    const again = await qfabric(['cancel', id])
    expect(again.stdout).toBe(`job ${id} already ended (CANCELLED): nothing to cancel\n`)
  })

  it('a job that does not exist fails with one line (exit 1)', async () => {
    const { code, stdout, stderr } = await qfabric(['job', 'job_nope'])
    expect([code, stdout]).toEqual([1, ''])
    expect(stderr).toMatch(/^qfabric: .+\n$/)
  })
})
