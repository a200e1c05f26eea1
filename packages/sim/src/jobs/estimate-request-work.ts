/**
 * A cheap, conservative estimate of the CPU time an {@link ExecutionRequest} takes on the calling
 * thread, read from the circuit JSON without compiling anything. The job pool runs a request
 * inline when this is below its threshold, because a worker thread's round trip (about 0.3 ms of
 * CPU per job) would cost more than the simulation itself.
 *
 * The unit is about one nanosecond of this repository's reference machine (2 cores, Node 24):
 * the constants below were fitted by timing `runExecution` on a grid of requests (Bell and
 * layered circuits of 1–12 qubits, 1–20 000 shots, every kind and method, mid-circuit
 * measurements) and rounded up so that the estimate stays above the median time of a quiet
 * machine near the threshold. Estimate → median time (quiet … loaded machine):
 *
 * - Bell pair, 100 shots, `automatic` (stabilizer): 52 000 → 21 … 34 µs;
 * - the same on `statevector`: 170 000 → 58 … 125 µs;
 * - 2 qubits, 5 rotation gates and measurements, `automatic`: 190 000 → 138 … 261 µs;
 * - 12 qubits, 35 Clifford gates and measurements, 100 shots: 199 000 → 115 … 233 µs;
 * - 2 qubits, 14 rotation gates, `automatic`: 370 000 → 216 … 378 µs;
 * - 1 qubit, 5 instructions, density matrix: 805 000 → 297 … 461 µs.
 *
 * Far above the threshold the estimate is loose (gate fusion and shot branching make big runs
 * cheaper than this bound, wide fused blocks dearer); only decisions near it matter.
 */
import type { CircuitJson } from '@qfabric/core/circuit'
import type { ExecutionOptions, ExecutionRequest } from '../backends/execution/execution-request.js'
import { circuitJsonShape, type CircuitShape } from './circuit-json-shape.js'

/** The cost of one simulation path, in estimate units. */
interface PathCost {
  /** Per experiment: parsing, compiling and planning whatever the circuit. */
  readonly experiment: number
  /**
   * Per instruction: compiling and fusing it (the statevector engine composes gates into
   * blocks of up to 5 qubits, so this is per-instruction work independent of the state size).
   */
  readonly instruction: number
  /** Per sweep and per element of the state. */
  readonly element: number
  /** The state's elements for `n` qubits. */
  readonly elements: (n: number) => number
}

const STATEVECTOR: PathCost = {
  experiment: 80_000,
  instruction: 20_000,
  element: 8,
  elements: (n) => 2 ** n,
}

/** A density matrix or a unitary: `4^n` elements, and a much slower set-up (lowering, Kraus). */
const DENSITY_MATRIX: PathCost = {
  experiment: 300_000,
  instruction: 20_000,
  element: 8,
  elements: (n) => 4 ** n,
}

const UNITARY: PathCost = { ...DENSITY_MATRIX, experiment: 40_000 }

/** The tableau: `2n` rows of `n` bits; a measurement touches every row. */
const STABILIZER: PathCost = {
  experiment: 30_000,
  instruction: 3_000,
  element: 1,
  elements: (n) => n * n,
}

/** Drawing and tallying one shot, per qubit and clbit. */
const PER_SHOT_BIT = 24

/**
 * The estimated cost of running a request on the calling thread.
 *
 * @param request - the work
 * @returns the estimate in units of about a nanosecond; `Infinity` when it cannot be bounded
 *   cheaply (a noise model with errors, a while loop, an operation type, kind or method it does
 *   not know)
 * @example
 * ```ts
 * estimateRequestWork({ circuits: [circuitToJson(bell)], options: { kind: 'qasm', shots: 100, … } })
 * ```
 */
export function estimateRequestWork(request: ExecutionRequest): number {
  const { options } = request
  if (!hasIdealNoise(options)) return Infinity
  const shots = options.kind === 'unitary' ? 1 : options.shots
  if (!Number.isSafeInteger(shots) || shots < 0) return Infinity
  let total = 0
  for (const circuit of request.circuits) total += circuitWork(circuit, options, shots)
  // NaN comes from an unknown kind or method, or an infinite loop count times an empty body.
  return Number.isNaN(total) ? Infinity : total
}

/**
 * Noise is not estimated: building a device's model (hundreds of errors with Kraus matrices)
 * can alone take longer than the threshold, and its channels multiply every gate's cost. A model
 * without errors or relaxation runs exactly as an ideal one.
 */
function hasIdealNoise(options: ExecutionOptions): boolean {
  const noise = options.noiseModel
  if (noise === null) return true
  return noise.errors.length === 0 && (noise.delay_relaxation ?? []).length === 0
}

/** One experiment: its circuit, sizes and the job's shots. */
interface Experiment {
  readonly shape: CircuitShape
  readonly qubits: number
  readonly clbits: number
  readonly shots: number
}

function circuitWork(circuit: CircuitJson, options: ExecutionOptions, shots: number): number {
  const exp: Experiment = {
    shape: circuitJsonShape(circuit),
    qubits: circuit.qubits.length,
    clbits: circuit.clbits.length,
    shots,
  }
  const hasClbits = exp.clbits > 0
  switch (options.kind) {
    case 'unitary':
      return pathWork(UNITARY, { ...exp, clbits: 0, shots: 0 })
    case 'statevector':
      // One run for the final state, then the shots (compiled again) when there are clbits.
      return (
        pathWork(STATEVECTOR, { ...exp, shots: 0 }) + (hasClbits ? pathWork(STATEVECTOR, exp) : 0)
      )
    case 'density_matrix':
      return (
        pathWork(DENSITY_MATRIX, { ...exp, shots: 0 }) +
        (hasClbits ? pathWork(DENSITY_MATRIX, exp) : 0)
      )
    case 'qasm':
      return qasmWork(options.method, exp)
    default:
      return NaN
  }
}

function qasmWork(method: ExecutionOptions['method'], exp: Experiment): number {
  switch (method) {
    case 'statevector':
      return pathWork(STATEVECTOR, exp)
    case 'density_matrix':
      return pathWork(DENSITY_MATRIX, exp)
    case 'stabilizer':
      return pathWork(STABILIZER, exp)
    case 'automatic': {
      // Surely Clifford: the stabilizer method; otherwise it may pick either.
      const stabilizer = pathWork(STABILIZER, exp)
      return exp.shape.isClifford ? stabilizer : Math.max(stabilizer, pathWork(STATEVECTOR, exp))
    }
    default:
      return NaN
  }
}

/**
 * Compiling once, then one run (plus sampling its final state) for a static circuit, or a run
 * per shot for a dynamic one (a bound: the engines share the state up to the first measurement
 * and branch), plus drawing and tallying the shots.
 */
function pathWork(cost: PathCost, exp: Experiment): number {
  const { shape, shots } = exp
  const elements = cost.elements(exp.qubits)
  const run = shape.sweeps * elements * cost.element
  const runs = shape.isDynamic ? Math.max(1, shots) * run : run + elements * cost.element
  const sampling = shots * (exp.qubits + exp.clbits) * PER_SHOT_BIT
  return cost.experiment + shape.instructions * cost.instruction + runs + sampling
}
