import type { ServiceJobEvent } from '../../src/schemas/job-events.js'
import { specJobRecord, T0 } from './examples.js'

const job_id = 'job_01J9Z3K7Q8V2M4N6P0R2S4T6V8'
const record = specJobRecord()

/** One valid event of every type. */
export const EVENTS: ServiceJobEvent[] = [
  { type: 'snapshot', seq: 3, job_id, time: T0, job: record as never },
  {
    type: 'job.status',
    seq: 4,
    job_id,
    time: T0,
    status: 'RUNNING',
    previous_status: 'QUEUED',
    phase: 'preparing',
    status_reason: null,
    attempt: 1,
    rev: 4,
  },
  { type: 'job.queue', seq: 5, job_id, time: T0, queue: record['queue'] as never },
  { type: 'job.progress', seq: 6, job_id, time: T0, done: 1, total: 2 },
  { type: 'job.log', seq: 7, job_id, time: T0, level: 'info', message: 'compiled for fake_lima' },
  {
    type: 'job.result_ready',
    seq: 8,
    job_id,
    time: T0,
    result: {
      available: true,
      bytes: 1234,
      sha256: 'cd'.repeat(32),
      content_type: 'application/json',
      format_version: 1,
      expires_at: '2026-10-01T10:00:00Z',
      partial: false,
    },
  },
]

