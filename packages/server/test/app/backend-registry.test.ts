import type { Provider } from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import {
  BackendRegistry,
  createDefaultBackendRegistry,
  providerSource,
} from '../../src/app/backend-registry.js'
import { ServerConfigError } from '../../src/config/server-config-error.js'
import { testBackend, testRegistry } from '../http/test-server.js'

describe('BackendRegistry', () => {
  it('resolves <source>:<name> and names the registered sources when it cannot', async () => {
    const registry = testRegistry()
    expect((await registry.resolve('test:sim')).name).toBe('sim')
    await expect(registry.resolve('nope:sim')).rejects.toThrow(ServerConfigError)
    await expect(registry.resolve('nocolon')).rejects.toThrow(/registered: test/)
    expect(registry.has('test')).toBe(true)
  })

  it('creates a provider source’s provider once, on first use', async () => {
    let created = 0
    const sim = await testRegistry().resolve('test:sim')
    const source = providerSource(() => {
      created++
      return Promise.resolve({ getBackend: () => Promise.resolve(sim) } as unknown as Provider)
    })
    const registry = new BackendRegistry().register('p', source)
    expect(created).toBe(0)
    await registry.resolve('p:a')
    await registry.resolve('p:b')
    expect(created).toBe(1)
    expect(testBackend({ name: 'x', target: sim.target }).name).toBe('x')
  })

  it('serves @qfabric/sim’s simulators and fake devices by default', async () => {
    const registry = createDefaultBackendRegistry()
    const qasm = await registry.resolve('local:qasm_simulator')
    expect(qasm.name).toBe('qasm_simulator')
    const manila = await registry.resolve('fake:fake_manila')
    expect(manila.numQubits).toBe(5)
    expect(manila.target.instructionSupported({ operationName: 'cx', qargs: [0, 1] })).toBe(true)
  })
})
