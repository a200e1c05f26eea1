import type { ResolvedBackend } from '../../src/app/backend-catalog.js'
import { describe, expect, it } from 'vitest'
import { BUILTIN_BACKEND_LIMITS } from '../../src/app/backend-catalog.js'
import { validateSubmission } from '../../src/app/validate-submission.js'
import { ServiceError } from '../../src/http/service-error.js'
import { BELL_QASM3, testRegistry } from '../http/test-server.js'

async function simBackend(
  limits: Partial<ResolvedBackend['limits']> = {},
): Promise<ResolvedBackend> {
  const backend = await testRegistry().resolve('test:sim')
  return {
    entry: {
      name: 'sim',
      source: 'test:sim',
      kind: 'simulator',
      description: null,
      instances: null,
      programs: ['circuit-runner'],
      availabilityWindows: [],
      status: 'online',
      statusMessage: null,
      configuredLimits: BUILTIN_BACKEND_LIMITS,
    },
    backend,
    limits: { ...BUILTIN_BACKEND_LIMITS, max_qubits: 8, ...limits },
  }
}

function thrown(run: () => unknown): ServiceError {
  try {
    run()
  } catch (error) {
    if (error instanceof ServiceError) return error
    throw error
  }
  throw new Error('no error')
}

const body = { backend: 'sim', input: { circuits: [{ qasm: BELL_QASM3 }, { qasm: BELL_QASM3 }] } }
const context = (backend: ResolvedBackend, extra: Record<string, unknown> = {}) => ({
  backend,
  bodyBytes: 500,
  canonicalBody: JSON.stringify(body),
  instanceMaxExecutionSeconds: null,
  defaultMaxExecutionSeconds: 3600,
  ...extra,
})

describe('validateSubmission', () => {
  it('summarises a valid submission (default shots 1024)', async () => {
    const v = validateSubmission(body, context(await simBackend()))
    expect(v.circuits).toHaveLength(2)
    expect(v.circuits[0]?.numQubits).toBe(2)
    expect(v.request).toMatchObject({
      shots: 1024,
      num_circuits: 2,
      executions: 2048,
      input_bytes: 500,
      max_execution_seconds: 10800,
      queue_ttl_seconds: null,
    })
    expect(v.request.input_sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers 413 above the backend’s max_request_bytes', async () => {
    const small = await simBackend({ max_request_bytes: 499 })
    const error = thrown(() => validateSubmission(body, context(small)))
    expect(error.serviceCode).toBe('payload_too_large')
    expect(error.message).toContain('at most 499')
    expect(
      validateSubmission(body, context(await simBackend({ max_request_bytes: 500 }))).circuits,
    ).toHaveLength(2)
  })

  it('caps executions and max_execution_seconds', async () => {
    const backend = await simBackend({ max_executions: 3000, max_execution_seconds: 600 })
    const e1 = thrown(() => validateSubmission({ ...body, shots: 2000 }, context(backend)))
    expect(e1.errors[0]).toMatchObject({ pointer: '/shots', limit: 3000 })
    const e2 = thrown(() =>
      validateSubmission({ ...body, max_execution_seconds: 601 }, context(backend)),
    )
    expect(e2.errors[0]).toMatchObject({ pointer: '/max_execution_seconds', limit: 600 })
    const e3 = thrown(() =>
      validateSubmission(
        { ...body, max_execution_seconds: 400 },
        context(backend, { instanceMaxExecutionSeconds: 300 }),
      ),
    )
    expect(e3.errors[0]).toMatchObject({ limit: 300 })
    const ok = validateSubmission({ ...body, shots: 10 }, context(backend))
    expect(ok.request.max_execution_seconds).toBe(600)
  })
})
