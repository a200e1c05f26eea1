import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { JobListFilter } from '@qfabric/protocol'
import type { JobStore } from '../../../src/store/job-store.js'
import type { ListJobsOptions, StoredJob } from '../../../src/store/job-store-types.js'
import { newJob, SEED, type JobStoreFixture } from './store-fixture.js'

async function allPages(
  store: JobStore,
  options: ListJobsOptions,
  limit: number,
): Promise<string[]> {
  const ids: string[] = []
  let after: ListJobsOptions['after']
  for (let page = 0; page < 1000; page++) {
    const result = await store.listJobs({ ...options, filter: { ...options.filter, limit }, after })
    ids.push(...result.items.map((j) => j.id))
    if (!result.hasMore) return ids
    const last = result.last!
    after = {
      value:
        (options.filter?.sort ?? 'created_at') === 'created_at' ? last.created_at : last.ended_at,
      id: last.id,
    }
  }
  throw new Error('too many pages')
}

/** The reference order: by the sort value (unfinished jobs last-ended = newest), then id. */
function sorted(
  jobs: readonly StoredJob[],
  filter: { readonly sort?: JobListFilter['sort']; readonly order?: JobListFilter['order'] } = {},
): string[] {
  const key = (j: StoredJob): number =>
    filter.sort === 'ended_at'
      ? j.ended_at === null
        ? Number.MAX_SAFE_INTEGER
        : Date.parse(j.ended_at)
      : Date.parse(j.created_at)
  const sign = filter.order === 'asc' ? 1 : -1
  return [...jobs]
    .sort((a, b) => sign * (key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    .map((j) => j.id)
}

/**
 * Listing: every filter of §8.6 against an in-memory reference, keyset pagination while jobs
 * are inserted, and visibility.
 *
 * @param get - the current test's fixture
 */
export function listingCases(get: () => JobStoreFixture): void {
  describe('listing', () => {
    it('pages newest first with id as tie-breaker, and reports the total on request', async () => {
      const { store, clock } = get()
      const jobs: StoredJob[] = []
      for (let i = 0; i < 7; i++) {
        jobs.push((await store.createJob(newJob())).job)
        if (i % 3 === 0) clock.advance(1) // several jobs share a millisecond
      }
      const first = await store.listJobs({ filter: { limit: 3, include_total: true } })
      expect(first.items.map((j) => j.id)).toEqual(sorted(jobs).slice(0, 3))
      expect(first).toMatchObject({ hasMore: true, total: 7 })
      expect(first.last).toEqual({
        id: first.items[2]!.id,
        created_at: first.items[2]!.created_at,
        ended_at: null,
      })
      expect(await allPages(store, {}, 3)).toEqual(sorted(jobs))
      expect(await allPages(store, { filter: { order: 'asc' } }, 2)).toEqual(
        sorted(jobs, { order: 'asc' }),
      )
      const empty = await store.listJobs({ filter: { backend: ['none'] } })
      expect(empty).toEqual({ items: [], hasMore: false, last: null })
    })

    it('returns every job exactly once across pages while new jobs are inserted', async () => {
      const { store, clock, openPeer } = get()
      const peer = await openPeer()
      const initial: string[] = []
      for (let i = 0; i < 25; i++) {
        initial.push((await store.createJob(newJob({ tags: ['batch'] }))).job.id)
        if (i % 4 === 0) clock.advance(1)
      }
      for (const order of ['desc', 'asc'] as const) {
        const seen: string[] = []
        let after: ListJobsOptions['after']
        for (;;) {
          const page = await store.listJobs({ filter: { order, limit: 4 }, after })
          seen.push(...page.items.map((j) => j.id))
          // Other clients keep submitting, some in the very same millisecond.
          await peer.createJob(newJob({ tags: ['new'] }))
          clock.advance(1)
          await store.createJob(newJob({ tags: ['new'] }))
          if (!page.hasMore) break
          after = { value: page.last!.created_at, id: page.last!.id }
        }
        expect(new Set(seen).size).toBe(seen.length)
        expect(seen.filter((id) => initial.includes(id)).sort()).toEqual([...initial].sort())
      }
    })

    it('filters by instance prefix, owner, status, backend, program, ids, names and times', async () => {
      const { store, clock } = get()
      const t0 = clock.now()
      const a = (await store.createJob(newJob({ name: 'bell-test' }))).job
      clock.advance(1000)
      const b = (
        await store.createJob(newJob({ instance: SEED.qaoa, owner: SEED.bob, name: 'ghz' }))
      ).job
      clock.advance(1000)
      const c = (
        await store.createJob(
          newJob({ instance: SEED.ops, backend: 'fake', program: 'sampler', name: 'my-bell' }),
        )
      ).job
      clock.advance(1000)
      const d = (await store.createJob(newJob({ instance: SEED.other }))).job
      await store.requestCancel(b.id)
      const ids = async (options: ListJobsOptions) =>
        (await store.listJobs(options)).items.map((j) => j.id)
      expect(await ids({ filter: { instance: 'acme' } })).toEqual([c.id, b.id, a.id])
      expect(await ids({ filter: { instance: 'acme/research' } })).toEqual([b.id, a.id])
      expect(await ids({ filter: { instance: SEED.vqe } })).toEqual([a.id])
      expect(await ids({ filter: { instance: 'acm' } })).toEqual([])
      expect(await ids({ filter: { owner: SEED.bob } })).toEqual([b.id])
      expect(
        await ids({ filter: { owner: 'me' }, viewer: { userId: SEED.bob, isAdmin: true } }),
      ).toEqual([b.id])
      await expect(store.listJobs({ filter: { owner: 'me' } })).rejects.toThrow(TypeError)
      expect(await ids({ filter: { status: ['CANCELLED'] } })).toEqual([b.id])
      expect(await ids({ filter: { status: ['QUEUED', 'RUNNING'] } })).toEqual([d.id, c.id, a.id])
      expect(await ids({ filter: { pending: false } })).toEqual([b.id])
      expect(await ids({ filter: { pending: true } })).toEqual([d.id, c.id, a.id])
      expect(await ids({ filter: { backend: ['fake'] } })).toEqual([c.id])
      expect(await ids({ filter: { program: ['sampler'] } })).toEqual([c.id])
      expect(await ids({ filter: { ids: [a.id, d.id, 'job_nope'] } })).toEqual([d.id, a.id])
      expect(await ids({ filter: { name_prefix: 'bell' } })).toEqual([a.id])
      expect(await ids({ filter: { name_prefix: 'Bell' } })).toEqual([])
      expect(await ids({ nameContains: 'bell' })).toEqual([c.id, a.id])
      expect(await ids({ nameContains: '%' })).toEqual([])
      const iso = (ms: number) => new Date(ms).toISOString()
      expect(await ids({ filter: { created_after: iso(t0 + 1000) } })).toEqual([d.id, c.id, b.id])
      expect(await ids({ filter: { created_before: iso(t0 + 1000) } })).toEqual([b.id, a.id])
      expect(
        await ids({ filter: { created_after: iso(t0 + 1000), created_before: iso(t0 + 2000) } }),
      ).toEqual([c.id, b.id])
      expect(await ids({ filter: { ended_after: iso(t0) } })).toEqual([b.id])
      expect(await ids({ filter: { ended_before: iso(t0) } })).toEqual([])
    })

    it('sorts by ended_at with unfinished jobs as the newest', async () => {
      const { store, clock } = get()
      const a = (await store.createJob(newJob())).job
      const b = (await store.createJob(newJob())).job
      const c = (await store.createJob(newJob())).job
      clock.advance(10)
      await store.requestCancel(b.id)
      clock.advance(10)
      await store.requestCancel(a.id)
      const desc = await allPages(store, { filter: { sort: 'ended_at' } }, 1)
      expect(desc).toEqual([c.id, a.id, b.id])
      const asc = await allPages(store, { filter: { sort: 'ended_at', order: 'asc' } }, 2)
      expect(asc).toEqual([b.id, a.id, c.id])
    })

    it('matches tags with all and any', async () => {
      const { store, clock } = get()
      const ab = (await store.createJob(newJob({ tags: ['a', 'b'] }))).job
      clock.advance(1)
      const a = (await store.createJob(newJob({ tags: ['a'] }))).job
      clock.advance(1)
      const c = (await store.createJob(newJob({ tags: ['c'] }))).job
      const ids = async (tag: string[], tags_match?: 'all' | 'any') =>
        (await store.listJobs({ filter: { tag, tags_match, order: 'asc' } })).items.map((j) => j.id)
      expect(await ids(['a'])).toEqual([ab.id, a.id])
      expect(await ids(['a', 'b'])).toEqual([ab.id])
      expect(await ids(['a', 'b'], 'all')).toEqual([ab.id])
      expect(await ids(['b', 'c'], 'any')).toEqual([ab.id, c.id])
      expect(await ids(['zzz'], 'any')).toEqual([])
    })

    it('shows a viewer only what visibility allows (§8.9)', async () => {
      const { store, clock } = get()
      const mk = async (
        instance: string,
        owner: string,
        visibility: 'private' | 'project' | 'group' | 'hub',
      ) => {
        clock.advance(1)
        return (await store.createJob(newJob({ instance, owner, visibility }))).job.id
      }
      const alicePrivate = await mk(SEED.vqe, SEED.alice, 'private')
      const bobPrivate = await mk(SEED.vqe, SEED.bob, 'private')
      const bobProject = await mk(SEED.vqe, SEED.bob, 'project')
      const bobGroup = await mk(SEED.qaoa, SEED.bob, 'group')
      const bobHub = await mk(SEED.ops, SEED.bob, 'hub')
      const otherHub = await mk(SEED.other, SEED.bob, 'hub')
      const visible = async (viewer: ListJobsOptions['viewer']) =>
        (await store.listJobs({ filter: { owner: 'any', order: 'asc' }, viewer })).items.map(
          (j) => j.id,
        )
      // A project member of vqe: own jobs, vqe's shared jobs, group-shared in acme/research,
      // hub-shared in acme.
      expect(
        await visible({
          userId: SEED.alice,
          memberships: [{ instance: SEED.vqe, role: 'member' }],
        }),
      ).toEqual([alicePrivate, bobProject, bobGroup, bobHub])
      // A member of qaoa only sees group- and hub-shared jobs of its group and hub.
      expect(
        await visible({
          userId: SEED.alice,
          memberships: [{ instance: SEED.qaoa, role: 'viewer' }],
        }),
      ).toEqual([alicePrivate, bobGroup, bobHub])
      // A hub member sees every shared job of the hub; a hub admin sees private ones too.
      expect(
        await visible({ userId: SEED.carol, memberships: [{ instance: 'acme', role: 'member' }] }),
      ).toEqual([bobProject, bobGroup, bobHub])
      expect(
        await visible({ userId: SEED.carol, memberships: [{ instance: 'acme', role: 'admin' }] }),
      ).toEqual([alicePrivate, bobPrivate, bobProject, bobGroup, bobHub])
      expect(await visible({ userId: SEED.carol, isAdmin: true })).toHaveLength(6)
      // The token's instance restriction applies to everybody.
      expect(
        await visible({ userId: SEED.carol, isAdmin: true, instances: [SEED.other, SEED.qaoa] }),
      ).toEqual([bobGroup, otherHub])
      expect(await visible({ userId: 'user_nobody' })).toEqual([])
    })

    it('agrees with a reference filter on random jobs and filters', async () => {
      const { store, clock } = get()
      const instances = [SEED.vqe, SEED.qaoa, SEED.ops]
      const owners = [SEED.alice, SEED.bob]
      const tags = ['t1', 't2', 't3']
      const jobs: StoredJob[] = []
      for (let i = 0; i < 24; i++) {
        const { job } = await store.createJob(
          newJob({
            instance: instances[i % 3]!,
            owner: owners[(i >> 1) % 2]!,
            backend: i % 5 === 0 ? 'other' : 'sim',
            tags: tags.filter((_, k) => (i * 7 + k * 3) % 4 < 2),
            name: `job-${i % 6}`,
          }),
        )
        jobs.push(job)
        if (i % 3 === 1) clock.advance(7)
        if (i % 4 === 0) await store.requestCancel(job.id)
      }
      const current = await store.getJobs(jobs.map((j) => j.id))
      const filterArb = fc.record(
        {
          instance: fc.constantFrom('acme', 'acme/research', SEED.ops),
          owner: fc.constantFrom(...owners),
          status: fc.subarray(['QUEUED', 'CANCELLED'] as const, { minLength: 1 }),
          backend: fc.subarray(['sim', 'other'], { minLength: 1 }),
          tag: fc.subarray(tags, { minLength: 1 }),
          tags_match: fc.constantFrom('all' as const, 'any' as const),
          name_prefix: fc.constantFrom('job-1', 'job-', 'x'),
          order: fc.constantFrom('asc' as const, 'desc' as const),
        },
        { requiredKeys: ['order'] },
      )
      await fc.assert(
        fc.asyncProperty(filterArb, fc.integer({ min: 1, max: 9 }), async (filter, limit) => {
          const expected = sorted(
            current.filter(
              (j) =>
                (filter.instance === undefined ||
                  j.instance === filter.instance ||
                  j.instance.startsWith(`${filter.instance}/`)) &&
                (filter.owner === undefined || j.owner === filter.owner) &&
                (filter.status === undefined ||
                  (filter.status as readonly string[]).includes(j.status)) &&
                (filter.backend === undefined || filter.backend.includes(j.backend)) &&
                (filter.tag === undefined ||
                  (filter.tags_match === 'any'
                    ? filter.tag.some((t) => j.tags.includes(t))
                    : filter.tag.every((t) => j.tags.includes(t)))) &&
                (filter.name_prefix === undefined || (j.name ?? '').startsWith(filter.name_prefix)),
            ),
            filter,
          )
          expect(await allPages(store, { filter }, limit)).toEqual(expected)
        }),
        { seed: 20260901, numRuns: 25 },
      )
    })
  })
}
