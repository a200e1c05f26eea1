/**
 * The provider framework: **Provider → Backend → Job → Result**, with Qiskit's vocabulary and
 * data semantics (count-key formatting, filter rules, option validators, job statuses, the
 * `Result.to_dict()` JSON shape) and its lifecycle pain points fixed (promises, abort signals,
 * timeouts that never cancel, event streams, immutable results, readable option limits).
 *
 * - {@link Provider} lists backends: `backends(filter)` with Qiskit's filter semantics
 *   ({@link filterBackends}), `getBackend(name)` (exactly one, else {@link BackendNotFoundError});
 *   {@link leastBusy} picks a backend from status snapshots.
 * - {@link Backend} runs circuits: `run(circuits, options)` resolves to a {@link Job} once the
 *   work is accepted. Its `target` describes the device; optional capabilities (`status()`,
 *   `properties()`, `configuration()`, `jobs()`, `retrieveJob()`, job limits) are detected with
 *   `supports*` guards. {@link BackendV1} and {@link BackendV2Converter} adapt Qiskit-V1-shaped
 *   backends.
 * - {@link Options} hold run options with validators ({@link inRange}, {@link oneOf},
 *   {@link ofType}); every write is validated and limits are readable.
 * - {@link Job}: `status()`, `result({ timeoutMs, signal, onAbort })`, `cancel()` (tri-state),
 *   `waitForFinalState()`, `events()` (status/progress/log/result with increasing `seq`),
 *   `subscribe()`, `toJSON()` (a handle {@link restoreJob} restores). One state machine,
 *   {@link transitionJob}, governs {@link JobStatus}.
 * - {@link Result} and {@link Counts}: immutable; keys formatted as Qiskit does
 *   (little-endian, zero-padded per register, registers separated by spaces, last register
 *   leftmost); {@link marginalCounts}, {@link marginalDistribution}, {@link marginalMemory}.
 *
 * ## Writing a provider
 *
 * 1. Build a `Target` for your device (its gates, with errors and durations; register
 *    equivalence rules for custom gates in an `EquivalenceLibrary`).
 * 2. Extend {@link BaseBackend}: pass your {@link Options} with validators, expose the target,
 *    and implement `submit(run)` — `run()` has already checked the circuits and merged the
 *    options. Return a {@link LocalJob} for work done in-process, or extend {@link BaseJob} for a
 *    remote service (implement `refresh`, `fetchResult`, `requestCancel`).
 * 3. Extend {@link BaseProvider} and list your backends in `listBackends()`.
 * 4. Run `describeBackendConformance` from `@qfabric/core/testing` against your backend.
 *
 * The full walk-through is `docs/writing-a-provider.md`.
 *
 * @example
 * ```ts
 * const backend = await provider.getBackend('my_device')
 * const job = await backend.run(circuit, { shots: 1000 })
 * for await (const event of job.events()) console.log(event.type)
 * const result = await job.result({ timeoutMs: 60_000 })
 * result.getCounts(0) // Counts { '00': 503, '11': 497 }
 * ```
 *
 * @packageDocumentation
 * @module providers
 */
