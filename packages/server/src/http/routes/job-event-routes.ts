import { CONTENT_TYPES, HEADERS } from '@qfabric/protocol'
import type { FastifyRequest } from 'fastify'
import type { AppContext } from '../../app/app-context.js'
import { readableJob } from '../../app/caller-access.js'
import { streamJobEvents } from '../../app/job-event-stream.js'
import { streamManyJobEvents } from '../../app/multiplexed-event-stream.js'
import { defineRoute, type Route } from '../route-definition.js'
import { streamServerSentEvents } from '../sse-response.js'

/**
 * Whether the client asked for a live stream (`Accept: text/event-stream`).
 *
 * @param request - the request
 * @returns true for SSE
 */
export function wantsEventStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes(CONTENT_TYPES.eventStream)
}

/** The `Last-Event-ID` of a reconnecting client, as a seq. */
function lastEventIdOf(request: FastifyRequest): number | undefined {
  const header = request.headers[HEADERS.lastEventId.toLowerCase()]
  if (typeof header !== 'string' || !/^\d{1,15}$/.test(header.trim())) return undefined
  return Number(header.trim())
}

/**
 * `GET /v1/jobs/{id}/events` (history as JSON, or a live SSE stream with replay) and
 * `GET /v1/events` (one SSE stream for many jobs).
 *
 * @param context - the app context
 * @returns the routes
 */
export function jobEventRoutes(context: AppContext): Route[] {
  const { store } = context
  const sse = { heartbeatMs: context.limits.sseHeartbeatSeconds * 1000, closing: context.closing }
  return [
    defineRoute('getJobEvents', {
      produces: [CONTENT_TYPES.eventStream],
      handler: async ({ request, reply, params, query, principal }) => {
        const job = await readableJob(store, principal, params.id)
        if (wantsEventStream(request)) {
          const lastEventId = lastEventIdOf(request)
          await streamServerSentEvents(reply, sse, (sink) =>
            streamJobEvents(context, { job, lastEventId, sink }),
          )
          return undefined
        }
        const limit = query.limit ?? 1000
        const events = await store.listEvents(job.id, { after: query.after ?? 0, limit: limit + 1 })
        return { items: events.slice(0, limit), has_more: events.length > limit }
      },
    }),
    defineRoute('streamEvents', {
      produces: [CONTENT_TYPES.eventStream],
      handler: async ({ reply, query, principal }) => {
        await streamServerSentEvents(reply, sse, (sink) =>
          streamManyJobEvents(context, { principal, query, sink }),
        )
        return undefined
      },
    }),
  ]
}
