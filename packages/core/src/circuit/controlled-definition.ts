import { CircuitError } from './circuit-error.js'
import { circuitFactory } from './circuit-factory.js'
import { controlledMatrix } from './controlled-matrix.js'
import type { Gate } from './gate.js'
import type { Instruction } from './instruction.js'
import { addValues } from './parameter-functions.js'
import type { ParameterValue } from './parameter-expression.js'
import type { QuantumCircuit } from './quantum-circuit.js'

function isGate(op: Instruction): op is Gate {
  return typeof (op as unknown as Partial<Gate>).control === 'function'
}

/**
 * The generic definition of `base` controlled by `n` qubits in state `ctrlState` (Qiskit's
 * `add_control`): open controls are flipped with `x`, every gate of the base definition is
 * controlled in turn (standard gates give standard controlled gates), and the definition's
 * global phase becomes a (multi-)controlled phase on the controls. An opaque base with a matrix
 * becomes one `unitary` of the controlled matrix.
 *
 * @param base - the gate to control
 * @param numCtrlQubits - `n ≥ 1`
 * @param ctrlState - the activating state of the controls
 * @returns a circuit on `n + base.numQubits` qubits, controls first
 * @throws CircuitError `circuit.invalid-operation` if the definition holds a non-gate operation
 */
export function controlledDefinition(
  base: Gate,
  numCtrlQubits: number,
  ctrlState: number,
): QuantumCircuit {
  const factory = circuitFactory()
  const n = numCtrlQubits
  const out = factory.createCircuit(n + base.numQubits)
  const controls = Array.from({ length: n }, (_, i) => i)
  const open = controls.filter((q) => ((ctrlState >> q) & 1) === 0)
  for (const q of open) out.append(factory.standardGate('x'), [q])
  const def = base.definition
  if (def === undefined) {
    const all = Array.from({ length: n + base.numQubits }, (_, i) => i)
    out.append(factory.unitaryGate(controlledMatrix(base.toMatrix(), n, 2 ** n - 1)), all)
  } else {
    let phase: ParameterValue = def.globalPhase
    for (const inst of def.data) {
      const op = inst.operation
      if (op.isDirective) continue
      if (!isGate(op) || inst.condition !== undefined) {
        throw new CircuitError(
          'circuit.invalid-operation',
          `cannot control '${base.name}': its definition holds the non-gate operation '${op.name}'`,
        )
      }
      if (op.numQubits === 0) {
        phase = addValues(
          phase,
          op.name === 'global_phase' ? op.params[0]! : op.toMatrix().get(0, 0).arg(),
        )
        continue
      }
      out.append(op.control(n), [...controls, ...inst.qubits.map((q) => n + q)])
    }
    appendControlledPhase(out, phase, n)
  }
  for (const q of open) out.append(factory.standardGate('x'), [q])
  return out
}

/** A global phase φ, controlled by qubits `0 … n−1`: `p(φ)` on one control, `mcp` on several. */
function appendControlledPhase(out: QuantumCircuit, phase: ParameterValue, n: number): void {
  if (phase === 0) return
  const factory = circuitFactory()
  if (n === 1) {
    out.append(factory.standardGate('p', [phase]), [0])
  } else {
    const gate = factory.standardGate('mcp', [phase], { numCtrlQubits: n - 1 })
    out.append(
      gate,
      Array.from({ length: n }, (_, i) => i),
    )
  }
}
