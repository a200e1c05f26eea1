import { describe, expect, it } from 'vitest'
import { OP, type StabilizerOp } from '../../src/stabilizer/stabilizer-program.js'
import {
  dropInitialResets,
  forEachStreamQubit,
  terminalTail,
} from '../../src/stabilizer/terminal-tail.js'

const gates = (...code: number[]): StabilizerOp => ({ kind: 'gates', code: Int32Array.from(code) })
const measure = (qubit: number, clbit: number): StabilizerOp => ({ kind: 'measure', qubit, clbit })
const reset = (qubit: number): StabilizerOp => ({ kind: 'reset', qubit })

describe('terminalTail', () => {
  it('covers a whole program of gates then measurements, gates on other qubits included', () => {
    const ops = [
      gates(OP.H, 0, OP.CX, 0, 1),
      measure(0, 0),
      gates(OP.S, 2),
      measure(1, 1),
      measure(0, 2),
    ]
    const tail = terminalTail(ops, 3)
    expect(tail.start).toBe(0)
    expect(tail.streams).toHaveLength(2)
    expect(tail.measures).toEqual([
      { qubit: 0, clbit: 0 },
      { qubit: 1, clbit: 1 },
      { qubit: 0, clbit: 2 },
    ])
  })

  it('starts after the last measurement a later gate acts on, and after resets and control flow', () => {
    expect(terminalTail([measure(0, 0), gates(OP.H, 0), measure(0, 1)], 3).start).toBe(1)
    expect(terminalTail([gates(OP.H, 0), reset(0), measure(0, 0)], 3).start).toBe(2)
    const ifOp: StabilizerOp = {
      kind: 'if',
      condition: { clbits: [0], op: '==', value: 1n },
      then: [],
      else: [],
    }
    expect(terminalTail([measure(0, 0), ifOp], 3).start).toBe(2)
    expect(terminalTail([], 3).start).toBe(0)
  })
})

describe('dropInitialResets', () => {
  it('drops resets of untouched qubits only, and none after control flow', () => {
    const ifOp: StabilizerOp = {
      kind: 'if',
      condition: { clbits: [0], op: '==', value: 1n },
      then: [],
      else: [],
    }
    const ops = [
      reset(0),
      gates(OP.H, 1),
      reset(1),
      reset(2),
      measure(2, 0),
      reset(2),
      ifOp,
      reset(3),
    ]
    expect(dropInitialResets(ops)).toEqual([
      gates(OP.H, 1),
      reset(1),
      measure(2, 0),
      reset(2),
      ifOp,
      reset(3),
    ])
  })
})

describe('forEachStreamQubit', () => {
  it('visits the qubits of one-qubit, two-qubit and table ops', () => {
    const seen: number[] = []
    forEachStreamQubit(
      Int32Array.of(OP.H, 4, OP.CZ, 1, 2, OP.TABLE, 0, 3, 7, 8, 9, OP.SX, 5),
      (q) => seen.push(q),
    )
    expect(seen).toEqual([4, 1, 2, 7, 8, 9, 5])
  })
})
