import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildPath, instanceResourcePath, PATHS, toRoutePattern } from '../../src/http/paths.js'

describe('paths', () => {
  it('live under /v1 and name parameters in snake/lower case', () => {
    for (const path of Object.values(PATHS)) {
      expect(path).toMatch(/^\/v1\/[a-z]+(\/[a-z]+|\/\{[a-z_]+\}|:[a-zA-Z]+)*$/)
    }
  })

  it('fill templates and percent-encode parameters so they cannot change the path', () => {
    expect(buildPath(PATHS.jobResult, { id: 'job_01J9' })).toBe('/v1/jobs/job_01J9/result')
    expect(buildPath(PATHS.backend, { name: 'a/../b?c' })).toBe('/v1/backends/a%2F..%2Fb%3Fc')
    expect(
      buildPath(PATHS.instanceLimits, { hub: 'acme', group: 'research', project: 'vqe' }),
    ).toBe('/v1/instances/acme/research/vqe/limits')
    expect(() => buildPath(PATHS.job, { id: '' })).toThrow(TypeError)
    expect(() => buildPath(PATHS.job, {} as { id: string })).toThrow(/missing path parameter id/)
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (id) => {
        const path = buildPath(PATHS.jobCancel, { id })
        const [, v1, jobs, encoded, cancel, ...rest] = path.split('/')
        expect([v1, jobs, cancel, rest.length]).toEqual(['v1', 'jobs', 'cancel', 0])
        expect(decodeURIComponent(encoded!)).toBe(id)
      }),
      { seed: 3986, numRuns: 200 },
    )
  })

  it('turn templates into Fastify (find-my-way) patterns, escaping literal colons', () => {
    expect(toRoutePattern(PATHS.jobEvents)).toBe('/v1/jobs/:id/events')
    expect(toRoutePattern(PATHS.jobsBatchGet)).toBe('/v1/jobs::batchGet')
    expect(toRoutePattern(PATHS.instance)).toBe('/v1/instances/:hub/:group/:project')
  })

  it('build instance paths from hub/group/project', () => {
    expect(instanceResourcePath(PATHS.instance, 'acme/research/vqe')).toBe(
      '/v1/instances/acme/research/vqe',
    )
    expect(() => instanceResourcePath(PATHS.instance, 'acme/research')).toThrow(TypeError)
    expect(() => instanceResourcePath(PATHS.instance, 'a/b/c/d')).toThrow(TypeError)
  })
})
