import { describe, expect, it } from 'vitest'
import { lexQasm3 } from '../../../src/qasm/qasm3/lexer.js'
import { parseProgram } from '../../../src/qasm/qasm3/parse-program.js'
import { parseQasm3 } from '../../../src/qasm/qasm3/parser.js'
import { SourceFile } from '../../../src/qasm/qasm3/source-file.js'

/** A program of `n` gate lines of the usual shapes. */
function gateLines(n: number): string {
  const gates = [
    'h q[3];',
    'cx q[1], q[7];',
    'rz(0.25) q[5];',
    'x q[19];',
    'cx q[12], q[0];',
    'u3(0.1, 0.2, pi/2) q[9];',
  ]
  const lines = ['OPENQASM 3.0;', 'include "stdgates.inc";', 'qubit[20] q;']
  for (let i = 0; i < n; i++) lines.push(gates[i % gates.length]!)
  return lines.join('\n')
}

/** Lines per CPU second of `run` (CPU time, so other processes on the machine matter less). */
function rate(lines: number, run: () => void): number {
  run() // warm up
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return lines / ((used.user + used.system) / 1e6)
}

describe('parsing speed', () => {
  // Measured on an idle machine (Node 24, bundled code): about 4.5M lines/s lexing, 2M lines/s
  // to the syntax tree (streamed) and 0.85M lines/s to a finished circuit. Under the test
  // runner and a loaded machine it is several times slower: the bounds only catch regressions
  // such as accidental quadratic work.
  const n = 100_000
  const text = gateLines(n)

  it('lexes, parses and lowers gate lines fast', () => {
    const lex = rate(n, () => lexQasm3(new SourceFile('bench', text), []))
    const ast = rate(n, () => parseProgram(text))
    const full = rate(n, () => parseQasm3(text))
    console.info(
      `qasm3 speed: lex ${(lex / 1e6).toFixed(2)}M, AST ${(ast / 1e6).toFixed(2)}M, circuit ${(full / 1e6).toFixed(2)}M lines/s`,
    )
    expect(lex).toBeGreaterThan(200_000)
    expect(ast).toBeGreaterThan(40_000)
    expect(full).toBeGreaterThan(40_000)
    expect(parseQasm3(text).data).toHaveLength(n)
  })
})
