/**
 * Checks a submission and turns it into the request a job worker runs: everything that can be
 * refused without simulating is refused here, so that `backend.run()` rejects instead of the
 * job failing later.
 */
import { circuitToJson, isControlFlowOp, type QuantumCircuit } from '@qfabric/core/circuit'
import { DENSITY_MATRIX_MAX_QUBITS } from '../density/validate-density-program.js'
import { resolveSeed } from '../engine/random/seeded-rng.js'
import { MAX_QUBITS } from '../engine/validate-program.js'
import type { NoiseModel } from '../noise/noise-model.js'
import { compileStabilizerCircuit } from '../stabilizer/compile-stabilizer.js'
import { activeQubits } from './active-qubits.js'
import type { NoiseModelJson } from '../noise/noise-model-json.js'
import type {
  ExecutionOptions,
  ExecutionRequest,
  SimulationMethod,
  SimulatorKind,
} from './execution/execution-request.js'
import { LocalSimulatorError } from './local-simulator-error.js'
import { noiseModelJsonForQubits } from './noise-model-for-qubits.js'
import { UNITARY_SIMULATOR_QUBITS } from './simulator-limits.js'

/** The settings of one submission. */
export interface SubmissionSettings {
  readonly kind: SimulatorKind
  readonly method: SimulationMethod
  readonly shots: number
  readonly seed?: number | undefined
  readonly memory: boolean
  readonly fusionEnable?: boolean | undefined
  readonly fusionMaxQubits?: number | undefined
  /** 0 (or unset) for all cores. */
  readonly maxParallelThreads?: number | undefined
  /** Refuse runs needing more memory than this (MiB); unset for no check. */
  readonly maxMemoryMb?: number | undefined
  readonly noiseModel: NoiseModel | null
  /** The device's sample time (s), for delays in `dt`. */
  readonly dt?: number | null | undefined
  /** The widest circuit `automatic` simulates as a density matrix (default 8). */
  readonly densityMatrixMaxQubits?: number | undefined
}

/** Bytes per amplitude (two doubles). */
const AMPLITUDE_BYTES = 16

/**
 * The request for a batch of circuits.
 *
 * @param circuits - the circuits
 * @param settings - the merged run options and the backend's kind
 * @returns the request (circuit JSON, resolved seed and engine settings)
 * @throws LocalSimulatorError `sim.backend.unbound-parameters`, `sim.backend.non-unitary`,
 *   `sim.backend.unsupported-noise`, `sim.backend.too-many-qubits`, `sim.backend.memory-limit`
 * @throws StabilizerError `sim.stabilizer.non-clifford` for the stabilizer method
 */
export function createExecutionRequest(
  circuits: readonly QuantumCircuit[],
  settings: SubmissionSettings,
): ExecutionRequest {
  const noise = settings.noiseModel?.isIdeal() === false ? settings.noiseModel : null
  if (noise !== null) checkNoiseSupported(settings)
  const used = new Set<number>()
  for (const circuit of circuits) {
    checkCircuit(circuit, settings)
    activeQubits(circuit, used)
  }
  return {
    circuits: circuits.map((c) => circuitToJson(c)),
    options: executionOptions(
      settings,
      noise === null ? null : noiseModelJsonForQubits(noise, used),
    ),
  }
}

function executionOptions(
  settings: SubmissionSettings,
  noiseModel: NoiseModelJson | null,
): ExecutionOptions {
  const maxMemoryMb = settings.maxMemoryMb
  const threads = settings.maxParallelThreads ?? 0
  return {
    kind: settings.kind,
    method: settings.method,
    shots: settings.shots,
    seed: resolveSeed(settings.seed),
    memory: settings.memory,
    fusion: settings.fusionEnable === false ? 'off' : 'auto',
    maxBlockQubits: settings.fusionMaxQubits,
    threads: threads === 0 ? 'auto' : threads,
    // Half the memory limit for the engine's per-shot state copies.
    memoryBudgetBytes:
      maxMemoryMb === undefined ? 2 ** 30 : Math.max(2 ** 20, maxMemoryMb * 2 ** 19),
    noiseModel,
    dt: settings.dt ?? null,
    densityMatrixMaxQubits: settings.densityMatrixMaxQubits ?? 8,
  }
}

