import { describe, expect, it } from 'vitest'
import { createServerLogger } from '../../src/http/create-logger.js'
import { BELL_QASM3, startTestServer } from './test-server.js'

describe('logging', () => {
  it('logs structured request lines and never a token', async () => {
    const lines: string[] = []
    await using t = await startTestServer({
      logger: { level: 'debug', stream: { write: (line: string) => lines.push(line) } },
    })
    const tokens = [t.alice.token, t.adminToken, t.bob.token]
    await t.request('GET', '/v1/me', { token: t.alice.token })
    await t.request('POST', '/v1/jobs', {
      token: t.alice.token,
      body: { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }] } },
    })
    await t.request('GET', '/v1/me', { token: `${t.alice.token}x` })
    await t.request('POST', '/v1/tokens', {
      token: t.alice.token,
      body: { name: 'logged?', scopes: ['jobs:read'] },
    })
    expect(lines.length).toBeGreaterThan(4)
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(
      parsed.some((l) => l['msg'] === 'incoming request' && typeof l['reqId'] === 'string'),
    ).toBe(true)
    const all = lines.join('\n')
    for (const token of tokens) {
      expect(all).not.toContain(token)
      expect(all).not.toContain(token.slice(token.lastIndexOf('_') + 1))
    }
    expect(all.toLowerCase()).not.toContain('bearer')
  })

  it('redacts authorization headers and tokens even when code logs them', () => {
    const lines: string[] = []
    const logger = createServerLogger({ stream: { write: (l: string) => lines.push(l) } })
    const secret = 'qjs_0123456789abcdef_0123456789abcdefghjkmnpqrstvwxyz012345678'
    logger.info({ req: { headers: { authorization: `Bearer ${secret}` } } }, 'a request')
    logger.info({ headers: { authorization: `Bearer ${secret}` } }, 'headers')
    logger.info({ token: secret, created: { token: secret } }, 'a token')
    expect(lines).toHaveLength(3)
    expect(lines.join('\n')).not.toContain(secret)
    expect(lines.join('\n')).toContain('[redacted]')
  })

  it('is silent when turned off', () => {
    const logger = createServerLogger(false)
    expect(logger.level).toBe('silent')
  })
})
