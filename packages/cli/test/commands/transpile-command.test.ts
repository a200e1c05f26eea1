import { readFile } from 'node:fs/promises'
import { parseQasm } from '@qfabric/core/qasm'
import { FakeManila } from '@qfabric/sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BELL_QASM2, GHZ_QASM3, qfabric, tempFiles } from '../support/run-command.js'

describe('qfabric transpile', () => {
  let files: Awaited<ReturnType<typeof tempFiles>>

  beforeAll(async () => {
    files = await tempFiles({ 'bell.qasm': BELL_QASM2, 'ghz.qasm': GHZ_QASM3 })
  })
  afterAll(() => files.cleanup())

  it('compiles for a fake device: only its instructions, on its connected qubits', async () => {
    const { code, stdout, stderr } = await qfabric([
      'transpile',
      files.path('ghz.qasm'),
      '--backend',
      'fake_manila',
      '-O',
      '3',
      '--seed',
      '7',
    ])
    expect([code, stderr]).toEqual([0, ''])
    // The input's version by default.
    expect(stdout).toMatch(/^OPENQASM 3\.0;/)
    const out = parseQasm(stdout)
    const target = new FakeManila().target
    for (const name of out.countOps().keys()) expect(target.operationNames).toContain(name)
    expect(out.numQubits).toBe(5)
  })

  it('compiles for a coupling map and basis, writes OpenQASM 2 to a file and prints stats', async () => {
    const output = files.path('out.qasm')
    const { code, stdout, stderr } = await qfabric([
      'transpile',
      files.path('ghz.qasm'),
      '--coupling-map',
      '0-1,1-2',
      '--basis',
      'rz,sx,x,cx',
      '--qasm-version',
      '2',
      '-o',
      output,
      '--stats',
    ])
    expect([code, stderr]).toEqual([0, ''])
    const out = parseQasm(await readFile(output, 'utf8'))
    expect(
      [...out.countOps().keys()].every((g) => ['rz', 'sx', 'x', 'cx', 'measure'].includes(g)),
    ).toBe(true)
    // With -o the statistics go to standard output: a before/after table.
    expect(stdout).toMatch(/^METRIC\s+BEFORE\s+AFTER\n/)
    expect(stdout).toMatch(/^ops: h\s+1\s+0$/m)
    expect(stdout).toMatch(/^qubits\s+3\s+3$/m)
  })

  it('keeps piped output clean: statistics go to standard error when the program goes to stdout', async () => {
    const { code, stdout, stderr } = await qfabric([
      'transpile',
      files.path('bell.qasm'),
      '--basis',
      'rz,sx,cx',
      '--stats',
    ])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^OPENQASM 2\.0;/)
    expect(stdout).not.toContain('METRIC')
    expect(stderr).toMatch(/^METRIC/)
  })

  it.each([
    [['--backend', 'fake_manila', '--basis', 'cx'], '--backend cannot be combined'],
    [[], 'say what to compile for'],
    [['--coupling-map', '0~1'], "bad link '0~1'"],
    [['-O', '4', '--basis', 'cx'], 'expected an integer from 0 to 3'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, stdout, stderr } = await qfabric(['transpile', files.path('bell.qasm'), ...args])
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toContain(message)
    expect(stderr.startsWith('qfabric: ')).toBe(true)
  })

  it('fails (exit 1) when the circuit does not fit the device', async () => {
    const { code, stderr } = await qfabric([
      'transpile',
      files.path('ghz.qasm'),
      '--coupling-map',
      '0-1',
    ])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^qfabric: .*3.*2/)
    expect(stderr.split('\n')).toHaveLength(2)
  })
})
