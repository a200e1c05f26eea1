/**
 * Test tools for qfabric and for anyone writing a backend:
 *
 * - {@link describeBackendConformance}: the one backend suite every backend in this repository
 *   runs (local simulators, fake devices, remote backends against an in-process server), and
 *   that third-party backends should run too. It takes the runner's `{ describe, it, expect }`
 *   as arguments, so core does not depend on a test runner.
 * - {@link GenericBackend}: a device of any size, basis and connectivity with realistic,
 *   seeded calibration data (Qiskit's `GenericBackendV2`), for testing compilers and tools.
 *   It runs circuits on a simulator you attach (`withSimulator`); `@qfabric/sim` provides one.
 *
 * ## Running the conformance suite on your backend
 *
 * ```ts
 * // my-backend.test.ts
 * import { describe, expect, it } from 'vitest'
 * import { describeBackendConformance } from '@qfabric/core/testing'
 *
 * describeBackendConformance({ describe, it, expect, createBackend: () => new MyBackend() })
 * ```
 *
 * Skip a test only with a reason:
 * `skip: [{ reason: 'the device cannot cancel', tests: ['cancel semantics'] }]`. Pass
 * `circuits` when your backend needs circuits in its own basis.
 *
 * @packageDocumentation
 * @module testing
 */
export {
  BACKEND_CONFORMANCE_TESTS,
  describeBackendConformance,
  type BackendConformanceOptions,
  type BackendConformanceTest,
} from './backend-conformance.js'
export type {
  ConformanceAssertion,
  ConformanceExpect,
  ConformanceIt,
  ConformanceSkip,
  ConformanceTestApi,
} from './conformance-test-api.js'
export {
  GenericBackend,
  type GenericBackendOptions,
  type GenericBackendRunOptions,
  type GenericBackendSimulator,
  type GenericSimulationRequest,
} from './generic-backend.js'
export {
  createGenericTarget,
  GENERIC_ALWAYS_PRESENT,
  GENERIC_DEFAULT_BASIS,
  GENERIC_NOISE_DEFAULTS,
  GENERIC_NOISE_FALLBACK,
  GENERIC_QUBIT_RANGES,
  type GenericTargetOptions,
} from './generic-target.js'
