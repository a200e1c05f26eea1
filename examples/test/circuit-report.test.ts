import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseQasm } from '@qfabric/core/qasm'
import { circuitReport } from '../circuit-report.js'

const dir = fileURLToPath(new URL('../circuits/', import.meta.url))
const files = readdirSync(dir).filter((f) => f.endsWith('.qasm'))

describe('the demo circuits', () => {
  it.each(files)('%s parses, draws and exports to OpenQASM 3 that parses back', (file) => {
    const report = circuitReport(readFileSync(`${dir}${file}`, 'utf8'), file)
    expect(report.drawing.split('\n').length).toBeGreaterThan(report.circuit.numQubits)
    const again = parseQasm(report.qasm3)
    expect(again.numQubits).toBe(report.circuit.numQubits)
    expect(again.size()).toBe(report.circuit.size())
  })

  it('draws the Bell circuit like Qiskit', () => {
    const report = circuitReport(readFileSync(`${dir}bell.qasm`, 'utf8'), 'bell.qasm')
    expect(report.drawing).toBe(
      [
        '     ┌───┐     ┌─┐',
        'q_0: ┤ H ├──■──┤M├───',
        '     └───┘┌─┴─┐└╥┘┌─┐',
        'q_1: ─────┤ X ├─╫─┤M├',
        '          └───┘ ║ └╥┘',
        'c: 2/═══════════╩══╩═',
        '                0  1',
      ].join('\n'),
    )
  })
})
