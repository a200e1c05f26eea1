import { describe, expect, it } from 'vitest'
import { BackendCatalog } from '../../src/app/backend-catalog.js'
import { ServiceError } from '../../src/http/service-error.js'
import { testRegistry } from '../http/test-server.js'

describe('BackendCatalog', () => {
  const catalog = new BackendCatalog(
    {
      defaults: { limits: { max_shots: 5000 } },
      backends: [
        { name: 'open', source: 'test:sim' },
        {
          name: 'acme',
          source: 'test:sim',
          instances: ['acme/research'],
          limits: { max_qubits: 20 },
        },
        { name: 'narrow', source: 'test:manila', limits: { max_qubits: 3, max_shots: 100 } },
      ],
    },
    testRegistry(),
  )

  it('offers backends by instance prefix and hides the others like missing ones', () => {
    expect(catalog.visibleEntries(['acme/research/vqe']).map((e) => e.name)).toEqual([
      'open',
      'acme',
      'narrow',
    ])
    expect(catalog.visibleEntries(['acme/ops/x']).map((e) => e.name)).toEqual(['open', 'narrow'])
    expect(catalog.visibleEntries(null)).toHaveLength(3)
    expect(() => catalog.visibleEntry('acme', ['other/a/b'])).toThrow(ServiceError)
    expect(() => catalog.visibleEntry('missing', null)).toThrow(/No backend "missing"/)
    expect(catalog.entries.find((e) => e.name === 'narrow')?.kind).toBe('simulator')
  })

  it('merges limits: built-in < defaults < entry, capped by the backend', async () => {
    const open = await catalog.resolve(catalog.visibleEntry('open', null))
    expect(open.limits).toMatchObject({ max_shots: 5000, max_circuits: 300, max_qubits: 8 })
    const acme = await catalog.resolve(catalog.visibleEntry('acme', null))
    expect(acme.limits.max_qubits).toBe(8)
    const narrow = await catalog.resolve(catalog.visibleEntry('narrow', null))
    expect(narrow.limits).toMatchObject({ max_shots: 100, max_qubits: 3 })
    expect(await catalog.resolve(catalog.visibleEntry('open', null))).toBe(open)
  })
})
