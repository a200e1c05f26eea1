/**
 * Computes the unitary of a circuit (Qiskit's `unitary_simulator`): the `2^n × 2^n` matrix is
 * evolved as a `2n`-qubit state with the statevector engine's fusion and kernels.
 *
 * Layout: the matrix is row-major, so entry `(r, c)` sits at basis index `c + 2^n·r` of the
 * `2n`-qubit vector. A gate `G` on qubits `Q` maps `M ↦ G·M`, which acts on the row index only:
 * it is `G` on qubits `Q + n` of the vector, an ordinary statevector pass. A global phase
 * multiplies the whole vector.
 */
import type { QuantumCircuit } from '@qfabric/core/circuit'
import { compileCircuit } from '../compile/compile-circuit.js'
import type { EngineOptions } from '../engine/engine-options.js'
import { buildPlan } from '../engine/plan/build-plan.js'
import { resolveExecutor } from '../engine/resolve-executor.js'
import { isUnitaryOp, type SimOp, type SimProgram, type UnitaryOp } from '../engine/sim-program.js'
import { SimulationError } from '../engine/simulation-error.js'
import { validateProgram } from '../engine/validate-program.js'
import { remapOp } from '../density/op-transforms.js'

/**
 * The widest circuit the unitary engine simulates: 14 qubits are a 28-qubit vector (4 GiB of
 * doubles).
 */
export const UNITARY_MAX_QUBITS = 14

/** Options of {@link simulateUnitary}. */
export type UnitaryOptions = Pick<EngineOptions, 'fusion' | 'maxBlockQubits' | 'threads' | 'signal'>

/**
 * The unitary of `input`, global phase included.
 *
 * @param input - a circuit with bound parameters and no measurement, reset or classical control
 *   (barriers and delays are ignored), or a program of unitary ops
 * @param options - fusion, threads, abort signal
 * @returns the `2^n × 2^n` matrix, row-major and interleaved: entry `(r, c)` is
 *   `[u[2(r·2^n + c)], u[2(r·2^n + c) + 1]]`, basis index bit `k` = qubit `k` (Qiskit's order).
 *   It may be backed by a `SharedArrayBuffer` when threads are used.
 * @throws SimulationError `simulation.unsupported-operation` for measure, reset, classical
 *   control or opaque gates; `simulation.too-many-qubits` above {@link UNITARY_MAX_QUBITS}
 * @throws CircuitError `circuit.unbound-parameter` for free parameters
 * @throws the signal's reason when aborted
 * @example
 * ```ts
 * const u = await simulateUnitary(new QuantumCircuit(2).h(0).cx(0, 1))
 * // u[2 * (3 * 4 + 0)] ≈ 0.7071: ⟨11|U|00⟩ = 1/√2
 * ```
 */
export async function simulateUnitary(
  input: QuantumCircuit | SimProgram,
  options: UnitaryOptions = {},
): Promise<Float64Array> {
  const n = input.numQubits
  if (n > UNITARY_MAX_QUBITS) {
    throw new SimulationError(
      'simulation.too-many-qubits',
      `${n} qubits exceed the unitary simulator's limit of ${UNITARY_MAX_QUBITS}`,
    )
  }
  const program = isProgram(input) ? input : compileCircuit(input)
  validateProgram(program)
  const ops = program.ops.map(requireUnitary)
  const width = 2 * n
  const executor = resolveExecutor(options.threads, width)
  const state = executor.allocate(width)
  const dim = 2 ** n
  for (let i = 0; i < dim; i++) state[2 * i * (dim + 1)] = 1
  const rowOps = ops.map((op) => remapOp(op, (q) => q + n))
  const plan = buildPlan(rowOps, {
    numQubits: width,
    fusion: options.fusion,
    maxBlockQubits: options.maxBlockQubits,
  })
  await executor.apply(state, plan, { numQubits: width, signal: options.signal })
  return state
}

function requireUnitary(op: SimOp): UnitaryOp {
  if (isUnitaryOp(op)) return op
  const what = op.kind === 'conditional' || op.kind === 'while' ? 'classical control' : op.kind
  throw new SimulationError(
    'simulation.unsupported-operation',
    `the unitary simulator cannot simulate ${what}: a circuit's unitary needs gates only`,
  )
}

function isProgram(input: QuantumCircuit | SimProgram): input is SimProgram {
  return Array.isArray((input as { readonly ops?: unknown }).ops)
}
