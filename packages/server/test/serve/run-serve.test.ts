/**
 * `runServe` as `qfabric serve` runs it: the admin token from the environment (empty = unset)
 * and the first-run message, against a real listening server.
 */
import { createApiToken } from '@qfabric/protocol'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runServe, type RunServeOptions } from '../../src/serve/run-serve.js'

interface Served {
  readonly url: string
  readonly stderr: string
  /** `GET /v1/me` with a token, while the server runs. */
  readonly me: (token: string) => Promise<{ status: number; body: unknown }>
}

/**
 * Runs `qfabric serve --role api --port 0` (in-memory SQLite) until `check` has looked at it,
 * then shuts it down and waits for the clean exit.
 */
async function serve(
  options: Pick<RunServeOptions, 'env'>,
  check: (served: Served) => Promise<void>,
): Promise<void> {
  const controller = new AbortController()
  let stderr = ''
  let listening: (url: string) => void = () => undefined
  const url = new Promise<string>((resolve) => {
    listening = resolve
  })
  const done = runServe(['--role', 'api', '--port', '0', '--log-level', 'silent'], {
    ...options,
    signal: controller.signal,
    stdout: {
      write: (text: string) => {
        const match = /listening on (\S+)/.exec(text)
        if (match !== null) listening(match[1]!)
      },
    },
    stderr: { write: (text: string) => (stderr += text) },
  })
  try {
    const base = await Promise.race([url, done.then(() => Promise.reject(new Error('exited')))])
    await check({
      url: base,
      get stderr() {
        return stderr
      },
      me: async (token) => {
        const response = await fetch(`${base}/v1/me`, {
          headers: { authorization: `Bearer ${token}` },
        })
        return { status: response.status, body: await response.json() }
      },
    })
  } finally {
    controller.abort()
    await done
  }
}

/** The token of the first-run message. */
function printedToken(stderr: string): string {
  const match = /first admin token \(shown once, store it now\): (\S+)\n/.exec(stderr)
  expect(match, stderr).not.toBeNull()
  return match![1]!
}

describe('qfabric serve: the admin token', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('treats QFABRIC_ADMIN_TOKEN= (set but empty) as unset: prints a first token and the next step', async () => {
    vi.stubEnv('QFABRIC_ADMIN_TOKEN', '')
    await serve({}, async ({ url, stderr, me }) => {
      const token = printedToken(stderr)
      expect(stderr).toContain(`export QFABRIC_URL=${url} QFABRIC_ADMIN_TOKEN=<admin token>`)
      expect(stderr).toContain('qfabric admin instance create <hub/group/project>')
      expect(stderr).toContain(
        'qfabric admin user create <login> --instance <hub/group/project> --save-account <name>',
      )
      expect(await me(token)).toMatchObject({
        status: 200,
        body: { user: { login: 'admin', role: 'admin' } },
      })
    })
  })

  it('treats an empty QFABRIC_ADMIN_TOKEN in the given environment as unset', async () => {
    vi.stubEnv('QFABRIC_ADMIN_TOKEN', undefined)
    await serve({ env: { QFABRIC_ADMIN_TOKEN: '' } }, async ({ stderr, me }) => {
      expect((await me(printedToken(stderr))).status).toBe(200)
    })
  })

  it('accepts a chosen QFABRIC_ADMIN_TOKEN as an admin token and prints none', async () => {
    vi.stubEnv('QFABRIC_ADMIN_TOKEN', undefined)
    const { token } = createApiToken()
    await serve({ env: { QFABRIC_ADMIN_TOKEN: token } }, async ({ stderr, me }) => {
      expect(stderr).toBe('')
      expect(await me(token)).toMatchObject({
        status: 200,
        body: { token: { scopes: expect.arrayContaining(['admin']) as unknown } },
      })
    })
  })

  it('still rejects a malformed QFABRIC_ADMIN_TOKEN', async () => {
    await expect(
      runServe(['--role', 'api', '--port', '0', '--log-level', 'silent'], {
        env: { QFABRIC_ADMIN_TOKEN: 'not-a-token' },
        signal: AbortSignal.abort(),
        stdout: { write: () => true },
      }),
    ).rejects.toThrow(/the admin token must look like/)
  })
})
