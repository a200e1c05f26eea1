import { describe, expect, it } from 'vitest'
import { Barrier, Delay, Parameter, standardGate } from '../../src/circuit/index.js'
import { InstructionDurations, TargetError } from '../../src/target/index.js'

const DT = 2e-9 / 9 // IBM Falcon/Eagle sample time, 0.222… ns

describe('InstructionDurations', () => {
  it('looks up name + qubits, then the name’s default (an entry without qubits)', () => {
    const durations = new InstructionDurations(
      [
        { name: 'cx', qubits: [0, 1], duration: 1350 },
        { name: 'cx', duration: 2000 },
        { name: 'x', qubits: [0], duration: 160 },
      ],
      { dt: DT },
    )
    expect(durations.get('cx', [0, 1])).toBe(1350)
    expect(durations.get('cx', [1, 0])).toBe(2000)
    expect(durations.get('x', 0)).toBe(160)
    expect(durations.has('x', [1])).toBe(false)
    expect(() => durations.get('x', [1])).toThrow(TargetError)
  })

  it('parameter-specific entries win over the plain (name, qubits) one', () => {
    const durations = new InstructionDurations([
      { name: 'rzz', qubits: [0, 1], duration: 300 },
      { name: 'rzz', qubits: [0, 1], duration: 150, parameters: [Math.PI / 4] },
    ])
    expect(durations.get('rzz', [0, 1], { parameters: [Math.PI / 4] })).toBe(150)
    expect(durations.get('rzz', [0, 1], { parameters: [1] })).toBe(300)
  })

  it('converts seconds to dt by rounding to whole samples, and dt to seconds by multiplying', () => {
    const durations = new InstructionDurations(
      [
        { name: 'cx', qubits: [0, 1], duration: 300e-9, unit: 's' },
        { name: 'x', qubits: [0], duration: 35.55555555555556, unit: 'ns' },
        { name: 'measure', qubits: [0], duration: 5.35, unit: 'us' },
        { name: 'sx', qubits: [0], duration: 160 },
      ],
      { dt: DT },
    )
    expect(durations.get('cx', [0, 1])).toBe(1350)
    expect(durations.get('x', [0])).toBe(160)
    expect(durations.get('measure', [0])).toBe(Math.round(5.35e-6 / DT))
    expect(durations.get('sx', [0], { unit: 's' })).toBeCloseTo(160 * DT, 20)
    expect(durations.get('cx', [0, 1], { unit: 's' })).toBe(300e-9)
    expect([...durations.unitsUsed()].sort()).toEqual(['dt', 'ns', 's', 'us'])
  })

  it('a conversion without dt throws target.duration-unit', () => {
    const durations = new InstructionDurations([
      { name: 'cx', qubits: [0, 1], duration: 3e-7, unit: 's' },
    ])
    expect(durations.get('cx', [0, 1], { unit: 's' })).toBe(3e-7)
    try {
      durations.get('cx', [0, 1])
      expect.unreachable()
    } catch (error) {
      expect((error as TargetError).code).toBe('target.duration-unit')
    }
  })

  it('a barrier lasts 0 and a delay lasts its own duration', () => {
    const durations = new InstructionDurations([], { dt: 1e-9 })
    expect(durations.get(new Barrier(3), [0, 1, 2])).toBe(0)
    expect(durations.get('barrier', [0])).toBe(0)
    expect(durations.get(new Delay(100), [0])).toBe(100)
    expect(durations.get(new Delay(2, 'us'), [0])).toBe(2000)
    expect(durations.get(new Delay(2, 'us'), [0], { unit: 's' })).toBeCloseTo(2e-6, 18)
    expect(() => durations.get(new Delay(new Parameter('t')), [0])).toThrow(TargetError)
  })

  it('an operation is looked up by its name', () => {
    const durations = new InstructionDurations([{ name: 'h', qubits: [2], duration: 40 }])
    expect(durations.get(standardGate('h'), [2])).toBe(40)
  })

  it('update returns a new object where later entries win; the original is unchanged', () => {
    const base = new InstructionDurations([{ name: 'x', qubits: [0], duration: 10 }], { dt: 1e-9 })
    const updated = base.update([{ name: 'x', qubits: [0], duration: 20 }])
    expect(base.get('x', [0])).toBe(10)
    expect(updated.get('x', [0])).toBe(20)
    expect(updated.dt).toBe(1e-9)
    expect(base.update([], 2e-9).dt).toBe(2e-9)
    expect(updated.entries).toHaveLength(2)
  })

  it('rejects negative durations', () => {
    expect(() => new InstructionDurations([{ name: 'x', duration: -1 }])).toThrow(RangeError)
  })
})
