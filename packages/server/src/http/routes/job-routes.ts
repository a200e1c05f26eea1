import {
  buildPath,
  createJobListCursor,
  etagMatches,
  formatEtag,
  HEADERS,
  parseIdempotencyKey,
  parseJobListQuery,
  parsePreferWait,
  PATHS,
  type RawQuery,
} from '@qfabric/protocol'
import type { FastifyRequest } from 'fastify'
import type { AppContext } from '../../app/app-context.js'
import { canReadJob } from '../../auth/access-policy.js'
import { readableJob, selectInstance, viewerOf, writableJob } from '../../app/caller-access.js'
import { recordOf } from '../../app/job-records.js'
import { toJobSummary } from '../../app/job-views.js'
import { submitJob } from '../../app/submit-job.js'
import { waitForJobChange } from '../../app/wait-for-job-change.js'
import { clientGoneSignal } from '../client-gone-signal.js'
import { defineRoute, type Route } from '../route-definition.js'

function bodyBytes(request: FastifyRequest): number {
  const length = Number(request.headers['content-length'])
  return Number.isSafeInteger(length) && length >= 0
    ? length
    : Buffer.byteLength(JSON.stringify(request.body), 'utf8')
}

/**
 * The job endpoints of §8.4: submit, list, batch get, get (ETag and `Prefer: wait` long-poll),
 * rename/retag, delete, cancel.
 *
 * @param context - the app context
 * @returns the routes
 */
export function jobRoutes(context: AppContext): Route[] {
  return [
    submitJobRoute(context),
    listJobsRoute(context),
    batchGetJobsRoute(context),
    getJobRoute(context),
    ...jobMutationRoutes(context),
  ]
}

function submitJobRoute(context: AppContext): Route {
  const { store } = context
  return defineRoute('submitJob', {
    isSubmission: true,
    handler: async ({ request, reply, body, principal }) => {
      const { instance } = await selectInstance(store, principal, request)
      const { job, replayed } = await submitJob(context, {
        principal,
        instance,
        body,
        bodyBytes: bodyBytes(request),
        idempotencyKey: parseIdempotencyKey(request.headers['idempotency-key']),
      })
      void reply
        .code(replayed ? 200 : 201)
        .header(HEADERS.location, buildPath(PATHS.job, { id: job.id }))
        .header(HEADERS.etag, formatEtag(job.rev))
      if (replayed) void reply.header(HEADERS.idempotentReplayed, 'true')
      else context.hub.publish(job.id)
      return recordOf(context, job)
    },
  })
}

function listJobsRoute(context: AppContext): Route {
  const { store } = context
  return defineRoute('listJobs', {
    validate: [],
    handler: async ({ request, principal }) => {
      const { filter, cursor } = parseJobListQuery(request.query as RawQuery)
      const page = await store.listJobs({
        filter,
        viewer: viewerOf(principal),
        ...(cursor === null ? {} : { after: { value: cursor.value, id: cursor.id } }),
      })
      return {
        items: page.items.map(toJobSummary),
        next_cursor:
          page.hasMore && page.last !== null ? createJobListCursor(filter, page.last) : null,
        has_more: page.hasMore,
        ...(page.total === undefined ? {} : { total: page.total }),
      }
    },
  })
}

function batchGetJobsRoute(context: AppContext): Route {
  const { store } = context
  return defineRoute('batchGetJobs', {
    handler: async ({ body, principal }) => {
      const found = new Map((await store.getJobs(body.ids)).map((j) => [j.id, j]))
      const items = []
      const notFound: string[] = []
      for (const id of body.ids) {
        const job = found.get(id)
        if (job !== undefined && canReadJob(principal, job))
          items.push(await recordOf(context, job))
        else notFound.push(id)
      }
      return { items, not_found: notFound }
    },
  })
}

function getJobRoute(context: AppContext): Route {
  const { store } = context
  return defineRoute('getJob', {
    handler: async ({ request, reply, params, principal }) => {
      let job = await readableJob(store, principal, params.id)
      const ifNoneMatch = request.headers['if-none-match']
      const prefer = request.headers['prefer']
      const wait = parsePreferWait(typeof prefer === 'string' ? prefer : undefined)
      // A client whose ETag is already stale gets the new record at once; otherwise the
      // request is held until the revision moves past the current one.
      const isStale = ifNoneMatch !== undefined && !etagMatches(ifNoneMatch, job.rev)
      if (wait !== undefined && wait > 0 && !isStale) {
        const seconds = Math.min(wait, context.limits.maxLongPollSeconds)
        job =
          (await waitForJobChange(context, job.id, {
            rev: job.rev,
            timeoutMs: seconds * 1000,
            signal: clientGoneSignal(reply.raw),
          })) ?? job
        void reply.header(HEADERS.preferenceApplied, `wait=${seconds}`)
      }
      void reply.header(HEADERS.etag, formatEtag(job.rev))
      if (etagMatches(ifNoneMatch, job.rev)) {
        void reply.code(304)
        return undefined
      }
      return recordOf(context, job)
    },
  })
}

function jobMutationRoutes(context: AppContext): Route[] {
  const { store } = context
  return [
    defineRoute('updateJob', {
      handler: async ({ params, body, principal }) => {
        await writableJob(store, principal, params.id)
        const job = await store.patchJob(params.id, body)
        context.hub.publish(job.id)
        return recordOf(context, job)
      },
    }),
    defineRoute('deleteJob', {
      handler: async ({ params, principal }) => {
        await writableJob(store, principal, params.id)
        const job = await store.deleteJob(params.id)
        context.hub.publish(job.id)
        return recordOf(context, job)
      },
    }),
    defineRoute('cancelJob', {
      handler: async ({ reply, params, principal }) => {
        await writableJob(store, principal, params.id)
        const outcome = await store.requestCancel(params.id)
        if (outcome.changed) context.hub.publish(params.id)
        void reply.code(outcome.alreadyFinal ? 200 : 202)
        return {
          status: outcome.job.status,
          already_final: outcome.alreadyFinal,
          job: await recordOf(context, outcome.job),
        }
      },
    }),
  ]
}
