/**
 * Lowers a `QuantumCircuit` to the engine's program: gates to matrices (or controlled ops, or
 * their definitions), measure/reset/barrier/delay, classical conditions, and control flow —
 * `if_else` and `while_loop` stay dynamic (evaluated per shot), `for_loop` is unrolled with its
 * loop parameter bound, `box` is inlined.
 */
import {
  type CircuitInstruction,
  type Condition,
  ForLoopOp,
  Gate,
  IfElseOp,
  type Instruction,
  type QuantumCircuit,
  valueToNumber,
  WhileLoopOp,
} from '@qfabric/core/circuit'
import {
  isUnitaryOp,
  type SimCondition,
  type SimOp,
  type SimProgram,
  type UnitaryOp,
} from '../engine/sim-program.js'
import { SimulationError } from '../engine/simulation-error.js'
import { gateToOps } from './gate-to-ops.js'

/** Instructions without effect on the state. */
const IGNORED = new Set(['barrier', 'delay', 'id'])

interface Scope {
  readonly circuit: QuantumCircuit
  /** Program qubit of each circuit qubit. */
  readonly qubits: readonly number[]
  /** Program clbit of each circuit clbit. */
  readonly clbits: readonly number[]
}

/**
 * The engine program of a circuit. Parameters must be bound.
 *
 * @param circuit - the circuit
 * @returns a program on the circuit's qubits and clbits (same indices)
 * @throws CircuitError `circuit.unbound-parameter` when a gate still has free parameters
 * @throws SimulationError `simulation.unsupported-operation` for opaque gates and unknown
 *   instructions
 * @example
 * const qc = new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0).measure(1, 1)
 * const { counts } = await sampleProgram(compileCircuit(qc), { shots: 1024 })
 */
export function compileCircuit(circuit: QuantumCircuit): SimProgram {
  const scope: Scope = {
    circuit,
    qubits: circuit.qubits.map((_, i) => i),
    clbits: circuit.clbits.map((_, i) => i),
  }
  return { numQubits: circuit.numQubits, numClbits: circuit.numClbits, ops: compileBody(scope) }
}

function compileBody(scope: Scope): SimOp[] {
  const ops: SimOp[] = []
  const phase = valueToNumber(scope.circuit.globalPhase)
  if (phase !== 0) ops.push({ kind: 'global-phase', phase })
  for (const inst of scope.circuit.data) {
    const lowered = compileInstruction(inst, scope)
    ops.push(
      ...(inst.condition === undefined ? lowered : [conditional(inst.condition, scope, lowered)]),
    )
  }
  return ops
}

function compileInstruction(inst: CircuitInstruction, scope: Scope): SimOp[] {
  const op = inst.operation
  const qubits = inst.qubits.map((q) => scope.qubits[q]!)
  const clbits = inst.clbits.map((c) => scope.clbits[c]!)
  if (op.isDirective || IGNORED.has(op.name)) return []
  switch (op.name) {
    case 'measure':
      return [{ kind: 'measure', qubit: qubits[0]!, clbit: clbits[0]! }]
    case 'reset':
      return [{ kind: 'reset', qubit: qubits[0]! }]
  }
  if (op instanceof IfElseOp) {
    const [trueBody, falseBody] = op.blocks
    const then = compileBody({ circuit: trueBody!, qubits, clbits })
    const otherwise =
      falseBody === undefined ? [] : compileBody({ circuit: falseBody, qubits, clbits })
    return [
      {
        kind: 'conditional',
        condition: lowerCondition(op.condition, scope),
        then,
        else: otherwise,
      },
    ]
  }
  if (op instanceof WhileLoopOp) {
    return [
      {
        kind: 'while',
        condition: lowerCondition(op.condition, scope),
        body: compileBody({ circuit: op.body, qubits, clbits }),
      },
    ]
  }
  if (op instanceof ForLoopOp) {
    return op.indexSet.flatMap((value) => {
      const body =
        op.loopParameter === undefined
          ? op.body
          : op.body.assignParameters(new Map([[op.loopParameter, value]]))
      return compileBody({ circuit: body, qubits, clbits })
    })
  }
  if (op.name === 'box') {
    const [body] = (op as Instruction & { blocks: readonly QuantumCircuit[] }).blocks
    return compileBody({ circuit: body!, qubits, clbits })
  }
  if (op instanceof Gate) return gateToOps(op, qubits, (gate, qs) => inlineDefinition(gate, qs))
  const definition = op.definition
  if (definition !== undefined) return compileBody({ circuit: definition, qubits, clbits })
  throw new SimulationError(
    'simulation.unsupported-operation',
    `cannot simulate the instruction '${op.name}'`,
  )
}

function inlineDefinition(gate: Gate, qubits: readonly number[]): UnitaryOp[] {
  const definition = gate.definition
  if (definition === undefined) return []
  const ops = compileBody({ circuit: definition, qubits, clbits: [] })
  return ops.filter(isUnitaryOp)
}

function conditional(condition: Condition, scope: Scope, then: readonly SimOp[]): SimOp {
  return { kind: 'conditional', condition: lowerCondition(condition, scope), then, else: [] }
}

function lowerCondition(condition: Condition | undefined, scope: Scope): SimCondition {
  if (condition === undefined)
    throw new SimulationError(
      'simulation.unsupported-operation',
      'a control-flow op without a condition',
    )
  if (condition.kind === 'clbit') {
    return { clbits: [scope.clbits[condition.clbit]!], op: '==', value: condition.value ? 1n : 0n }
  }
  const clbits = condition.register.bits.map((bit) => scope.clbits[scope.circuit.clbitIndex(bit)]!)
  return { clbits, op: condition.op, value: condition.value }
}
