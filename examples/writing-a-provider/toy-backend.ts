/**
 * The backend (step 2 of docs/writing-a-provider.md): a target, options with validators, and
 * `submit`, which turns a checked run into a job.
 */
import type { EquivalenceLibrary } from '@qfabric/core/circuit'
import {
  BaseBackend,
  createJobId,
  inRange,
  ofType,
  Options,
  type Job,
  type PreparedRun,
  type Provider,
  type TimeoutProvider,
} from '@qfabric/core/providers'
import { BackendStatus, type Target } from '@qfabric/core/target'
import { registerMsEquivalences } from './ms-gate.js'
import { createToyTarget } from './toy-target.js'
import { ToyJob } from './toy-job.js'

/** The run options of the toy ion trap. */
export interface ToyRunOptions {
  /** Shots per circuit: 1 … 2000 (AQT's limits), default 100. */
  shots: number
  /** The sampler's seed; without one, a seed is drawn per job. */
  seed: number | undefined
  /** Milliseconds each circuit takes, to watch a job progress (0 … 10 000, default 0). */
  stepDelayMs: number
}

/** How a {@link ToyIonBackend} is built. */
export interface ToyIonBackendInit {
  readonly numQubits: number
  readonly provider?: Provider | undefined
  /** Timers for its jobs (tests pass fake ones). */
  readonly timers?: TimeoutProvider | undefined
}

/**
 * A trapped-ion toy device: natives `rx`, `ry`, `rz`, `ms` and `measure` on all-to-all
 * connected ions; results from the ideal state, sampled with a seed.
 */
export class ToyIonBackend extends BaseBackend<ToyRunOptions> {
  readonly target: Target
  /** The rules a transpiler needs to reach the `ms` gate. */
  readonly equivalenceLibrary: EquivalenceLibrary = registerMsEquivalences()
  readonly #timers: TimeoutProvider | undefined
  readonly #jobs = new Map<string, ToyJob>()
  #nextSeed = 1

  /** @param init - the number of ions, the provider, timers */
  constructor(init: ToyIonBackendInit) {
    super({
      name: `toy_ion_${init.numQubits}q`,
      description: `A ${init.numQubits}-ion toy trap`,
      backendVersion: '1.0.0',
      provider: init.provider,
      options: new Options<ToyRunOptions>(
        { shots: 100, seed: undefined, stepDelayMs: 0 },
        {
          validators: {
            shots: inRange(1, 2000, { isInteger: true }),
            seed: ofType('integer', { isOptional: true }),
            stepDelayMs: inRange(0, 10_000, { isInteger: true }),
          },
          unknownOptions: 'reject',
        },
      ),
    })
    this.target = createToyTarget(init.numQubits)
    this.#timers = init.timers
  }

  /** At most 50 circuits per job. */
  override get maxCircuits(): number {
    return 50
  }

  /** Operational; `pendingJobs` counts this backend's unfinished jobs. */
  status(): Promise<BackendStatus> {
    const pending = [...this.#jobs.values()].filter(
      (j) => !['DONE', 'ERROR', 'CANCELLED'].includes(j.currentStatus),
    )
    return Promise.resolve(
      new BackendStatus({
        backendName: this.name,
        backendVersion: this.backendVersion ?? '',
        operational: true,
        pendingJobs: pending.length,
        statusMsg: 'active',
      }),
    )
  }

  /** A job of this backend, by id (restores handles made with `job.toJSON()`). */
  retrieveJob(id: string): Promise<Job> {
    const job = this.#jobs.get(id)
    return job === undefined
      ? Promise.reject(new RangeError(`no job ${id} on ${this.name}`))
      : Promise.resolve(job)
  }

  protected submit(run: PreparedRun<ToyRunOptions>): Job {
    for (const circuit of run.circuits) {
      for (const inst of circuit.data) {
        const name = inst.operation.name
        if (
          name !== 'barrier' &&
          !this.target.instructionSupported({ operationName: name, qargs: inst.qubits })
        ) {
          throw new TypeError(
            `'${name}' on qubits [${inst.qubits.join(', ')}] is not native to ${this.name}: transpile first`,
          )
        }
      }
    }
    const { shots, seed, stepDelayMs } = run.options.values
    const job = new ToyJob({
      id: createJobId(),
      backend: this,
      name: run.jobName,
      tags: run.jobTags,
      options: run.options.values,
      timers: this.#timers,
      circuits: run.circuits,
      shots,
      seed: seed ?? this.#nextSeed++,
      stepDelayMs,
      backendVersion: this.backendVersion ?? '',
    })
    this.#jobs.set(job.id, job)
    return job
  }
}
