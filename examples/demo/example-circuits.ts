import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { parseQasm } from '@qfabric/core/qasm'

/**
 * `examples/circuits/`, seen from this module as compiled (`examples/dist/demo/`) or as
 * source (`examples/demo/`, under the test runner).
 */
function circuitsDir(): string {
  const candidates = ['../../circuits/', '../circuits/'].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  )
  const found = candidates.find((dir) => existsSync(`${dir}bell.qasm`))
  if (found === undefined) throw new Error(`examples/circuits not found (${candidates.join(', ')})`)
  return found
}

/**
 * Reads an example circuit from `examples/circuits/`.
 *
 * @param fileName - e.g. `bell.qasm`
 * @returns the parsed circuit, named after the file (without `.qasm`)
 * @throws QasmParseError when the file is not valid OpenQASM
 */
export function loadExampleCircuit(fileName: string): QuantumCircuit {
  const source = readFileSync(`${circuitsDir()}${fileName}`, 'utf8')
  return parseQasm(source, { fileName }).copy(fileName.replace(/\.qasm$/, ''))
}
