/**
 * An asynchronous job (step 3 of docs/writing-a-provider.md): it waits in a queue, runs one
 * circuit per timer tick, reports progress, and can be cancelled between circuits.
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import {
  BaseJob,
  experimentHeaderOf,
  Result,
  type BaseJobInit,
  type CancelOutcome,
  type ExperimentResultJson,
  type TimeoutHandle,
} from '@qfabric/core/providers'
import { sampleCircuit } from './simulate.js'

/** What a {@link ToyJob} runs. */
export interface ToyJobInit extends Omit<BaseJobInit, 'status' | 'pollIntervalMs'> {
  readonly circuits: readonly QuantumCircuit[]
  readonly shots: number
  /** The base seed; circuit `i` is sampled with `seed + i`. */
  readonly seed: number
  /** How long each circuit takes, in milliseconds (0: one timer tick). */
  readonly stepDelayMs: number
  readonly backendVersion: string
}

/**
 * A push-based job: it learns of its own progress, so it only calls `setStatus`,
 * `reportProgress`, `complete` and `fail`; `BaseJob` provides waiting, timeouts, signals,
 * events and the rest of the `Job` surface. `requestCancel` is the one hook it implements.
 */
export class ToyJob extends BaseJob {
  readonly #run: ToyJobInit
  readonly #results: ExperimentResultJson[] = []
  #timer: { readonly handle: TimeoutHandle } | undefined
  #isCancelRequested = false

  /** @param init - the circuits, shots, seed and pacing, with the job's id and backend */
  constructor(init: ToyJobInit) {
    super({ ...init, status: 'INITIALIZING' })
    this.#run = init
    this.setStatus('QUEUED', { queuePosition: 0 })
    this.#schedule(0)
  }

  protected override requestCancel(): Promise<CancelOutcome> {
    this.#isCancelRequested = true
    if (this.currentStatus === 'QUEUED' && this.#timer !== undefined) {
      // Not started: stop it now, and confirm.
      this.timers.clearTimeout(this.#timer.handle)
      this.markCancelled('Cancelled while queued.')
      return Promise.resolve('cancelled')
    }
    // Running: it stops before the next circuit.
    return Promise.resolve('requested')
  }

  #schedule(index: number): void {
    const delay = index === 0 ? 0 : this.#run.stepDelayMs
    const handle = this.timers.setTimeout(() => {
      this.#timer = undefined
      this.#step(index)
    }, delay)
    this.#timer = { handle }
  }

  #step(index: number): void {
    const { circuits, shots, seed } = this.#run
    if (this.#isCancelRequested) {
      this.markCancelled('Cancelled between circuits.')
      return
    }
    if (index === 0) this.setStatus('RUNNING')
    const circuit = circuits[index]!
    try {
      this.#results.push({
        shots,
        success: true,
        data: { counts: sampleCircuit(circuit, shots, seed + index) },
        header: experimentHeaderOf(circuit),
        seed_simulator: seed + index,
      })
    } catch (error) {
      this.fail(
        `circuit '${circuit.name}': ${error instanceof Error ? error.message : String(error)}`,
      )
      return
    }
    this.reportProgress(index + 1, circuits.length, 'circuits')
    if (index + 1 < circuits.length) {
      this.#schedule(index + 1)
      return
    }
    this.complete(
      new Result({
        backend_name: this.backendName,
        backend_version: this.#run.backendVersion,
        job_id: this.id,
        success: true,
        results: this.#results,
        date: new Date().toISOString(),
      }),
    )
  }
}
