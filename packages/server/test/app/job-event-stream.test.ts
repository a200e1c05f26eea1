import {
  decodeJobEvent,
  parseSseStream,
  type JobEventHistory,
  type JobRecord,
  type ServiceJobEvent,
} from '@qfabric/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { bellResult, BELL_QASM3, startTestServer, type TestServer } from '../http/test-server.js'

/** A job event as received, with the SSE id it came with (`undefined`: none). */
interface Received {
  readonly id: string | undefined
  readonly event: ServiceJobEvent
}

/**
 * An open SSE connection whose events are collected as they arrive; `until` waits for one
 * matching a predicate (the test's steps wait on what the client saw, never on time).
 */
class EventTap {
  readonly received: Received[] = []
  readonly #controller = new AbortController()
  readonly #waiters = new Set<() => void>()
  readonly done: Promise<void>

  constructor(url: string, headers: Record<string, string>) {
    this.done = this.#read(url, headers)
  }

  async #read(url: string, headers: Record<string, string>): Promise<void> {
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: this.#controller.signal,
    })
    if (response.status !== 200 || response.body === null) {
      throw new Error(`no stream: ${response.status} ${await response.text()}`)
    }
    let lastId = ''
    try {
      for await (const message of parseSseStream(response.body)) {
        const event = decodeJobEvent(message)
        if (event === undefined) continue
        this.received.push({
          id: message.lastEventId === lastId ? undefined : message.lastEventId,
          event,
        })
        lastId = message.lastEventId
        for (const wake of this.#waiters) wake()
      }
    } catch (error) {
      if (!this.#controller.signal.aborted) throw error
    } finally {
      for (const wake of this.#waiters) wake()
    }
  }

  /** Waits until an event matching `predicate` was received (or the stream ended). */
  async until(predicate: (event: ServiceJobEvent) => boolean): Promise<ServiceJobEvent> {
    for (;;) {
      const found = this.received.find((r) => predicate(r.event))
      if (found !== undefined) return found.event
      const ended = await Promise.race([
        this.done.then(() => true),
        new Promise<false>((resolve) => {
          const wake = () => {
            this.#waiters.delete(wake)
            resolve(false)
          }
          this.#waiters.add(wake)
        }),
      ])
      if (ended && !this.received.some((r) => predicate(r.event))) {
        throw new Error(`stream ended without the event: ${JSON.stringify(this.received)}`)
      }
    }
  }

  close(): void {
    this.#controller.abort()
  }
}

const isQueueAt = (position: number) => (e: ServiceJobEvent) =>
  e.type === 'job.queue' && e.queue.position === position
const isStatus = (status: string) => (e: ServiceJobEvent) =>
  e.type === 'job.status' && e.status === status
const types = (received: readonly Received[]) => received.map((r) => r.event.type)

describe('job.queue events on a real server', () => {
  let t: TestServer | undefined
  const taps: EventTap[] = []
  afterEach(async () => {
    for (const tap of taps.splice(0)) tap.close()
    await t?.close()
    t = undefined
  })

  /** A server on 127.0.0.1, four queued jobs on `sim`; the manual executor is its one worker. */
  async function queueOfFour() {
    const server = await startTestServer({ listen: true, port: 0, host: '127.0.0.1' })
    t = server
    const jobs: JobRecord[] = []
    for (let i = 0; i < 4; i++) {
      const body = { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }] }, shots: 10 }
      jobs.push(
        (await server.request('POST', '/v1/jobs', { token: server.alice.token, body }))
          .json as JobRecord,
      )
    }
    const auth = { authorization: `Bearer ${server.alice.token}` }
    const tap = (path: string, headers: Record<string, string> = {}) => {
      const opened = new EventTap(`${server.server.url}${path}`, { ...auth, ...headers })
      taps.push(opened)
      return opened
    }
    /** The worker runs the next job to completion. */
    const runNext = async () => {
      const job = await server.executor.claim(['sim'])
      if (job === undefined) throw new Error('nothing to claim')
      await server.executor.complete(job.id, bellResult(job.id))
      return job
    }
    const history = async (id: string) =>
      (
        (await server.request('GET', `/v1/jobs/${id}/events`, { token: server.alice.token }))
          .json as JobEventHistory
      ).items
    return { server, jobs, tap, runNext, history, last: jobs[3]! }
  }

  it('counts a job behind three others down to 0, then RUNNING, and sends none after', async () => {
    const { server, tap, runNext, history, last } = await queueOfFour()
    expect(last.queue.position).toBe(3)
    const stream = tap(`/v1/jobs/${last.id}/events`)
    const many = tap(`/v1/events?job_ids=${last.id}`)
    await stream.until((e) => e.type === 'snapshot')
    await many.until((e) => e.type === 'snapshot')
    for (const position of [2, 1, 0]) {
      await runNext()
      await stream.until(isQueueAt(position))
      await many.until(isQueueAt(position))
    }
    const job = await server.executor.claim(['sim'])
    expect(job?.id).toBe(last.id)
    await stream.until(isStatus('RUNNING'))
    await server.executor.complete(last.id, bellResult(last.id))
    await stream.done
    await many.done

    for (const received of [stream.received, many.received]) {
      const positions = received.flatMap((r) =>
        r.event.type === 'job.queue' ? [r.event.queue.position] : [],
      )
      // Every position on the way, in order (an estimate refresh may repeat one, never go back).
      expect([...new Set(positions)]).toEqual([2, 1, 0])
      expect(positions).toEqual([...positions].sort((a, b) => (b ?? 0) - (a ?? 0)))
      const firstRunning = received.findIndex((r) => isStatus('RUNNING')(r.event))
      expect(firstRunning).toBeGreaterThan(0)
      expect(types(received).slice(firstRunning)).not.toContain('job.queue')
      // Derived events carry no SSE id.
      for (const r of received) if (r.event.type === 'job.queue') expect(r.id).toBeUndefined()
    }
    // Queue events carry the latest stored seq, and none was stored.
    const stored = await history(last.id)
    expect(stored.map((e) => e.type)).not.toContain('job.queue')
    const submitted = stored.find(isStatus('QUEUED'))
    for (const r of stream.received)
      if (r.event.type === 'job.queue') expect(r.event.seq).toBe(submitted?.seq)
    // The per-job stream delivered every stored event exactly once.
    const streamed = stream.received.filter(
      (r) => r.event.type !== 'snapshot' && r.event.type !== 'job.queue',
    )
    expect(streamed.map((r) => r.event)).toEqual(
      stored.filter((e) => e.seq > (submitted?.seq ?? 0)),
    )
    expect(streamed.map((r) => r.id)).toEqual(streamed.map((r) => String(r.event.seq)))
  })

  it('resumes with Last-Event-ID after queue events: the stored events, each once', async () => {
    const { tap, runNext, history, last } = await queueOfFour()
    const first = tap(`/v1/jobs/${last.id}/events`)
    await first.until((e) => e.type === 'snapshot')
    await runNext()
    await first.until(isQueueAt(2))
    first.close()
    await first.done
    // What a client sends back: the last SSE id it saw, which queue events leave alone.
    const lastEventId = first.received.findLast((r) => r.id !== undefined)?.id
    expect(lastEventId).toBe(String(first.received[0]?.event.seq))
    await runNext()
    const resumed = tap(`/v1/jobs/${last.id}/events`, { 'last-event-id': lastEventId! })
    const snapshot = await resumed.until((e) => e.type === 'snapshot')
    if (snapshot.type === 'snapshot') expect(snapshot.job.queue.position).toBe(1)
    await runNext()
    await resumed.until(isQueueAt(0))
    await runNext()
    await resumed.done
    expect(resumed.received[0]?.id).toBeUndefined()
    const storedOf = (received: readonly Received[]) =>
      received.filter((r) => r.event.type !== 'snapshot' && r.event.type !== 'job.queue')
    const stored = await history(last.id)
    expect(storedOf(first.received)).toEqual([])
    expect(storedOf(resumed.received).map((r) => r.event)).toEqual(
      stored.filter((e) => e.seq > Number(lastEventId)),
    )
    expect(types(resumed.received)).toContain('job.result_ready')
  })
})