function checkNoiseSupported(settings: SubmissionSettings): void {
  if (settings.kind === 'unitary' || settings.kind === 'statevector') {
    throw new LocalSimulatorError(
      'sim.backend.unsupported-noise',
      `the ${settings.kind} simulator runs ideal circuits only: use qasm_simulator or density_matrix_simulator with a noise model`,
    )
  }
  if (settings.method === 'stabilizer') {
    throw new LocalSimulatorError(
      'sim.backend.unsupported-noise',
      'the stabilizer method runs ideal circuits only: use method statevector or density_matrix with a noise model',
    )
  }
}

function checkCircuit(circuit: QuantumCircuit, settings: SubmissionSettings): void {
  if (circuit.numParameters > 0) {
    throw new LocalSimulatorError(
      'sim.backend.unbound-parameters',
      `circuit '${circuit.name}' has unbound parameters (${circuit.parameters.map((p) => p.name).join(', ')}): assign them first`,
    )
  }
  if (settings.kind === 'unitary') checkUnitary(circuit)
  if (settings.method === 'stabilizer') {
    compileStabilizerCircuit(circuit)
    return
  }
  const needed = memoryNeeded(circuit, settings)
  if (needed.qubits > needed.limit) {
    throw new LocalSimulatorError(
      'sim.backend.too-many-qubits',
      `circuit '${circuit.name}' needs ${needed.qubits} qubits; the ${needed.what} takes at most ${needed.limit}`,
    )
  }
  const maxMb = settings.maxMemoryMb
  if (maxMb !== undefined && needed.bytes > maxMb * 2 ** 20) {
    throw new LocalSimulatorError(
      'sim.backend.memory-limit',
      `circuit '${circuit.name}' needs ${Math.ceil(needed.bytes / 2 ** 20)} MiB, more than maxMemoryMb = ${maxMb}`,
    )
  }
}

interface MemoryNeed {
  /** What is simulated, for messages. */
  readonly what: string
  readonly qubits: number
  readonly limit: number
  readonly bytes: number
}

function memoryNeeded(circuit: QuantumCircuit, settings: SubmissionSettings): MemoryNeed {
  const n = circuit.numQubits
  switch (settings.kind) {
    case 'unitary':
      return {
        what: 'unitary simulator',
        qubits: n,
        limit: UNITARY_SIMULATOR_QUBITS,
        bytes: 2 * AMPLITUDE_BYTES * 4 ** n,
      }
    case 'density_matrix':
      return densityMatrixNeed(n)
    case 'statevector':
      return statevectorNeed(n)
    case 'qasm': {
      const active = activeQubits(circuit).size
      return settings.method === 'density_matrix'
        ? densityMatrixNeed(active)
        : statevectorNeed(active)
    }
  }
}

function densityMatrixNeed(qubits: number): MemoryNeed {
  return {
    what: 'density-matrix simulation',
    qubits,
    limit: DENSITY_MATRIX_MAX_QUBITS,
    bytes: AMPLITUDE_BYTES * 4 ** qubits,
  }
}

function statevectorNeed(qubits: number): MemoryNeed {
  return {
    what: 'statevector simulation',
    qubits,
    limit: MAX_QUBITS,
    bytes: AMPLITUDE_BYTES * 2 ** qubits,
  }
}

function checkUnitary(circuit: QuantumCircuit): void {
  for (const inst of circuit.data) {
    const name = inst.operation.name
    const classical =
      name === 'measure' ||
      name === 'reset' ||
      inst.condition !== undefined ||
      isControlFlowOp(inst.operation)
    if (classical) {
      throw new LocalSimulatorError(
        'sim.backend.non-unitary',
        `circuit '${circuit.name}' has a '${name}' instruction: the unitary simulator runs gates only`,
      )
    }
  }
}
