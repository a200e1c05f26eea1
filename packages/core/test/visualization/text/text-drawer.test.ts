import { describe, expect, it } from 'vitest'
import { QuantumCircuit } from '../../../src/circuit/index.js'
import { drawText } from '../../../src/visualization/index.js'

describe('drawText', () => {
  it('draws a measured Bell circuit like Qiskit', () => {
    const qc = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure([0, 1], [0, 1])
    expect(drawText(qc)).toBe(
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

describe('drawText layout rules', () => {
  it('draws cz with a dot on both qubits and swap with ╳', () => {
    const lines = drawText(new QuantumCircuit(2).cz(0, 1).swap(0, 1)).split('\n')
    expect(lines[1]).toBe('q_0: ─■──╳─')
    expect(lines[2]).toBe('      │  │')
    expect(lines[3]).toBe('q_1: ─■──╳─')
  })

  it('joins a barrier across adjacent qubits', () => {
    const lines = drawText(new QuantumCircuit(2).barrier()).split('\n')
    expect(lines).toEqual(['      ░', 'q_0: ─░─', '      ░', 'q_1: ─░─', '      ░'])
  })

  it('folds long circuits at the requested width and marks continuations', () => {
    const qc = new QuantumCircuit(2)
    for (let i = 0; i < 40; i++) qc.h(0).cx(0, 1)
    const text = drawText(qc, { fold: 60 })
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(60)
    expect(text).toContain('»')
    expect(text).toContain('«q_0: ')
    const unfolded = drawText(qc, { fold: 0 })
    expect(unfolded.split('\n')).toHaveLength(5)
  })

  it('prints the global phase and parameters with π', () => {
    const qc = new QuantumCircuit(1)
    qc.globalPhase = Math.PI / 4
    qc.rz((3 * Math.PI) / 4, 0)
    const text = drawText(qc)
    expect(text.split('\n')[0]).toBe('global phase: π/4')
    expect(text).toContain('┤ Rz(3π/4) ├')
  })
})
