import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SERVE_USAGE } from '@qfabric/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_COMMANDS } from '../src/cli-usage.js'
import { runCli } from '../src/run-cli.js'

/** A text sink that keeps what was written and lets a test wait for a pattern. */
function sink() {
  let text = ''
  const waiters: (() => void)[] = []
  return {
    write(chunk: string) {
      text += chunk
      for (const waiter of waiters.splice(0)) waiter()
      return true
    },
    get text() {
      return text
    },
    async match(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> {
      const end = Date.now() + timeoutMs
      for (;;) {
        const found = pattern.exec(text)
        if (found !== null) return found
        if (Date.now() > end) throw new Error(`no ${pattern} in ${text}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 50)
        })
      }
    },
  }
}

/** Runs a short command to its end. */
async function run(argv: readonly string[]) {
  const stdout = sink()
  const stderr = sink()
  const code = await runCli(argv, { stdout, stderr, signal: AbortSignal.abort() })
  return { code, stdout: stdout.text, stderr: stderr.text }
}

async function get(url: string, token: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, json: await response.json() }
}

describe('qfabric: commands and help', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])(
    'prints the help for %j: every command, and the exit statuses',
    async (argv) => {
      const { code, stdout, stderr } = await run(argv)
      expect(code).toBe(0)
      expect(stderr).toBe('')
      expect(stdout).toMatch(/^Usage: qfabric <command>/)
      for (const command of CLI_COMMANDS)
        expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'))
      expect(stdout).toContain(
        'Exit status: 0 on success, 1 when the work fails, 2 for a bad command line',
      )
    },
  )

  it.each([
    [['run']],
    [['transpile']],
    [['qasm', 'convert']],
    [['backends']],
    [['jobs']],
    [['job']],
    [['cancel']],
    [['account', 'save']],
    [['account', 'list']],
    [['account', 'delete']],
  ])('%j --help prints the usage of the command (exit 0)', async (command) => {
    const { code, stdout, stderr } = await run([...command, '--help'])
    expect([code, stderr]).toEqual([0, ''])
    expect(stdout).toMatch(new RegExp(`^Usage: qfabric ${command.join(' ')} `))
  })

  it("help <command> prints that command's help", async () => {
    const { code, stdout } = await run(['help', 'transpile'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: qfabric transpile /)
  })

  it('prints the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: 'qfabric 0.1.0\n', stderr: '' })
  })

  it('rejects an unknown command with status 2 and a pointer to the help', async () => {
    const { code, stdout, stderr } = await run(['frobnicate', '--x'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      "qfabric: unknown command 'frobnicate' (see 'qfabric --help' for the commands)\n",
    )
  })

  it.each([
    [['qasm', 'frob'], /^qfabric: unknown command 'frob'/],
    [['jobs', '--bogus'], /^qfabric: unknown option '--bogus'/],
    [['job'], /^qfabric: missing required argument 'id'/],
    [['cancel', 'a', 'b'], /^qfabric: too many arguments for 'cancel'/],
  ])('%j is a bad command line (status 2, one line)', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv)
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toMatch(message)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('a command group without its subcommand prints its help on standard error (status 2)', async () => {
    const { code, stdout, stderr } = await run(['account'])
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toMatch(/^Usage: qfabric account /)
  })

  it.each([[['serve', '--help']], [['worker', '-h']]])(
    '%j prints the serve help and starts nothing',
    async (argv) => {
      const { code, stdout } = await run(argv)
      expect(code).toBe(0)
      expect(stdout).toBe(SERVE_USAGE)
    },
  )

  it.each([
    [['serve', '--role', 'boss'], /--role must be one of api, worker, all, got 'boss'/],
    [['serve', '--port', '70000'], /--port must be an integer from 0 to 65535, got '70000'/],
    [['serve', '--concurrency', '0'], /--concurrency must be an integer from 1/],
    [['serve', '--concurrency', '1.5'], /--concurrency must be an integer/],
    [['serve', '--db', 'mysql://x'], /--db must be 'sqlite' or a postgres:\/\/ URL/],
    [['serve', '--log-level', 'loud'], /--log-level must be one of/],
    [['serve', '--bogus'], /Unknown option '--bogus'/],
    [['serve', 'extra'], /positional argument/],
    [['worker'], /a worker needs a shared database/],
    [['serve', '--role', 'worker', '--db', 'sqlite'], /a worker needs a shared database/],
  ])('%j is a bad command line (status 2)', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
  })
})

describe('qfabric serve and worker (in process, SQLite in a data directory)', () => {
  let dir: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qfabric-cli-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /** Starts a long-running command; returns its output, its stop and its exit status. */
  function start(argv: readonly string[]) {
    const stop = new AbortController()
    const stdout = sink()
    const stderr = sink()
    const exit = runCli(argv, { stdout, stderr, signal: stop.signal })
    const halt = (): void => {
      stop.abort()
    }
    return { stdout, stderr, exit, stop: halt }
  }

  /** The first admin token `serve` printed to the command's standard error, if any. */
  function printedAdminToken(stderr: { readonly text: string }): string | undefined {
    return /first admin token[^:]*: (qjs_\S+)/.exec(stderr.text)?.[1]
  }

  it('serves HTTP, prints the first admin token once per database, stops on the signal', async () => {
    const args = ['serve', '--data-dir', dir, '--port', '0', '--log-level', 'silent']
    const first = start(args)
    const url = (await first.stdout.match(/all listening on (http:\S+)/))[1] ?? ''
    const token = printedAdminToken(first.stderr) ?? ''
    expect(token).toMatch(/^qjs_/)
    const backends = await get(`${url}/v1/backends`, token)
    expect(backends.status).toBe(200)
    const names = (backends.json as { items: { name: string }[] }).items.map((b) => b.name)
    expect(names).toContain('qasm_simulator')
    first.stop()
    expect(await first.exit).toBe(0)
    // The server is gone.
    await expect(fetch(`${url}/v1/backends`)).rejects.toThrow()

    // Same database: no new admin token, the old one still works.
    const second = start(args)
    const url2 = (await second.stdout.match(/listening on (http:\S+)/))[1] ?? ''
    expect(printedAdminToken(second.stderr)).toBeUndefined()
    expect((await get(`${url2}/v1/backends`, token)).status).toBe(200)
    second.stop()
    expect(await second.exit).toBe(0)
  })

  it('an api process queues jobs that a separate worker runs (shared SQLite file)', async () => {
    const jobsDir = join(dir, 'jobs')
    const api = start(['serve', '--role', 'api', '--data-dir', jobsDir, '--port', '0'])
    const url = (await api.stdout.match(/api listening on (http:\S+)/))[1] ?? ''
    const admin = printedAdminToken(api.stderr) ?? ''
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      return { status: response.status, json: (await response.json()) as Record<string, unknown> }
    }
    expect((await post('/v1/instances/acme/research/vqe', {})).status).toBe(201)
    const bell =
      'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'
    const job = await post('/v1/jobs', {
      backend: 'qasm_simulator',
      shots: 100,
      input: { circuits: [{ qasm: bell }] },
    })
    expect(job.status, JSON.stringify(job.json)).toBe(201)
    const id = String(job.json['id'])

    // Without a worker the job stays queued.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await get(`${url}/v1/jobs/${id}`, admin)).json).toMatchObject({ status: 'QUEUED' })

    const worker = start(['worker', '--data-dir', jobsDir, '--log-level', 'silent'])
    await worker.stdout.match(/worker \S+ running \(concurrency 2\)/)
    const end = Date.now() + 20_000
    let status = ''
    while (status !== 'COMPLETED' && Date.now() < end) {
      status = ((await get(`${url}/v1/jobs/${id}`, admin)).json as { status: string }).status
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(status).toBe('COMPLETED')
    const result = await get(`${url}/v1/jobs/${id}/result`, admin)
    const counts = (result.json as { results: { data: { counts: Record<string, number> } }[] })
      .results[0]?.data.counts
    // Bell: only 00 and 11 (each missing with probability 2^-100).
    expect(Object.keys(counts ?? {}).sort()).toEqual(['0x0', '0x3'])
    expect(Object.values(counts ?? {}).reduce((a, b) => a + b, 0)).toBe(100)

    worker.stop()
    api.stop()
    expect(await Promise.all([worker.exit, api.exit])).toEqual([0, 0])
  })
})
