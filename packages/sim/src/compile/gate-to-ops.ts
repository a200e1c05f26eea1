/**
 * Lowers one gate to engine ops: its matrix in the cheapest exact form when it is small,
 * multi-controlled gates as controlled ops (no 2^k matrices), and everything else through its
 * definition.
 */
import { ControlledGate, type Gate, valueToNumber } from '@qfabric/core/circuit'
import type { DiagonalOp, PermutationOp, TargetOp, UnitaryOp } from '../engine/sim-program.js'
import { SimulationError } from '../engine/simulation-error.js'
import { classifyMatrix } from '../engine/small-matrix.js'

/** Gates on at most this many qubits are lowered through their matrix. */
export const MAX_MATRIX_QUBITS = 6

/** Inlines a definition circuit on the given qubits (supplied by the circuit compiler). */
export type InlineDefinition = (gate: Gate, qubits: readonly number[]) => UnitaryOp[]

const X: PermutationOp = { kind: 'permutation', qubits: [0], permutation: Int32Array.of(1, 0) }

/**
 * The ops applying `gate` to `qubits`.
 *
 * @param gate - a bound gate
 * @param qubits - the circuit qubits of its qargs
 * @param inline - lowers a gate through its definition
 * @returns unitary ops
 * @throws CircuitError `circuit.unbound-parameter` for a gate with free parameters
 * @throws SimulationError `simulation.unsupported-operation` for an opaque gate
 */
export function gateToOps(
  gate: Gate,
  qubits: readonly number[],
  inline: InlineDefinition,
): UnitaryOp[] {
  if (qubits.length === 0) {
    const m = gate.toMatrix()
    return [{ kind: 'global-phase', phase: Math.atan2(m.data[1]!, m.data[0]!) }]
  }
  const wide = qubits.length > MAX_MATRIX_QUBITS
  if (wide && (gate.name === 'mcx' || gate.name === 'mcp')) return [multiControlled(gate, qubits)]
  if (wide && gate instanceof ControlledGate && gate.baseGate.numQubits <= MAX_MATRIX_QUBITS) {
    const c = gate.numCtrlQubits
    const target = targetOp(gate.baseGate, qubits.slice(c))
    if (target !== undefined)
      return [
        { kind: 'controlled', controls: qubits.slice(0, c), controlState: gate.ctrlState, target },
      ]
  }
  const definition = gate.definition
  if (!wide || definition === undefined) {
    const op = targetOp(gate, qubits)
    if (op !== undefined) return [op]
  }
  if (definition === undefined) {
    throw new SimulationError(
      'simulation.unsupported-operation',
      `the opaque gate '${gate.name}' has no matrix or definition`,
    )
  }
  return inline(gate, qubits)
}

/** The gate's matrix as a target op, or undefined when it has none (opaque or no definition). */
function targetOp(gate: Gate, qubits: readonly number[]): TargetOp | undefined {
  try {
    return classifyMatrix(qubits, gate.toMatrix().data)
  } catch (error) {
    if (error instanceof Error && (error as { code?: unknown }).code === 'circuit.no-matrix')
      return undefined
    throw error
  }
}

function multiControlled(gate: Gate, qubits: readonly number[]): UnitaryOp {
  const controls = qubits.slice(0, -1)
  const t = qubits[qubits.length - 1]!
  const controlState = 2 ** controls.length - 1
  if (gate.name === 'mcx')
    return { kind: 'controlled', controls, controlState, target: { ...X, qubits: [t] } }
  const lambda = valueToNumber(gate.params[0] ?? 0)
  const phase: DiagonalOp = {
    kind: 'diagonal',
    qubits: [t],
    diagonal: Float64Array.of(1, 0, Math.cos(lambda), Math.sin(lambda)),
  }
  return { kind: 'controlled', controls, controlState, target: phase }
}
