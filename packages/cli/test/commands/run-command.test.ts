import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BELL_QASM2, GHZ_QASM3, qfabric, tempFiles } from '../support/run-command.js'

describe('qfabric run --local', () => {
  let files: Awaited<ReturnType<typeof tempFiles>>

  beforeAll(async () => {
    files = await tempFiles({ 'bell.qasm': BELL_QASM2, 'ghz.qasm': GHZ_QASM3 })
  })
  afterAll(() => files.cleanup())

  it('runs on a local simulator and prints the histogram; progress goes to standard error', async () => {
    const { code, stdout, stderr } = await qfabric([
      'run',
      files.path('bell.qasm'),
      '--backend',
      'qasm_simulator',
      '--local',
      '--shots',
      '500',
      '--seed',
      '3',
    ])
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    // Bell: only 00 and 11, sorted by bitstring, then the total.
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['00', '11', '500'])
    expect(lines[2]).toBe('500 shots, 2 outcomes')
    expect(stderr).toMatch(/^job \S+ submitted to qasm_simulator\n/)
    // Plain progress lines, no terminal control codes, when standard error is not a terminal.
    expect(stderr).not.toContain('\x1b')
  })

  it('prints only JSON on standard output with --json', async () => {
    const { code, stdout } = await qfabric([
      'run',
      files.path('ghz.qasm'),
      '--backend',
      'stabilizer_simulator',
      '--local',
      '--json',
      '--shots',
      '100',
      '--name',
      'ghz',
      '--tags',
      'a,b',
    ])
    expect(code).toBe(0)
    const report = JSON.parse(stdout) as Record<string, unknown>
    expect(report).toMatchObject({
      backend: 'stabilizer_simulator',
      status: 'DONE',
      shots: 100,
      name: 'ghz',
      tags: ['a', 'b'],
    })
    expect(report['jobId']).toEqual(expect.any(String))
    const counts = report['counts'] as Record<string, number>
    expect(Object.keys(counts).sort()).toEqual(['000', '111'])
    expect((report['timing'] as Record<string, string>)['DONE']).toMatch(/^\d{4}-/)
  })

  it('transpiles for a fake device before running on it (noisy: mostly 00 and 11)', async () => {
    const { code, stdout } = await qfabric([
      'run',
      files.path('bell.qasm'),
      '--backend',
      'fake_manila',
      '--local',
      '--json',
      '--seed',
      '11',
    ])
    expect(code).toBe(0)
    const { counts, shots } = JSON.parse(stdout) as {
      counts: Record<string, number>
      shots: number
    }
    expect(shots).toBe(1024)
    expect((counts['00'] ?? 0) + (counts['11'] ?? 0)).toBeGreaterThan(900)
  })

  it.each([
    [
      ['--backend', 'nope', '--local'],
      1,
      /no local backend 'nope' \(local backends: qasm_simulator, /,
    ],
    [
      ['--backend', 'qasm_simulator', '--local', '--no-wait'],
      2,
      /--no-wait needs a service backend/,
    ],
    [['--backend', 'qasm_simulator', '--local', '--shots', '0'], 2, /expected an integer ≥ 1/],
    [['--local'], 2, /required option '--backend <name>' not specified/],
  ])('%j fails with exit %i', async (args, status, message) => {
    const { code, stdout, stderr } = await qfabric(['run', files.path('bell.qasm'), ...args])
    expect([code, stdout]).toEqual([status, ''])
    expect(stderr).toMatch(message)
    expect(stderr).toMatch(/^qfabric: /m)
    expect(stderr).not.toMatch(/\n\s+at /)
  })
})
