import { describe, expect, it } from 'vitest'
import type { Backend } from '../../src/providers/backend.js'
import {
  supportsConfiguration,
  supportsJobRetrieval,
  supportsStatus,
} from '../../src/providers/backend-capabilities.js'
import { filterBackends } from '../../src/providers/filter-backends.js'
import { leastBusy } from '../../src/providers/least-busy.js'
import { BaseProvider } from '../../src/providers/provider.js'
import { BackendNotFoundError } from '../../src/providers/provider-errors.js'
import { parseJobHandle, restoreJob } from '../../src/providers/restore-job.js'
import { QuantumCircuit } from '../../src/circuit/quantum-circuit.js'
import { BackendConfiguration } from '../../src/target/backend-configuration.js'
import { BackendStatus } from '../../src/target/backend-status.js'
import type { BackendConfigurationJson } from '../../src/target/backend-json.js'
import { FixtureBackend } from './__fixtures__/fixture-backend.js'

function configurationJson(
  name: string,
  nQubits: number,
  extra: Record<string, unknown> = {},
): BackendConfigurationJson {
  return {
    backend_name: name,
    backend_version: '1.0.0',
    n_qubits: nQubits,
    basis_gates: ['h', 'x', 'cx'],
    gates: [],
    local: true,
    simulator: true,
    conditional: false,
    open_pulse: false,
    memory: true,
    max_shots: 100_000,
    coupling_map: null,
    ...extra,
  }
}

