import { STANDARD_GATE_NAMES } from '@qfabric/core/circuit'
import { describe, expect, it } from 'vitest'
import { createSimulatorTarget } from '../../src/backends/simulator-target.js'

describe('createSimulatorTarget', () => {
  const target = createSimulatorTarget(10, 'test')

  it('has every standard gate, measure, reset, delay, unitary and control flow on any qubits', () => {
    for (const name of STANDARD_GATE_NAMES) expect(target.has(name), name).toBe(true)
    for (const name of [
      'measure',
      'reset',
      'delay',
      'unitary',
      'if_else',
      'while_loop',
      'for_loop',
      'box',
    ]) {
      expect(target.has(name), name).toBe(true)
    }
    expect(target.instructionSupported({ operationName: 'cx', qargs: [9, 2] })).toBe(true)
    expect(target.instructionSupported({ operationName: 'mcx', qargs: [0, 1, 2, 3, 4] })).toBe(true)
    expect(target.instructionSupported({ operationName: 'cx', qargs: [9, 10] })).toBe(false)
  })

  it('is frozen, all-to-all and sized', () => {
    expect(target.isFrozen).toBe(true)
    expect(target.numQubits).toBe(10)
    expect(target.buildCouplingMap()).toBeNull()
    expect(target.description).toBe('test')
  })
})
