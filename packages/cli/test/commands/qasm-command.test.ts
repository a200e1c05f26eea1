import { readFile } from 'node:fs/promises'
import { parseQasm } from '@qfabric/core/qasm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BELL_QASM2, GHZ_QASM3, qfabric, tempFiles } from '../support/run-command.js'

describe('qfabric qasm convert', () => {
  let files: Awaited<ReturnType<typeof tempFiles>>

  beforeAll(async () => {
    files = await tempFiles({
      'bell.qasm': BELL_QASM2,
      'ghz.qasm': GHZ_QASM3,
      'bad.qasm': 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0]\ncx q[0],q[1];\n',
      'lib.inc': 'gate bell a, b { h a; cx a, b; }\n',
      'uses-lib.qasm':
        'OPENQASM 2.0;\ninclude "qelib1.inc";\ninclude "lib.inc";\nqreg q[2];\nbell q[0], q[1];\n',
    })
  })
  afterAll(() => files.cleanup())

  it('writes OpenQASM 3 of an OpenQASM 2 program on standard output', async () => {
    const { code, stdout, stderr } = await qfabric([
      'qasm',
      'convert',
      files.path('bell.qasm'),
      '--to',
      '3',
    ])
    expect([code, stderr]).toEqual([0, ''])
    expect(stdout).toMatch(/^OPENQASM 3\.0;/)
    // Same circuit back.
    const back = parseQasm(stdout)
    expect(Object.fromEntries(back.countOps())).toEqual({ h: 1, cx: 1, measure: 2 })
  })

  it('writes OpenQASM 2 of an OpenQASM 3 program to a file with -o', async () => {
    const out = files.path('ghz2.qasm')
    const { code, stdout } = await qfabric([
      'qasm',
      'convert',
      files.path('ghz.qasm'),
      '--to',
      '2',
      '-o',
      out,
    ])
    expect([code, stdout]).toEqual([0, ''])
    const text = await readFile(out, 'utf8')
    expect(text).toMatch(/^OPENQASM 2\.0;/)
    expect(parseQasm(text).countOps().get('cx')).toBe(2)
  })

  it('resolves include files beside the program', async () => {
    const { code, stdout } = await qfabric([
      'qasm',
      'convert',
      files.path('uses-lib.qasm'),
      '--to',
      '3',
    ])
    expect(code).toBe(0)
    expect(stdout).toContain('bell')
  })

  it('prints parse errors as file:line:column: message and exits 1', async () => {
    const file = files.path('bad.qasm')
    const { code, stdout, stderr } = await qfabric(['qasm', 'convert', file, '--to', '3'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(new RegExp(`^${file.replaceAll('.', '\\.')}:4:7: .+\n$`))
  })

  it('reports a missing file in one line (exit 1) and a bad --to as a usage error (exit 2)', async () => {
    const missing = await qfabric(['qasm', 'convert', files.path('nope.qasm'), '--to', '3'])
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: `qfabric: cannot read ${files.path('nope.qasm')}: no such file or directory\n`,
    })
    const bad = await qfabric(['qasm', 'convert', files.path('bell.qasm'), '--to', '4'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(
      /^qfabric: option '--to <version>' argument '4' is invalid\. expected 2 or 3\n$/,
    )
    const none = await qfabric(['qasm', 'convert', files.path('bell.qasm')])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain("required option '--to <version>' not specified")
  })
})
