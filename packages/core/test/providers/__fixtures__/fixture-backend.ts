import { Measure } from '../../../src/circuit/directives.js'
import { standardGate } from '../../../src/circuit/library/standard-gates.js'
import type { QuantumCircuit } from '../../../src/circuit/quantum-circuit.js'
import { BaseBackend, type PreparedRun } from '../../../src/providers/base-backend.js'
import type { Job } from '../../../src/providers/job.js'
import { createJobId } from '../../../src/providers/job-id.js'
import { LocalJob } from '../../../src/providers/local-job.js'
import { inRange, ofType } from '../../../src/providers/option-validator.js'
import { Options } from '../../../src/providers/options.js'
import type { Provider } from '../../../src/providers/provider.js'
import { Result } from '../../../src/providers/result.js'
import { BackendStatus } from '../../../src/target/backend-status.js'
import { CouplingMap } from '../../../src/target/coupling-map.js'
import { InstructionProperties } from '../../../src/target/instruction-properties.js'
import { QubitProperties } from '../../../src/target/qubit-properties.js'
import { Target } from '../../../src/target/target.js'

/** A line of `n` qubits with h, x, cx, measure; calibration made up but fixed. */
export function lineTarget(n: number): Target {
  const target = new Target({
    numQubits: n,
    dt: 2e-9,
    qubitProperties: Array.from({ length: n }, (_, q) => new QubitProperties({ t1: 1e-4 + q * 1e-6, t2: 8e-5 })),
  })
  const oneQ = (error: number) =>
    Array.from({ length: n }, (_, q) => [[q], new InstructionProperties({ duration: 3.5e-8, error })] as const)
  target.addInstruction(standardGate('h'), oneQ(1e-4))
  target.addInstruction(standardGate('x'), oneQ(1e-4))
  const edges = CouplingMap.fromLine(n).getEdges()
  target.addInstruction(
    standardGate('cx'),
    edges.map((e) => [[e[0], e[1]], new InstructionProperties({ duration: 3e-7, error: 1e-2 })] as const),
  )
  target.addInstruction(new Measure(), oneQ(2e-2))
  return target.freeze()
}

export interface FixtureOptions {
  shots: number
  seed: number | undefined
}

/** Counts every shot as all zeros: enough to exercise the provider plumbing. */
export class FixtureBackend extends BaseBackend<FixtureOptions> {
  readonly target: Target
  statusSnapshot: BackendStatus
  readonly #jobs = new Map<string, Job>()

  constructor(init: { name: string; numQubits?: number; pendingJobs?: number; statusMsg?: string; operational?: boolean; provider?: Provider }) {
    super({
      name: init.name,
      backendVersion: '0.1.0',
      provider: init.provider,
      options: new Options<FixtureOptions>(
        { shots: 1024, seed: undefined },
        { validators: { shots: inRange(1, 100_000, { isInteger: true }), seed: ofType('integer', { isOptional: true }) } },
      ),
    })
    this.target = lineTarget(init.numQubits ?? 3)
    this.statusSnapshot = new BackendStatus({
      backendName: init.name,
      backendVersion: '0.1.0',
      operational: init.operational ?? true,
      pendingJobs: init.pendingJobs ?? 0,
      statusMsg: init.statusMsg ?? 'active',
    })
  }

  override get maxCircuits(): number {
    return 5
  }

  status(): Promise<BackendStatus> {
    return Promise.resolve(this.statusSnapshot)
  }

  retrieveJob(id: string): Promise<Job> {
    const job = this.#jobs.get(id)
    return job === undefined ? Promise.reject(new Error(`no job ${id}`)) : Promise.resolve(job)
  }

  protected submit(run: PreparedRun<FixtureOptions>): Job {
    const id = createJobId()
    const shots = run.options.values.shots
    const job = new LocalJob({
      id,
      backend: this,
      options: run.options.values,
      warnings: run.options.warnings,
      task: () => zeroResult({ backend: this.name, jobId: id, circuits: run.circuits, shots }),
    })
    this.#jobs.set(id, job)
    return job
  }
}

function zeroResult(run: { backend: string; jobId: string; circuits: readonly QuantumCircuit[]; shots: number }): Result {
  return new Result({
    backend_name: run.backend,
    backend_version: '0.1.0',
    job_id: run.jobId,
    success: true,
    results: run.circuits.map((c) => ({
      shots: run.shots,
      success: true,
      data: { counts: { '0x0': run.shots } },
      header: { name: c.name, memory_slots: c.numClbits, creg_sizes: c.cregs.map((r) => [r.name, r.size] as [string, number]) },
    })),
  })
}
