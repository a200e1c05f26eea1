import type { JobQueueInfo } from '@qfabric/protocol'
import { describe, expect, it } from 'vitest'
import { emptyQueue, type QueueEstimator } from '../../src/app/queue-estimator.js'
import {
  isSameQueue,
  QUEUE_ESTIMATE_TOLERANCE_MS,
  QueueEventTracker,
} from '../../src/app/queue-event-tracker.js'
import { createManualClock } from '../../src/store/clock.js'
import type { StoredJob } from '../../src/store/job-store-types.js'

const T0 = Date.UTC(2026, 8, 1, 10)

function queue(position: number, startOffsetMs: number | null = 60_000): JobQueueInfo {
  return {
    position,
    position_in_instance: position,
    ahead: { normal: position, priority: 0 },
    estimated_start_at: startOffsetMs === null ? null : new Date(T0 + startOffsetMs).toISOString(),
    estimated_end_at: null,
    estimate_basis: startOffsetMs === null ? null : 'moving_average_last_50',
    as_of: new Date(T0).toISOString(),
    message: null,
  }
}

describe('isSameQueue', () => {
  it('calls a queue news when a position moves, whatever the estimate', () => {
    expect(isSameQueue(queue(3), queue(3))).toBe(true)
    expect(isSameQueue(queue(3), queue(2))).toBe(false)
    expect(isSameQueue(queue(3), { ...queue(3), position_in_instance: 1 })).toBe(false)
    expect(isSameQueue(queue(3), { ...queue(3), ahead: { normal: 2, priority: 1 } })).toBe(false)
  })

  it('ignores estimate drift under the tolerance, and the time of computation', () => {
    const drifted = { ...queue(3, 60_000 + QUEUE_ESTIMATE_TOLERANCE_MS - 1), as_of: 'later' }
    expect(isSameQueue(queue(3), drifted)).toBe(true)
    expect(isSameQueue(queue(3), queue(3, 60_000 + QUEUE_ESTIMATE_TOLERANCE_MS))).toBe(false)
    expect(isSameQueue(queue(3), queue(3, null))).toBe(false)
    expect(isSameQueue(queue(3, null), queue(3, null))).toBe(true)
  })
})

describe('QueueEventTracker', () => {
  const job = (status: StoredJob['status'], eventSeq = 4) =>
    ({ id: 'job_1', status, event_seq: eventSeq, backend: 'sim' }) as StoredJob
  const trackerOver = (infos: JobQueueInfo[]) => {
    const estimator = {
      queueInfo: () => Promise.resolve(infos.shift() ?? emptyQueue('now', 'no more')),
    } as unknown as QueueEstimator
    return new QueueEventTracker({ estimator, clock: createManualClock(T0) })
  }

  it('sends a queued job’s queue when it differs from the last one sent, with the latest seq', async () => {
    const tracker = trackerOver([queue(3), queue(2), queue(2), queue(1)])
    tracker.note(queue(3))
    expect(await tracker.next(job('QUEUED'))).toBeUndefined()
    expect(await tracker.next(job('QUEUED', 5))).toEqual({
      type: 'job.queue',
      seq: 5,
      job_id: 'job_1',
      time: new Date(T0).toISOString(),
      queue: queue(2),
    })
    expect(await tracker.next(job('QUEUED'))).toBeUndefined()
    expect((await tracker.next(job('QUEUED')))?.queue.position).toBe(1)
  })

  it('sends nothing for a job that is not (or no longer) queued', async () => {
    const tracker = trackerOver([queue(0), emptyQueue('now', 'position unknown')])
    expect(await tracker.next(job('RUNNING'))).toBeUndefined()
    // The job left the queue while its position was computed.
    expect((await tracker.next(job('QUEUED')))?.queue.position).toBe(0)
    expect(await tracker.next(job('QUEUED'))).toBeUndefined()
  })
})
