import { QuantumCircuit } from '@qfabric/core/circuit'
import { describeBackendConformance, GenericBackend } from '@qfabric/core/testing'
import { describe, expect, it } from 'vitest'
import { createGenericBackendSimulator } from '../../src/backends/generic-backend-simulator.js'

const create = (isNoisy = true): GenericBackend =>
  new GenericBackend({ numQubits: 3, seed: 7 }).withSimulator(
    createGenericBackendSimulator({ isNoisy }),
  )

describeBackendConformance({
  describe,
  it,
  expect,
  createBackend: () => create(),
  name: 'GenericBackend on the local simulator',
})

describe('createGenericBackendSimulator', () => {
  const bell = (): QuantumCircuit =>
    new QuantumCircuit(3, 2)
      .rz(Math.PI / 2, 0)
      .sx(0)
      .rz(Math.PI / 2, 0)
      .cx(0, 1)
      .measure([0, 1], [0, 1])

  it('runs with the noise of the drawn calibration, or ideally', async () => {
    const shots = 4000
    const noisy = (await (await create().run(bell(), { shots, seed: 1 })).result()).getCounts()
    const ideal = (await (await create(false).run(bell(), { shots, seed: 1 })).result()).getCounts()
    expect([...ideal.keys()].sort()).toEqual(['00', '11'])
    expect((noisy.get('01') ?? 0) + (noisy.get('10') ?? 0)).toBeGreaterThan(0)
    expect((noisy.get('00') ?? 0) + (noisy.get('11') ?? 0)).toBeGreaterThan(0.9 * shots)
  })
})
