import { readFileSync } from 'node:fs'
import {
  BackendNotFoundError,
  supportsConfiguration,
  supportsProperties,
  supportsStatus,
} from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import { FAKE_BACKEND_CLASSES, FakeProvider } from '../../src/fake/fake-provider.js'
import { FAKE_DEVICES } from '../../src/fake/fake-snapshot.js'

const SHARED = `${process.env['QFABRIC_SHARED']}/data/qiskit-fake-backends`

describe('FakeProvider', () => {
  it('lists one backend per shipped snapshot, each with the snapshot’s qubit count', async () => {
    const backends = await new FakeProvider().backends()
    expect(backends.map((b) => b.name)).toEqual(FAKE_DEVICES.map((d) => `fake_${d}`))
    for (const [i, device] of FAKE_DEVICES.entries()) {
      const conf = JSON.parse(readFileSync(`${SHARED}/${device}/conf_${device}.json`, 'utf8')) as {
        n_qubits: number
        backend_version: string
      }
      const backend = backends[i]!
      expect(backend.numQubits, device).toBe(conf.n_qubits)
      expect(backend.target.numQubits).toBe(conf.n_qubits)
      expect(backend.backendVersion).toBe(conf.backend_version)
      expect(
        supportsStatus(backend) && supportsProperties(backend) && supportsConfiguration(backend),
      ).toBe(true)
    }
    expect(FAKE_BACKEND_CLASSES.map((C) => C.name)).toEqual([
      'FakeVigo',
      'FakeLima',
      'FakeManila',
      'FakeFractional',
      'FakeNairobi',
      'FakeGuadalupe',
      'FakeMontreal',
      'FakeKolkata',
      'FakeWashington',
      'FakeSherbrooke',
      'FakeTorino',
      'FakeFez',
    ])
  })

  it('finds devices by name and by size', async () => {
    const provider = new FakeProvider()
    expect((await provider.getBackend('fake_manila')).numQubits).toBe(5)
    const big = await provider.backends({ minNumQubits: 127 })
    expect(big.map((b) => b.name)).toEqual([
      'fake_washington',
      'fake_sherbrooke',
      'fake_torino',
      'fake_fez',
    ])
    await expect(provider.getBackend('fake_nowhere')).rejects.toBeInstanceOf(BackendNotFoundError)
  })

  it('ships byte-identical copies of the snapshots with their licence', () => {
    for (const device of FAKE_DEVICES) {
      for (const kind of ['conf', 'props']) {
        const shipped = readFileSync(
          new URL(`../../data/fake-backends/${device}/${kind}_${device}.json`, import.meta.url),
        )
        expect(shipped.equals(readFileSync(`${SHARED}/${device}/${kind}_${device}.json`))).toBe(
          true,
        )
      }
    }
    const licence = readFileSync(
      new URL('../../data/fake-backends/LICENSE.txt', import.meta.url),
      'utf8',
    )
    expect(licence).toMatch(/Apache License/)
  })
})
