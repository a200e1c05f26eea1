import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
/** The package's `bin`, which npm links at install (before any build) and which loads `bin`. */
const packageBin = fileURLToPath(new URL('../bin/qfabric.js', import.meta.url))
const run = promisify(execFile)

// The built executable (`npx tsc -b tsconfig.json` builds it; `npm test` does before vitest).
describe.runIf(existsSync(bin))('the built qfabric executable', () => {
  it('prints the help and exits 0', async () => {
    const { stdout, stderr } = await run(process.execPath, [bin, '--help'])
    expect(stderr).toBe('')
    expect(stdout).toMatch(/^Usage: qfabric <command> \[options\]/)
    expect(stdout).toMatch(/^\s+transpile \[options\] <file>/m)
  })

  it('runs through the package bin npm links, with its exit status', async () => {
    const { stdout } = await run(process.execPath, [packageBin, '--help'])
    expect(stdout).toMatch(/^Usage: qfabric <command> \[options\]/)
    const failure = await run(process.execPath, [packageBin, 'frobnicate']).catch((e: unknown) => e)
    expect(failure).toMatchObject({ code: 2 })
  })

  it('exits 2 with one line on standard error for an unknown command', async () => {
    const failure = await run(process.execPath, [bin, 'frobnicate']).catch((e: unknown) => e)
    expect(failure).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "qfabric: unknown command 'frobnicate' (see 'qfabric --help' for the commands)\n",
    })
  })
})
