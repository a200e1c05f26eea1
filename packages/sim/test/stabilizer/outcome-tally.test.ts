import { describe, expect, it } from 'vitest'
import { OutcomeTally } from '../../src/stabilizer/outcome-tally.js'

describe('OutcomeTally', () => {
  it('formats clbit 0 rightmost and counts repeated outcomes once per key', () => {
    const tally = new OutcomeTally(3, true)
    tally.addWords(Uint32Array.of(0b001))
    tally.addBits(Uint8Array.of(0, 1, 1))
    tally.addWords(Uint32Array.of(0b001), 2)
    expect(tally.finish()).toEqual({
      counts: new Map([
        ['001', 3],
        ['110', 1],
      ]),
      memory: ['001', '110', '001', '001'],
    })
  })

  it('handles outcomes wider than one word and no memory', () => {
    const tally = new OutcomeTally(40, false)
    const words = new Uint32Array(2)
    words[1] = 1 << 7 // clbit 39
    tally.addWords(words)
    const result = tally.finish()
    expect(result.memory).toBeUndefined()
    expect([...result.counts.keys()]).toEqual([`1${'0'.repeat(39)}`])
  })
})
