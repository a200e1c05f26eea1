/**
 * Builds a job's `Result` (Qiskit's `Result.to_dict()` shape) from its raw experiment outcomes:
 * hex counts and memory as they are, states as `[re, im]` pairs, and each circuit's header
 * (registers drive the formatting of count keys).
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import {
  experimentHeaderOf,
  Result,
  statevectorToJson,
  type ComplexJson,
  type ExperimentResultJson,
} from '@qfabric/core/providers'
import type { ExperimentOutcome } from './execution/execution-request.js'

/** What {@link buildResult} needs. */
export interface BuildResultInput {
  readonly backendName: string
  readonly backendVersion: string
  readonly jobId: string
  /** The circuits, in submission order. */
  readonly circuits: readonly QuantumCircuit[]
  /** Their outcomes, in the same order. */
  readonly outcomes: readonly ExperimentOutcome[]
  /** When the result was produced (default: now). */
  readonly date?: Date | undefined
}

/**
 * The result of a local job.
 *
 * @param input - backend, job id, circuits and outcomes
 * @returns the result
 * @throws RangeError when there are not as many outcomes as circuits
 */
export function buildResult(input: BuildResultInput): Result {
  const { circuits, outcomes } = input
  if (circuits.length !== outcomes.length) {
    throw new RangeError(`${outcomes.length} outcomes for ${circuits.length} circuits`)
  }
  const results = outcomes.map((o, i) => experimentJson(o, circuits[i]!))
  return new Result({
    backend_name: input.backendName,
    backend_version: input.backendVersion,
    job_id: input.jobId,
    success: true,
    date: (input.date ?? new Date()).toISOString(),
    status: 'COMPLETED',
    header: { backend_name: input.backendName, backend_version: input.backendVersion },
    time_taken: outcomes.reduce((s, o) => s + o.timeTaken, 0),
    results,
  })
}

function experimentJson(outcome: ExperimentOutcome, circuit: QuantumCircuit): ExperimentResultJson {
  const data: Record<string, unknown> = {}
  if (outcome.counts !== undefined) data['counts'] = { ...outcome.counts }
  if (outcome.memory !== undefined) data['memory'] = [...outcome.memory]
  if (outcome.statevector !== undefined)
    data['statevector'] = statevectorToJson(outcome.statevector)
  if (outcome.unitary !== undefined) data['unitary'] = matrixRows(outcome.unitary)
  if (outcome.densityMatrix !== undefined)
    data['density_matrix'] = matrixRows(outcome.densityMatrix)
  return {
    shots: outcome.shots,
    success: true,
    data,
    meas_level: 2,
    status: 'DONE',
    seed_simulator: outcome.seed,
    time_taken: outcome.timeTaken,
    header: experimentHeaderOf(circuit),
    metadata: {
      method: outcome.method,
      ...(outcome.activeQubits === undefined ? {} : { active_input_qubits: outcome.activeQubits }),
    },
  }
}

/** A square interleaved matrix as rows of `[re, im]` pairs. */
function matrixRows(data: Float64Array): ComplexJson[][] {
  const dim = Math.round(Math.sqrt(data.length / 2))
  const rows: ComplexJson[][] = []
  for (let r = 0; r < dim; r++) {
    const row: ComplexJson[] = []
    for (let c = 0; c < dim; c++) row.push([data[2 * (r * dim + c)]!, data[2 * (r * dim + c) + 1]!])
    rows.push(row)
  }
  return rows
}
