import { describe, expect, it } from 'vitest'
import type { Job } from '../../src/providers/job.js'
import { experimentHeaderOf } from '../../src/providers/experiment-header.js'
import { toHexCounts } from '../../src/providers/format-count-key.js'
import { Result } from '../../src/providers/result.js'
import {
  BACKEND_CONFORMANCE_TESTS,
  describeBackendConformance,
} from '../../src/testing/backend-conformance.js'
import { GenericBackend, type GenericBackendSimulator } from '../../src/testing/generic-backend.js'
import { FixtureBackend } from '../providers/__fixtures__/fixture-backend.js'

const zeroSimulator: GenericBackendSimulator = ({ backend, circuits, options, jobId }) =>
  new Result({
    backend_name: backend.name,
    backend_version: backend.backendVersion ?? '',
    job_id: jobId,
    success: true,
    results: circuits.map((c) => ({
      shots: options.shots,
      success: true,
      data: { counts: toHexCounts([[0, options.shots]]) },
      header: experimentHeaderOf(c),
    })),
  })

describeBackendConformance({
  describe,
  it,
  expect,
  name: 'conformance: GenericBackend with an ideal measure-only simulator',
  createBackend: () => new GenericBackend({ numQubits: 3, seed: 5, simulator: zeroSimulator }),
})

describeBackendConformance({
  describe,
  it,
  expect,
  name: 'conformance: the provider tests fixture backend',
  createBackend: () => new FixtureBackend({ name: 'fixture' }),
})

/** Collects the suite's tests without running them, so that a broken backend can be tried. */
function collectSuite(createBackend: () => GenericBackend): Map<string, () => Promise<void>> {
  const bodies = new Map<string, () => Promise<void>>()
  describeBackendConformance({
    describe: (_name, body) => {
      body()
    },
    it: Object.assign(
      (name: string, body: () => Promise<void>) => {
        bodies.set(name, body)
      },
      {
        skip: (name: string) => {
          bodies.set(name, () => Promise.resolve())
        },
      },
    ),
    expect,
    createBackend,
    skip: [{ reason: 'checked elsewhere', tests: ['cancel semantics'] }],
  })
  return bodies
}

describe('describeBackendConformance', () => {
  it('declares every test by its stable name, and skipped ones with their reason', () => {
    const names: string[] = []
    describeBackendConformance({
      describe: (_n, body) => {
        body()
      },
      it: Object.assign(
        (name: string) => {
          names.push(name)
        },
        {
          skip: (name: string) => {
            names.push(name)
          },
        },
      ),
      expect,
      createBackend: () => new FixtureBackend({ name: 'x' }),
      skip: [{ reason: 'no cancel on this device', tests: ['cancel semantics'] }],
    })
    expect(names).toHaveLength(BACKEND_CONFORMANCE_TESTS.length)
    expect(names).toContain('cancel semantics (skipped: no cancel on this device)')
  })

  it('fails a backend whose counts do not sum to the shots', async () => {
    const lossy: GenericBackendSimulator = (request) => {
      const r = zeroSimulator(request) as Result
      const json = r.toJSON()
      return new Result({
        ...json,
        results: json.results.map((e) => ({ ...e, data: { counts: { '0x0': 1 } } })),
      })
    }
    const bodies = collectSuite(() => new GenericBackend({ numQubits: 2, simulator: lossy }))
    await expect(bodies.get('counts sum to shots')!()).rejects.toThrow()
    await expect(
      bodies.get('run returns a job and a well-formed result')!(),
    ).resolves.toBeUndefined()
  })

  it('fails a backend whose jobs get cancelled by a timeout', async () => {
    class TimeoutCancels extends GenericBackend {
      override async run(...args: Parameters<GenericBackend['run']>): Promise<Job> {
        const job = await super.run(...args)
        const original = job.result.bind(job)
        job.result = async (options) => {
          if (options?.timeoutMs !== undefined) await job.cancel()
          return original(options)
        }
        return job
      }
    }
    const bodies = collectSuite(
      () => new TimeoutCancels({ numQubits: 2, simulator: zeroSimulator }),
    )
    await expect(bodies.get('timeouts do not cancel')!()).rejects.toThrow()
  })
})
