import { describe, expect, it } from 'vitest'
import { renderBackends } from '../../src/commands/backends-command.js'
import { qfabric } from '../support/run-command.js'

describe('qfabric backends --local', () => {
  it('lists the simulators and fake devices with qubits, status and queue, least busy marked', async () => {
    const { code, stdout } = await qfabric(['backends', '--local'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^NAME\s+QUBITS\s+STATUS\s+PENDING\n/)
    expect(stdout).toMatch(/^fake_manila\s+5\s+operational\s+0$/m)
    expect(stdout).toMatch(/^qasm_simulator \*\s+30\s+operational\s+0$/m)
    expect(stdout.endsWith('* least busy\n')).toBe(true)
  })

  it('filters by qubits and simulator, and prints JSON', async () => {
    const { code, stdout } = await qfabric(['backends', '--local', '--min-qubits', '100', '--json'])
    expect(code).toBe(0)
    const rows = JSON.parse(stdout) as { name: string; numQubits: number }[]
    expect(rows.map((r) => r.name)).toContain('fake_sherbrooke')
    expect(rows.every((r) => r.numQubits >= 100)).toBe(true)
    const sims = JSON.parse(
      (await qfabric(['backends', '--local', '--simulator', '--json'])).stdout,
    ) as {
      name: string
    }[]
    expect(sims.map((r) => r.name)).toEqual([
      'qasm_simulator',
      'statevector_simulator',
      'unitary_simulator',
      'density_matrix_simulator',
      'stabilizer_simulator',
    ])
  })
})

describe('renderBackends', () => {
  it('shows paused and offline backends with their messages, and unknown queues as -', () => {
    const text = renderBackends([
      {
        name: 'a',
        numQubits: 5,
        operational: true,
        statusMessage: 'maintenance',
        pendingJobs: 2,
        leastBusy: false,
      },
      {
        name: 'b',
        numQubits: null,
        operational: false,
        statusMessage: 'retired',
        pendingJobs: null,
        leastBusy: false,
      },
    ])
    expect(text).toMatch(/^a\s+5\s+paused: maintenance\s+2$/m)
    expect(text).toMatch(/^b\s+-\s+offline: retired\s+-$/m)
    expect(text).not.toContain('least busy')
  })
})
