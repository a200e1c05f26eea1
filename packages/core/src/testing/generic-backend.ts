import type { QuantumCircuit } from '../circuit/quantum-circuit.js'
import type { AbortSignalLike } from '../providers/abort-signal.js'
import { BaseBackend, type PreparedRun } from '../providers/base-backend.js'
import type { Job } from '../providers/job.js'
import type { JobLogLevel } from '../providers/job-event.js'
import { createJobId } from '../providers/job-id.js'
import { LocalJob } from '../providers/local-job.js'
import { inRange, ofType } from '../providers/option-validator.js'
import { Options, type UnknownOptionPolicy } from '../providers/options.js'
import type { Provider } from '../providers/provider.js'
import type { Result } from '../providers/result.js'
import type { TimeoutProvider } from '../providers/timeout-provider.js'
import { BackendStatus } from '../target/backend-status.js'
import type { Target } from '../target/target.js'
import { BackendConfigurationError } from '../target/target-errors.js'
import { createGenericTarget, type GenericTargetOptions } from './generic-target.js'

/** The run options of a {@link GenericBackend}. */
export interface GenericBackendRunOptions {
  /** Shots per circuit: 1 … 1 000 000, default 1024. */
  shots: number
  /** The simulator's seed, if any. */
  seed: number | undefined
  /** Keep per-shot outcomes. */
  memory: boolean
}

/** What a {@link GenericBackendSimulator} is asked to do. */
export interface GenericSimulationRequest {
  /** The backend the circuits run on (its `target` carries the drawn noise). */
  readonly backend: GenericBackend
  /** The circuits, in order: one experiment result each. */
  readonly circuits: readonly QuantumCircuit[]
  /** The merged run options (`shots`, `seed`, `memory`, and any passed through). */
  readonly options: Readonly<GenericBackendRunOptions> & Readonly<Record<string, unknown>>
  /** The job's id: the result's `job_id`. */
  readonly jobId: string
  /** Aborts when the job is cancelled; check it between circuits or shot chunks. */
  readonly signal: AbortSignalLike
  /** Reports progress (a `progress` event). */
  readonly reportProgress: (done: number, total: number, unit?: string) => void
  /** Reports a message (a `log` event). */
  readonly log: (level: JobLogLevel, message: string) => void
}

/**
 * The engine a {@link GenericBackend} runs circuits with: returns the result (Qiskit's
 * `Result.to_dict()` shape, `job_id` = `request.jobId`). Core has no simulator; `@qfabric/sim`
 * supplies one (ideal, or noisy from the backend's target), and tests may pass their own.
 */
export type GenericBackendSimulator = (
  request: GenericSimulationRequest,
) => Result | Promise<Result>

/** What a {@link GenericBackend} is built from. */
export interface GenericBackendOptions extends GenericTargetOptions {
  /** The backend's name (default `generic_backend_<n>q`, as Qiskit). */
  readonly name?: string | undefined
  /** Runs the circuits; without one, `run()` rejects. See {@link GenericBackend.withSimulator}. */
  readonly simulator?: GenericBackendSimulator | undefined
  /** What `run()` does with unknown options (default `reject`). */
  readonly unknownOptions?: UnknownOptionPolicy | undefined
  readonly provider?: Provider | undefined
  /** Timers for its jobs (tests pass fake ones). */
  readonly timers?: TimeoutProvider | undefined
}

/**
 * A device of any size for tests (Qiskit's `GenericBackendV2`): any qubit count, basis
 * (including custom gates) and coupling map (default: all pairs), with realistic calibration
 * drawn from a seed — T1/T2 100–200 µs, frequencies 5–5.5 GHz, gate durations and errors from
 * historical IBM ranges — in a frozen `Target`. Same seed, same backend.
 *
 * Core has no simulator, so `run()` uses the {@link GenericBackendSimulator} given as
 * `simulator` (or attached with {@link GenericBackend.withSimulator}); `@qfabric/sim` attaches
 * its own. Without one, `run()` rejects with `BackendConfigurationError`.
 *
 * @example
 * ```ts
 * const backend = new GenericBackend({ numQubits: 5, couplingMap: CouplingMap.fromLine(5).getEdges(), seed: 42 })
 * backend.target.get('cx')?.get([0, 1])?.error // a number in [1e-5, 5e-3]
 * const runnable = backend.withSimulator(mySimulator)
 * await (await runnable.run(circuit, { shots: 100 })).result()
 * ```
 */
export class GenericBackend extends BaseBackend<GenericBackendRunOptions> {
  readonly target: Target
  /** The engine `run()` uses, if attached. */
  readonly simulator: GenericBackendSimulator | undefined
  readonly #init: GenericBackendOptions

  /**
   * @param options - qubits, basis, coupling map, seed, simulator
   * @param target - internal: a target already built from the same options (see
   *   {@link GenericBackend.withSimulator})
   * @throws RangeError/TypeError as `createGenericTarget`
   */
  constructor(options: GenericBackendOptions, target?: Target) {
    const n = options.numQubits
    super({
      name: options.name ?? `generic_backend_${n}q`,
      description: `This is a device with ${n} qubits and generic settings.`,
      backendVersion: '',
      provider: options.provider,
      options: new Options<GenericBackendRunOptions>(
        { shots: 1024, seed: undefined, memory: false },
        {
          validators: {
            shots: inRange(1, 1_000_000, { isInteger: true }),
            seed: ofType('integer', { isOptional: true }),
            memory: ofType('boolean'),
          },
          unknownOptions: options.unknownOptions ?? 'reject',
        },
      ),
    })
    this.#init = options
    this.target = target ?? createGenericTarget(options)
    this.simulator = options.simulator
  }

  /**
   * The same backend (same target object, same settings, fresh options) running on `simulator`.
   *
   * @param simulator - the engine
   * @returns a new backend
   */
  withSimulator(simulator: GenericBackendSimulator): GenericBackend {
    return new GenericBackend({ ...this.#init, simulator }, this.target)
  }

  /** Always operational and idle. */
  status(): Promise<BackendStatus> {
    return Promise.resolve(
      new BackendStatus({
        backendName: this.name,
        backendVersion: this.backendVersion ?? '',
        operational: true,
        pendingJobs: 0,
        statusMsg: 'active',
      }),
    )
  }

  protected submit(run: PreparedRun<GenericBackendRunOptions>): Job {
    const simulator = this.simulator
    if (simulator === undefined) {
      throw new BackendConfigurationError(
        `${this.name} has no simulator: pass { simulator } or call withSimulator() (@qfabric/sim provides one).`,
      )
    }
    const jobId = createJobId()
    return new LocalJob({
      id: jobId,
      backend: this,
      name: run.jobName,
      tags: run.jobTags,
      options: run.options.values,
      warnings: run.options.warnings,
      timers: this.#init.timers,
      task: (context) =>
        simulator({
          backend: this,
          circuits: run.circuits,
          options: run.options.values,
          jobId,
          signal: context.signal,
          reportProgress: context.reportProgress,
          log: context.log,
        }),
    })
  }
}
