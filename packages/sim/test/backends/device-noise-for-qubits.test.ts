import { describe, expect, it } from 'vitest'
import { deviceNoiseForQubits } from '../../src/backends/device-noise-for-qubits.js'
import { FakeNairobi } from '../../src/fake/devices/fake-nairobi.js'

describe('deviceNoiseForQubits', () => {
  it('builds exactly the full model’s errors on the chosen qubits, and none elsewhere', async () => {
    const device = new FakeNairobi()
    const full = device.noiseModel
    const qubits = new Set([0, 1, 3])
    const part = deviceNoiseForQubits(device.target, qubits, await device.properties())
    for (const name of ['sx', 'x', 'id', 'reset']) {
      for (let q = 0; q < 7; q++) {
        const expected = qubits.has(q) ? full.errorsFor(name, [q]).map((e) => e.toJSON()) : []
        expect(
          part.errorsFor(name, [q]).map((e) => e.toJSON()),
          `${name} ${q}`,
        ).toEqual(expected)
      }
    }
    expect(part.errorsFor('cx', [0, 1]).map((e) => e.toJSON())).toEqual(
      full.errorsFor('cx', [0, 1]).map((e) => e.toJSON()),
    )
    expect(part.errorsFor('cx', [1, 2])).toEqual([])
    expect(part.readoutErrorFor(3)?.probabilities).toEqual(full.readoutErrorFor(3)?.probabilities)
    expect(part.readoutErrorFor(2)).toBeUndefined()
  })
})
