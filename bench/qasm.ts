/**
 * `npm run bench -- qasm`: OpenQASM parsing speed. Parses the largest circuit (by line count)
 * under `shared/data` that is a valid program, 20 times, with the `parseQasm` dispatcher, and
 * prints lines and gates per second. The goal of the issue is ≥ 1,000,000 gate lines per second.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseQasm } from '@qfabric/core/qasm'

const RUNS = 20
const WARMUP_RUNS = 10

/** The repository root: the nearest ancestor whose package.json declares workspaces. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (
      existsSync(manifest) &&
      'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)
    )
      return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error('cannot find the repository root from bench/qasm')
    dir = parent
  }
}

function qasmFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return qasmFiles(path)
    return path.endsWith('.qasm') ? [path] : []
  })
}

const lineCount = (text: string): number =>
  text.split('\n').filter((line) => line.trim() !== '').length

/** The largest file that parses (QASMBench's largest upstream files are invalid programs). */
async function largestValidCircuit(
  dataDir: string,
): Promise<{ path: string; text: string; skipped: string[] }> {
  const files = await Promise.all(
    qasmFiles(dataDir).map(async (path) => ({ path, text: await readFile(path, 'utf8') })),
  )
  files.sort((a, b) => lineCount(b.text) - lineCount(a.text))
  const skipped: string[] = []
  for (const file of files) {
    try {
      parseQasm(file.text)
      return { ...file, skipped }
    } catch {
      skipped.push(relative(dataDir, file.path))
    }
  }
  throw new Error(`no valid OpenQASM file under ${dataDir}`)
}

/** Runs the benchmark and prints its figures. */
export async function runQasmBench(): Promise<void> {
  const dataDir = resolve(repositoryRoot(), '../shared/data')
  const { path, text, skipped } = await largestValidCircuit(dataDir)
  const lines = lineCount(text)
  for (const name of skipped) console.log(`skipped ${name}: not a valid program`)
  for (let i = 0; i < WARMUP_RUNS; i++) parseQasm(text)
  const times: number[] = []
  let gates = 0
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    gates = parseQasm(text).size()
    times.push(performance.now() - start)
  }
  const total = times.reduce((a, b) => a + b, 0) / 1000
  const median = [...times].sort((a, b) => a - b)[RUNS >> 1]! / 1000
  const format = (n: number): string => Math.round(n).toLocaleString('en-US')
  console.log(`file: ${relative(dataDir, path)} (${format(lines)} lines, ${format(gates)} gates)`)
  console.log(
    `${RUNS} parses in ${(total * 1000).toFixed(1)} ms (after ${WARMUP_RUNS} warm-up parses)`,
  )
  console.log(`lines/s: ${format((RUNS * lines) / total)}  (median run: ${format(lines / median)})`)
  console.log(`gates/s: ${format((RUNS * gates) / total)}  (median run: ${format(gates / median)})`)
}
