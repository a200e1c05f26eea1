/**
 * `qfabric admin` against a real, fresh job service: provisioning an instance and a member from
 * the command line, then running with the saved account, then revoking its token.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, WorkerExecutor, type QfabricServer } from '@qfabric/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BELL_QASM2, qfabric, tempFiles } from '../support/run-command.js'

const INSTANCE = 'acme/research/vqe'

interface CreatedMember {
  readonly user: { readonly id: string; readonly login: string }
  readonly membership: { readonly instance: string; readonly role: string }
  readonly token: { readonly id: string; readonly token: string; readonly scopes: string[] }
}

describe('qfabric admin against a fresh service', () => {
  let server: QfabricServer
  let dataDir: string
  let adminToken: string
  let files: Awaited<ReturnType<typeof tempFiles>>
  /** `--url … --token <admin token>`. */
  let credentials: string[]
  /** The same credentials in the environment (`QFABRIC_URL`, `QFABRIC_ADMIN_TOKEN`). */
  let adminEnv: Record<string, string | undefined>

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qfabric-cli-admin-'))
    server = await createServer({
      dataDir,
      logger: false,
      backends: { backends: [{ name: 'qasm_simulator', source: 'local:qasm_simulator' }] },
      executor: new WorkerExecutor({
        concurrency: 1,
        pollMs: 50,
        reapIntervalMs: 200,
        drainMs: 100,
        backends: ['qasm_simulator'],
      }),
      onFirstAdminToken: null,
      limits: { sseHeartbeatSeconds: 0.5, eventPollMs: 100 },
    })
    adminToken = await server.createAdminToken()
    credentials = ['--url', server.url, '--token', adminToken]
    files = await tempFiles({ 'bell.qasm': BELL_QASM2 })
    // Saved accounts go to $XDG_CONFIG_HOME/qfabric/accounts.json: a fresh one per run.
    vi.stubEnv('XDG_CONFIG_HOME', files.path('config'))
    for (const name of [
      'QFABRIC_URL',
      'QFABRIC_TOKEN',
      'QFABRIC_ADMIN_TOKEN',
      'QFABRIC_INSTANCE',
      'QFABRIC_ACCOUNT',
    ]) {
      vi.stubEnv(name, undefined)
    }
    adminEnv = { ...process.env, QFABRIC_URL: server.url, QFABRIC_ADMIN_TOKEN: adminToken }
  })
  afterAll(async () => {
    vi.unstubAllEnvs()
    await server.close()
    await rm(dataDir, { recursive: true, force: true })
    await files.cleanup()
  })

  it('instance create → user create --save-account → run works → token revoke → run fails with 401', async () => {
    const instance = await qfabric([
      'admin',
      'instance',
      'create',
      INSTANCE,
      '--max-running-jobs',
      '2',
      ...credentials,
    ])
    expect(instance.code, instance.stderr).toBe(0)
    expect(instance.stdout).toMatch(
      /^created instance acme\/research\/vqe \(max running jobs 2, max pending jobs \S+\)\n$/,
    )

    const listed = await qfabric(['admin', 'instance', 'list', '--json'], { env: adminEnv })
    expect(listed.code, listed.stderr).toBe(0)
    const instances = JSON.parse(listed.stdout) as {
      instance: string
      limits: { max_running_jobs: { limit: number | null } }
    }[]
    expect(instances.map((i) => [i.instance, i.limits.max_running_jobs.limit])).toEqual([
      [INSTANCE, 2],
    ])

    const created = await qfabric(
      [
        'admin',
        'user',
        'create',
        'alice',
        '--instance',
        INSTANCE,
        '--save-account',
        'alice',
        '--json',
      ],
      { env: adminEnv },
    )
    expect(created.code, created.stderr).toBe(0)
    const member = JSON.parse(created.stdout) as CreatedMember
    expect(member.user.login).toBe('alice')
    expect(member.membership).toMatchObject({ instance: INSTANCE, role: 'member' })
    expect(member.token.scopes).toEqual(['jobs:read', 'jobs:write', 'backends:read'])
    expect(member.token.token).toMatch(/^qjs_/)
    expect(created.stderr).toBe("saved account 'alice' (default): 'qfabric run' now uses it\n")

    // The saved account is the first, hence the default: `qfabric run` needs nothing more.
    const run = await qfabric(['run', files.path('bell.qasm'), '--backend', 'qasm_simulator'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/1024 shots, 2 outcomes\n$/)

    const revoked = await qfabric(['admin', 'token', 'revoke', member.token.id, ...credentials])
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked token ${member.token.id}\n` })

    const refused = await qfabric(['run', files.path('bell.qasm'), '--backend', 'qasm_simulator'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^qfabric: .*\b401\b.*revoked.*\n$/)
  })

  it('user create prints the token alone on stdout, reuses a login, sets the role and scopes', async () => {
    await qfabric(['admin', 'instance', 'create', 'acme/research/qaoa', ...credentials])
    const first = await qfabric(
      ['admin', 'user', 'create', 'bob', '--instance', 'acme/research/qaoa', '--role', 'viewer'],
      { env: adminEnv },
    )
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toMatch(/^qjs_\S+\n$/)
    expect(first.stderr).toMatch(
      /^created user bob \(\S+\)\nbob is viewer of acme\/research\/qaoa\n/,
    )
    const me = await fetch(`${server.url}/v1/me`, {
      headers: { authorization: `Bearer ${first.stdout.trim()}` },
    })
    expect(await me.json()).toMatchObject({
      user: { login: 'bob' },
      instances: [{ instance: 'acme/research/qaoa', role: 'viewer' }],
    })

    const again = await qfabric(
      [
        'admin',
        'user',
        'create',
        'bob',
        '--instance',
        'acme/research/qaoa',
        '--token-name',
        'bob-ci',
        '--scopes',
        'jobs:read',
      ],
      { env: adminEnv },
    )
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).toMatch(/^reusing user bob /)
    expect(again.stderr).toMatch(/^bob is member of acme\/research\/qaoa$/m)
    expect(again.stderr).toMatch(/^token 'bob-ci' \(id \S+, scopes jobs:read\), shown once:$/m)
  })

  it('token list: the admin tokens, never their secrets; through a saved admin account', async () => {
    const saved = await qfabric(['account', 'save', '--name', 'root', '--url', server.url], {
      env: { QFABRIC_TOKEN: adminToken },
    })
    expect(saved.code, saved.stderr).toBe(0)
    const table = await qfabric(['admin', 'token', 'list', '--account', 'root'])
    expect(table.code, table.stderr).toBe(0)
    expect(table.stdout).toMatch(/^ID\s+NAME\s+PREFIX\s+SCOPES\s+LAST USED\s+EXPIRES\n/)
    expect(table.stdout).toMatch(/\sadmin\s+qjs_\S+\s+jobs:read,jobs:write,backends:read,admin\s/)
    expect(table.stdout).not.toContain(adminToken)
    const json = await qfabric(['admin', 'token', 'list', '--json', '--account', 'root'])
    const tokens = JSON.parse(json.stdout) as { name: string; last_used_at: string | null }[]
    expect(tokens.find((t) => t.name === 'admin')?.last_used_at).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it('reports bad command lines (status 2) and refused calls (status 1) clearly', async () => {
    const missing = await qfabric([
      'admin',
      'user',
      'create',
      'carol',
      '--instance',
      'acme/nope/none',
      ...credentials,
    ])
    expect(missing).toMatchObject({ code: 2, stdout: '' })
    expect(missing.stderr).toContain('qfabric admin instance create acme/nope/none')
    const users = (await (
      await fetch(`${server.url}/v1/users`, { headers: { authorization: `Bearer ${adminToken}` } })
    ).json()) as { items: { login: string }[] }
    expect(users.items.map((u) => u.login)).not.toContain('carol')

    const scopes = await qfabric([
      'admin',
      'user',
      'create',
      'carol',
      '--instance',
      INSTANCE,
      '--scopes',
      'jobs:fly',
      ...credentials,
    ])
    expect(scopes.code).toBe(2)
    expect(scopes.stderr).toContain("got 'jobs:fly'")

    const half = await qfabric(['admin', 'instance', 'list', '--url', server.url])
    expect(half).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('an admin token') as unknown,
    })

    const taken = await qfabric(
      ['admin', 'user', 'create', 'carol', '--instance', INSTANCE, '--save-account', 'root'],
      { env: adminEnv },
    )
    expect(taken.code).toBe(2)
    expect(taken.stderr).toContain("an account named 'root' is already saved")

    // A member's token is no admin token.
    const member = await qfabric(['admin', 'user', 'create', 'dave', '--instance', INSTANCE], {
      env: adminEnv,
    })
    const forbidden = await qfabric([
      'admin',
      'instance',
      'create',
      'acme/x/y',
      '--url',
      server.url,
      '--token',
      member.stdout.trim(),
    ])
    expect(forbidden.code).toBe(1)
    expect(forbidden.stderr).toMatch(/^qfabric: .*\b403\b/)
  })

  it('is listed in the help, with its subcommands', async () => {
    expect((await qfabric(['--help'])).stdout).toMatch(/^\s+admin\s+provision the service/m)
    const help = await qfabric(['admin', 'user', 'create', '--help'])
    expect(help.code).toBe(0)
    for (const option of [
      '--instance',
      '--role',
      '--scopes',
      '--save-account',
      '--url',
      '--token',
      '--account',
    ]) {
      expect(help.stdout).toContain(option)
    }
  })
})
