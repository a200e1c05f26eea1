import { JOB_STATUSES } from '@qfabric/core/providers'
import { describe, expect, it } from 'vitest'
import {
  defaultPhase,
  FINAL_SERVICE_JOB_STATUSES,
  isFinalServiceJobStatus,
  isPhaseOf,
  isServiceJobStatus,
  JOB_PHASES_BY_STATUS,
  KNOWN_JOB_PHASES,
  PENDING_SERVICE_JOB_STATUSES,
  SERVICE_JOB_STATUSES,
  SERVICE_TO_JOB_STATUS,
  toJobStatus,
} from '../../src/jobs/service-job-status.js'
import { serviceSpec } from '../__fixtures__/examples.js'

describe('service job statuses and phases (§8.2)', () => {
  it('lists the phase vocabulary exactly as §8.2 does, default first', () => {
    const spec = serviceSpec()
    const paragraph = spec.slice(
      spec.indexOf('Phase vocabulary'),
      spec.indexOf('Final states have'),
    )
    for (const status of ['QUEUED', 'RUNNING', 'CANCELLING'] as const) {
      const match = new RegExp(`${status} → ([^;.]*)`).exec(paragraph)
      const phases = [...(match?.[1] ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1])
      expect(JOB_PHASES_BY_STATUS[status]).toEqual(phases)
    }
    expect(paragraph).toContain('`queued` (default)')
    expect(defaultPhase('QUEUED')).toBe('queued')
    for (const status of FINAL_SERVICE_JOB_STATUSES) {
      expect(JOB_PHASES_BY_STATUS[status]).toEqual([])
      expect(defaultPhase(status)).toBeNull()
      expect(isPhaseOf(status, null)).toBe(true)
    }
    expect(KNOWN_JOB_PHASES).toHaveLength(12)
  })

  it('maps onto Qiskit-style statuses exactly as §8.2 says', () => {
    const spec = serviceSpec()
    const sentence = spec.slice(spec.indexOf('Provider mapping to Qiskit-style statuses'))
    for (const m of sentence.matchAll(/([A-Z/]+)→`([A-Z]+)`/g)) {
      for (const from of m[1]!.split('/')) {
        expect(toJobStatus(from as never)).toBe(m[2])
      }
    }
    expect(Object.keys(SERVICE_TO_JOB_STATUS).sort()).toEqual([...SERVICE_JOB_STATUSES].sort())
    for (const s of SERVICE_JOB_STATUSES) expect(JOB_STATUSES).toContain(SERVICE_TO_JOB_STATUS[s])
  })

  it('partitions statuses into pending and final', () => {
    expect([...PENDING_SERVICE_JOB_STATUSES, ...FINAL_SERVICE_JOB_STATUSES].sort()).toEqual(
      [...SERVICE_JOB_STATUSES].sort(),
    )
    for (const s of FINAL_SERVICE_JOB_STATUSES) expect(isFinalServiceJobStatus(s)).toBe(true)
    for (const s of PENDING_SERVICE_JOB_STATUSES) expect(isFinalServiceJobStatus(s)).toBe(false)
  })

  it('recognises statuses and phases', () => {
    expect(isServiceJobStatus('CANCELLING')).toBe(true)
    expect(isServiceJobStatus('DONE')).toBe(false)
    expect(isServiceJobStatus(3)).toBe(false)
    expect(isPhaseOf('RUNNING', 'executing')).toBe(true)
    expect(isPhaseOf('RUNNING', 'queued')).toBe(false)
    expect(isPhaseOf('QUEUED', null)).toBe(false)
  })
})