class ConfiguredBackend extends FixtureBackend {
  readonly #conf: BackendConfiguration
  constructor(name: string, nQubits: number, extra: Record<string, unknown> = {}, pendingJobs = 0) {
    super({ name, numQubits: nQubits, pendingJobs })
    this.#conf = new BackendConfiguration(configurationJson(name, nQubits, extra))
  }
  configuration(): Promise<BackendConfiguration> {
    return Promise.resolve(this.#conf)
  }
}

class ListProvider extends BaseProvider {
  override readonly name = 'list'
  constructor(readonly all: readonly Backend[]) {
    super()
  }
  protected listBackends(): readonly Backend[] {
    return this.all
  }
}

describe('Provider, filterBackends and leastBusy (qiskit-semantics §A.3)', () => {
  const a = new ConfiguredBackend('a', 5, { quantum_volume: 32 }, 3)
  const b = new ConfiguredBackend('b', 7, { quantum_volume: 64 }, 1)
  const c = new ConfiguredBackend('c', 5, {}, 0)
  c.statusSnapshot = new BackendStatus({ ...c.statusSnapshot, statusMsg: 'maintenance' })

  it('capability guards see status and configuration', () => {
    expect(supportsStatus(a)).toBe(true)
    expect(supportsConfiguration(a)).toBe(true)
    expect(supportsConfiguration(new FixtureBackend({ name: 'plain' }))).toBe(false)
    expect(supportsJobRetrieval(a)).toBe(true)
  })

  it('A.3 a kwarg declared in every configuration filters by configuration', async () => {
    expect(
      (await filterBackends([a, b, c], { fields: { n_qubits: 5 } })).map((x) => x.name),
    ).toEqual(['a', 'c'])
  })

  it('A.3 a kwarg not declared in every configuration becomes a status filter', async () => {
    expect(
      (await filterBackends([a, b, c], { fields: { status_msg: 'active' } })).map((x) => x.name),
    ).toEqual(['a', 'b'])
    expect(
      (await filterBackends([a, b, c], { fields: { pending_jobs: 1 } })).map((x) => x.name),
    ).toEqual(['b'])
  })

  it('A.3 overflow configuration fields (quantum_volume) are not "in" the configuration: they silently become status filters', async () => {
    expect(await filterBackends([a, b], { fields: { quantum_volume: 32 } })).toEqual([])
    expect(
      (await filterBackends([a, b], { configuration: { quantum_volume: 32 } })).map((x) => x.name),
    ).toEqual(['a'])
  })

  it('A.3 a missing attribute compares as null', async () => {
    expect(
      (await filterBackends([a, b], { fields: { no_such_field: null } })).map((x) => x.name),
    ).toEqual(['a', 'b'])
  })

  it('A.3 configuration filters, then status filters, then the predicate; input order kept', async () => {
    const calls: string[] = []
    const out = await filterBackends([b, a, c], {
      fields: { n_qubits: 5, operational: true },
      predicate: (x) => {
        calls.push(x.name)
        return x.name !== 'c'
      },
    })
    expect(out.map((x) => x.name)).toEqual(['a'])
    expect(calls).toEqual(['a', 'c'])
  })

  it('A.3 list values compare element by element', async () => {
    expect((await filterBackends([a], { fields: { basis_gates: ['h', 'x', 'cx'] } })).length).toBe(
      1,
    )
    expect((await filterBackends([a], { fields: { basis_gates: ['h', 'x'] } })).length).toBe(0)
  })

  it('C.7 a backend without configuration() makes the key a status filter instead of failing', async () => {
    const plain = new FixtureBackend({ name: 'plain' })
    expect(
      (await filterBackends([a, plain], { fields: { operational: true } })).map((x) => x.name),
    ).toEqual(['a', 'plain'])
  })

  it('name and minNumQubits filters', async () => {
    expect((await filterBackends([a, b, c], { minNumQubits: 6 })).map((x) => x.name)).toEqual(['b'])
    expect((await filterBackends([a, b, c], { name: 'c' })).map((x) => x.name)).toEqual(['c'])
  })

  it('A.3 getBackend needs exactly one match, else BackendNotFoundError', async () => {
    const provider = new ListProvider([a, b, new ConfiguredBackend('a', 3)])
    expect((await provider.getBackend('b')).name).toBe('b')
    await expect(provider.getBackend('zzz')).rejects.toThrow(/No backend matches the criteria/)
    await expect(provider.getBackend('a')).rejects.toThrow(
      /More than one backend matches the criteria/,
    )
    await expect(provider.getBackend('a')).rejects.toBeInstanceOf(BackendNotFoundError)
    expect((await provider.backends({ fields: { n_qubits: 7 } })).map((x) => x.name)).toEqual(['b'])
  })

  it('A.3 least_busy skips non-operational and paused backends, and picks the fewest pending jobs', async () => {
    const down = new FixtureBackend({ name: 'down', operational: false, pendingJobs: 0 })
    const { backend, status, statuses } = await leastBusy([a, b, c, down])
    expect(backend.name).toBe('b')
    expect(status.pendingJobs).toBe(1)
    expect([...statuses.keys()]).toEqual(['a', 'b', 'c', 'down'])
  })

  it('C.12 least_busy uses one snapshot per backend and breaks ties by order', async () => {
    const x = new FixtureBackend({ name: 'x', pendingJobs: 2 })
    const y = new FixtureBackend({ name: 'y', pendingJobs: 2 })
    let calls = 0
    const original = y.status.bind(y)
    y.status = () => {
      calls++
      return original()
    }
    expect((await leastBusy([x, y])).backend.name).toBe('x')
    expect(calls).toBe(1)
  })

  it('A.3 least_busy of an empty list, or with no candidates, raises', async () => {
    await expect(leastBusy([])).rejects.toBeInstanceOf(BackendNotFoundError)
    await expect(leastBusy([c])).rejects.toThrow(/No backend matches the criteria/)
  })

  it('C.8 a job handle restores through the provider', async () => {
    const provider = new ListProvider([a, b])
    const job = await b.run(new QuantumCircuit(1, 1))
    const handle = JSON.parse(JSON.stringify(job)) as unknown
    const again = await restoreJob(provider, handle)
    expect(again).toBe(job)
    expect(() => parseJobHandle({ format: 'other' })).toThrow(TypeError)
    await expect(
      restoreJob(new ListProvider([new FixtureBackend({ name: 'b' })]), {
        ...(handle as object),
        id: 'nope',
      }),
    ).rejects.toThrow(/no job nope/)
  })
})

describe('simulator capability guards (STYLE §5.3)', () => {
  it('detect the simulate* methods', async () => {
    const { supportsDensityMatrix, supportsExpectationValues, supportsStatevector } =
      await import('../../src/providers/simulator-capabilities.js')
    const plain = new FixtureBackend({ name: 'p' })
    expect(
      supportsStatevector(plain) ||
        supportsDensityMatrix(plain) ||
        supportsExpectationValues(plain),
    ).toBe(false)
    const sv = Object.assign(new FixtureBackend({ name: 's' }), {
      simulateStatevector: () => Promise.resolve(new Float64Array([1, 0])),
    })
    expect(supportsStatevector(sv)).toBe(true)
  })
})
