import { describe, expect, it } from 'vitest'
import type { UnitaryOp } from '../../../src/engine/sim-program.js'
import { withoutTrailingDiagonals } from '../../../src/engine/structured/without-trailing-diagonals.js'
import { cx, h } from '../../helpers/gates.js'

const cz = (a: number, b: number): UnitaryOp => ({
  kind: 'diagonal',
  qubits: [a, b],
  diagonal: Float64Array.of(1, 0, 1, 0, 1, 0, -1, 0),
})
const cs = (c: number, t: number): UnitaryOp => ({
  kind: 'controlled',
  controls: [c],
  controlState: 1,
  target: { kind: 'diagonal', qubits: [t], diagonal: Float64Array.of(1, 0, 0, 1) },
})

describe('withoutTrailingDiagonals', () => {
  it('drops diagonals that only diagonals follow on their qubits', () => {
    const phase: UnitaryOp = { kind: 'global-phase', phase: 1 }
    const ops = [h(0), h(1), h(2), cz(0, 1), cs(1, 2), phase, cz(0, 2)]
    expect(withoutTrailingDiagonals(ops)).toEqual([h(0), h(1), h(2)])
  })

  it('keeps diagonals a later non-diagonal gate depends on, in order', () => {
    const ops = [h(0), cz(0, 1), h(1), cz(1, 2), cx(2, 3), cz(0, 3)]
    expect(withoutTrailingDiagonals(ops)).toEqual([h(0), cz(0, 1), h(1), cz(1, 2), cx(2, 3)])
  })
})
