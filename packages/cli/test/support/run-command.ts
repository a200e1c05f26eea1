import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, type RunCliOptions } from '../../src/run-cli.js'

/** A text sink that keeps what was written. */
export function sink(): { write(text: string): boolean; readonly text: string } {
  let text = ''
  return {
    write(chunk: string) {
      text += chunk
      return true
    },
    get text() {
      return text
    },
  }
}

/** What one `qfabric` invocation printed and returned. */
export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs `qfabric` in process, to its end, with buffers for its outputs.
 *
 * @param argv - the arguments after `qfabric`
 * @param options - extra options (env, poll interval, signal)
 * @returns the exit status and outputs
 */
export async function qfabric(
  argv: readonly string[],
  options: Omit<RunCliOptions, 'stdout' | 'stderr'> = {},
): Promise<CliRun> {
  const stdout = sink()
  const stderr = sink()
  const code = await runCli(argv, { pollIntervalMs: 20, ...options, stdout, stderr })
  return { code, stdout: stdout.text, stderr: stderr.text }
}

/** A temporary directory with files, removed by `cleanup()`. */
export async function tempFiles(files: Readonly<Record<string, string>> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'qfabric-cli-test-'))
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text)
  return {
    dir,
    path: (name: string) => join(dir, name),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}

/** A Bell-state program in OpenQASM 2. */
export const BELL_QASM2 = `OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
creg c[2];
h q[0];
cx q[0],q[1];
measure q -> c;
`

/** A GHZ program on 3 qubits in OpenQASM 3. */
export const GHZ_QASM3 = `OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
bit[3] c;
h q[0];
cx q[0], q[1];
cx q[1], q[2];
c = measure q;
`
