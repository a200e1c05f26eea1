import { BackendConfiguration, convertToTarget } from '@qfabric/core/target'
import type {
  Backend,
  BackendConfigurationJsonBody,
  BackendList,
  BackendStatusResponse,
  JobRecord,
} from '@qfabric/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock } from '../../../src/store/clock.js'
import {
  BELL_QASM3,
  MANILA_CONF,
  MANILA_PROPS,
  startTestServer,
  TEST_BACKENDS,
  type TestServer,
} from '../test-server.js'

describe('backends', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  const get = async (path: string, token = t.alice.token) => t.request('GET', path, { token })
  const names = async (query = '', token = t.alice.token) =>
    ((await get(`/v1/backends${query}`, token)).json as BackendList).items.map((b) => b.name)

  it('lists the backends each caller’s instances see, with filters', async () => {
    expect(await names()).toEqual(['sim', 'device', 'acme-only', 'maint'])
    expect(await names('', t.bob.token)).toEqual(['sim', 'device', 'maint'])
    expect(await names('', t.adminToken)).toEqual(['sim', 'device', 'acme-only', 'maint'])
    expect(await names('?kind=qpu')).toEqual(['device'])
    expect(await names('?min_qubits=6')).toEqual(['sim', 'acme-only', 'maint'])
    expect(await names('?status=maintenance')).toEqual(['maint'])
    expect(await names('?instance=other', t.adminToken)).toEqual(['sim', 'device', 'maint'])
  })

  it('describes a device from its real snapshot', async () => {
    const device = (await get('/v1/backends/device')).json as Backend
    expect(device).toMatchObject({
      name: 'device',
      kind: 'qpu',
      status: 'online',
      accepting_jobs: true,
      num_qubits: MANILA_CONF.n_qubits,
      basis_gates: MANILA_CONF.basis_gates,
      calibration_id: MANILA_PROPS.last_update_date,
      version: '1.2.3',
      programs: ['circuit-runner'],
    })
    expect(device.limits.max_qubits).toBe(5)
    const configuration = (await get('/v1/backends/device/configuration'))
      .json as BackendConfigurationJsonBody
    expect(configuration).toEqual({ ...MANILA_CONF, backend_name: 'device' })
    const properties = (await get('/v1/backends/device/properties')).json
    expect(properties).toEqual({ ...MANILA_PROPS, backend_name: 'device' })
    const stale = await get('/v1/backends/device/properties?calibration_id=old')
    expect(stale.status).toBe(404)
  })

  it('writes a simulator configuration a client turns back into an equivalent target', async () => {
    const json = (await get('/v1/backends/sim/configuration')).json as BackendConfigurationJsonBody
    expect(json).toMatchObject({
      backend_name: 'sim',
      n_qubits: 8,
      simulator: true,
      coupling_map: null,
    })
    expect(json.basis_gates).toEqual(expect.arrayContaining(['h', 'cx', 'rz', 'swap']))
    expect(json.basis_gates).not.toContain('measure')
    const target = convertToTarget(BackendConfiguration.fromJSON(json))
    expect(target.numQubits).toBe(8)
    expect(target.instructionSupported({ operationName: 'cx', qargs: [7, 2] })).toBe(true)
    expect(target.instructionSupported({ operationName: 'measure', qargs: [5] })).toBe(true)
    expect(target.instructionSupported({ operationName: 'ccx' })).toBe(false)
    expect((await get('/v1/backends/sim/properties')).status).toBe(404)
  })

  it('reports status in Qiskit’s shape with the queue', async () => {
    const maint = (await get('/v1/backends/maint/status')).json as BackendStatusResponse
    expect(maint).toMatchObject({
      backend_name: 'maint',
      operational: false,
      status: 'maintenance',
      status_msg: 'recalibrating',
      accepting_jobs: false,
    })
    const body = {
      backend: 'device',
      input: { circuits: [{ qasm: 'OPENQASM 3.0;\nqubit[1] q;\n' }] },
    }
    await t.request('POST', '/v1/jobs', { token: t.alice.token, body })
    await t.request('POST', '/v1/jobs', { token: t.bob.token, body })
    // Per-backend numbers are cached for two seconds.
    await new Promise((resolve) => setTimeout(resolve, 2100))
    const device = (await get('/v1/backends/device/status')).json as BackendStatusResponse
    expect(device).toMatchObject({
      operational: true,
      pending_jobs: 2,
      queue: { length: 2, running: 0 },
    })
  })
})

describe('availability windows', () => {
  it('queues jobs outside a window with phase waiting_for_window and reports the next start', async () => {
    // 2026-09-05 is a Saturday; the backend runs on weekdays from 08:00 to 18:00 UTC.
    const clock = createManualClock(Date.UTC(2026, 8, 5, 12))
    await using t = await startTestServer({
      clock,
      backends: {
        backends: [
          ...TEST_BACKENDS.backends,
          {
            name: 'office-hours',
            source: 'test:sim',
            availability_windows: [{ day: 'weekdays', start_hour: 8, end_hour: 18 }],
          },
        ],
      },
    })
    const status = (
      await t.request('GET', '/v1/backends/office-hours/status', { token: t.alice.token })
    ).json as BackendStatusResponse
    expect(status.next_window_start).toBe('2026-09-07T08:00:00.000Z')
    const job = (
      await t.request('POST', '/v1/jobs', {
        token: t.alice.token,
        body: { backend: 'office-hours', input: { circuits: [{ qasm: BELL_QASM3 }] } },
      })
    ).json as JobRecord
    expect(job.phase).toBe('waiting_for_window')
  })
})