export type { AbortControllerLike, AbortSignalLike } from './abort-signal.js'
export { RUN_CONTROL_KEYS, type Backend, type RunInput, type RunOptions } from './backend.js'
export {
  supportsActiveJobs,
  supportsConfiguration,
  supportsJobLimit,
  supportsJobListing,
  supportsJobRetrieval,
  supportsProperties,
  supportsStatus,
  type BackendJobLimit,
  type BackendWithActiveJobs,
  type BackendWithConfiguration,
  type BackendWithJobLimit,
  type BackendWithJobListing,
  type BackendWithJobRetrieval,
  type BackendWithProperties,
  type BackendWithStatus,
  type JobFilter,
} from './backend-capabilities.js'
export { BaseBackendV1, isBackendV1, type BackendV1 } from './backend-v1.js'
export { BackendV2Converter, type BackendV2ConverterOptions } from './backend-v2-converter.js'
export { BaseBackend, type BaseBackendInit, type PreparedRun } from './base-backend.js'
export { BaseJob, type BaseJobInit } from './base-job.js'
export {
  complexFromJson,
  complexToJson,
  roundHalfEven,
  statevectorToJson,
  unitaryFromJson,
  unitaryToJson,
} from './complex-json.js'
export { Counts, type CountsData, type CountsKey, type CountsOptions } from './counts.js'
export type { DeepReadonly } from './deep-freeze.js'
export { experimentHeaderOf } from './experiment-header.js'
export { filterBackends, type BackendFilter } from './filter-backends.js'
export {
  bitstringToBigInt,
  formatCountKey,
  hexToBigInt,
  isBitstring,
  separateBitstring,
  toHexCounts,
  toHexKey,
  type CountKeyFormat,
  type CregSizes,
} from './format-count-key.js'
export {
  CANCEL_OUTCOMES,
  type AbortableOptions,
  type CancelOutcome,
  type Job,
  type JobEventsOptions,
  type JobHandle,
  type JobQueueInfo,
  type JobResultOptions,
  type JobSubscribeOptions,
  type WaitForFinalStateOptions,
} from './job.js'
export {
  isTerminalJobEvent,
  JOB_EVENT_TYPES,
  JOB_LOG_LEVELS,
  type JobEvent,
  type JobEventBase,
  type JobEventType,
  type JobLogEvent,
  type JobLogLevel,
  type JobProgressEvent,
  type JobResultEvent,
  type JobStatusEvent,
} from './job-event.js'
export { createJobId } from './job-id.js'
export {
  FINAL_JOB_STATUSES,
  isFinalJobStatus,
  isJobStatus,
  JOB_STATUS_DESCRIPTIONS,
  JOB_STATUSES,
  type FinalJobStatus,
  type JobStatus,
} from './job-status.js'
export { leastBusy, type LeastBusyResult } from './least-busy.js'
export { LocalJob, type LocalJobContext, type LocalJobInit } from './local-job.js'
export {
  marginalCounts,
  marginalDistribution,
  marginalMemory,
  type CountsRecord,
  type MarginalCountsOptions,
} from './marginal-counts.js'
export {
  checkOptionValue,
  describeOptionValidator,
  formatOptionValue,
  inRange,
  OPTION_VALUE_TYPES,
  ofType,
  oneOf,
  satisfies,
  type OptionValidator,
  type OptionValueType,
} from './option-validator.js'
export {
  Options,
  UNKNOWN_OPTION_POLICIES,
  type OptionsConfig,
  type OptionsView,
  type OptionValidators,
  type RunOptionsSnapshot,
  type UnknownOptionPolicy,
} from './options.js'
export { BaseProvider, exactlyOne, type Provider } from './provider.js'
export {
  BackendNotFoundError,
  JobCancelledError,
  JobError,
  JobFailedError,
  JobTimeoutError,
  OptionValidationError,
  PROVIDER_ERROR_CODES,
  ResultError,
  type ProviderErrorCode,
} from './provider-errors.js'
export { parseJobHandle, restoreJob } from './restore-job.js'
export {
  supportsDensityMatrix,
  supportsExpectationValues,
  supportsStatevector,
  type PauliSumTerms,
  type SimulateOptions,
  type SimulatesDensityMatrix,
  type SimulatesExpectationValues,
  type SimulatesStatevector,
} from './simulator-capabilities.js'
export { Result, type ExperimentKey, type ExperimentResult } from './result.js'
export {
  assertResultJson,
  type ComplexJson,
  type ExperimentDataJson,
  type ExperimentHeaderJson,
  type ExperimentResultJson,
  type ResultJson,
} from './result-json.js'
export {
  defaultTimeoutProvider,
  type TimeoutHandle,
  type TimeoutProvider,
} from './timeout-provider.js'
export { canTransitionJob, JOB_TRANSITIONS, transitionJob } from './transition-job.js'
// Errors of other areas that provider code throws, re-exported so that one import suffices.
export { isQfabricError, QfabricError } from '../internal/qfabric-error.js'
export { BackendConfigurationError, BackendPropertyError } from '../target/target-errors.js'
