import { readFile, writeFile } from 'node:fs/promises'
import type { QuantumCircuit } from '@qfabric/core/circuit'
import {
  chainIncludeResolvers,
  createDefaultIncludeResolver,
  detectQasmVersion,
  parseQasm,
} from '@qfabric/core/qasm'
import { CliError } from '../cli-error.js'
import { FileIncludeResolver } from './file-include-resolver.js'

/** A circuit read from an OpenQASM file. */
export interface CircuitFile {
  readonly circuit: QuantumCircuit
  /** The OpenQASM version of the file (2 without a header, as Qiskit assumes). */
  readonly version: 2 | 3
}

/**
 * Reads a file as text.
 *
 * @param path - the file
 * @returns its text
 * @throws CliError `cli.file` naming the file and the reason
 */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new CliError('cli.file', `cannot read ${path}: ${reason(error)}`, { cause: error })
  }
}

/**
 * Reads and parses an OpenQASM 2 or 3 file; `include`s resolve beside it, then to the standard
 * files. Diagnostics name the file as given.
 *
 * @param path - the file
 * @param signal - stops a long parse
 * @returns the circuit and the file's version
 * @throws CliError `cli.file` when the file cannot be read; QasmParseError when it is invalid
 */
export async function readCircuitFile(path: string, signal?: AbortSignal): Promise<CircuitFile> {
  const text = await readTextFile(path)
  const circuit = parseQasm(text, {
    fileName: path,
    includeResolver: chainIncludeResolvers(
      new FileIncludeResolver(),
      createDefaultIncludeResolver(),
    ),
    signal,
  })
  return { circuit, version: detectQasmVersion(text)?.major === 3 ? 3 : 2 }
}

/**
 * Writes text to a file, ending it with a newline.
 *
 * @param path - the file (created or replaced)
 * @param text - the content
 * @throws CliError `cli.file` naming the file and the reason
 */
export async function writeTextFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text.endsWith('\n') ? text : `${text}\n`)
  } catch (error) {
    throw new CliError('cli.file', `cannot write ${path}: ${reason(error)}`, { cause: error })
  }
}

/** `ENOENT: no such file…` → `no such file or directory`. */
function reason(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    const code = String(error.code)
    if (code === 'ENOENT') return 'no such file or directory'
    if (code === 'EACCES') return 'permission denied'
    if (code === 'EISDIR') return 'it is a directory'
  }
  return error instanceof Error ? error.message : String(error)
}
