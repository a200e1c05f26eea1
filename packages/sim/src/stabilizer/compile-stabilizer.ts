/**
 * Lowers a `QuantumCircuit` to a stabilizer program: Clifford gates to tableau gate streams
 * (standard primitives directly; other gates through their matrix when they act on at most three
 * qubits, else through their definitions, recursively), measure/reset, conditions and control
 * flow (`if_else` and `while_loop` per shot, `for_loop` unrolled, `box` inlined). Barriers,
 * delays, `id` and global phases have no effect on a stabilizer state and are dropped.
 */
import {
  BoxOp,
  type CircuitInstruction,
  type Condition,
  type ControlFlowOp,
  ForLoopOp,
  Gate,
  IfElseOp,
  isControlFlowOp,
  isStandardGate,
  type QuantumCircuit,
  WhileLoopOp,
} from '@qfabric/core/circuit'
import { cliffordRecipe, PRIMITIVE_GATES } from './clifford-recipe.js'
import type { CliffordTable } from './clifford-table.js'
import { OpListBuilder } from './op-list-builder.js'
import { StabilizerError } from './stabilizer-error.js'
import type { StabilizerCondition, StabilizerOp, StabilizerProgram } from './stabilizer-program.js'

/** Instructions without effect on a stabilizer state. */
const IGNORED = new Set(['barrier', 'delay', 'id', 'global_phase'])

interface Scope {
  readonly circuit: QuantumCircuit
  /** Program qubit of each circuit qubit. */
  readonly qubits: readonly number[]
  /** Program clbit of each circuit clbit. */
  readonly clbits: readonly number[]
}

interface Context {
  readonly tables: CliffordTable[]
  readonly tableIndex: Map<CliffordTable, number>
  /** The top-level instruction being lowered, for error messages. */
  readonly root: QuantumCircuit
  siteIndex: number
}

/**
 * The stabilizer program of a circuit.
 *
 * @param circuit - a circuit with bound parameters
 * @returns the program, on the circuit's qubit and clbit indices
 * @throws StabilizerError `sim.stabilizer.non-clifford` for a gate that is not a Clifford
 *   operation, `sim.stabilizer.unsupported-operation` for an opaque gate or unknown instruction
 *   (both name the operation and the index of its top-level instruction)
 * @throws CircuitError `circuit.unbound-parameter` when a gate still has free parameters
 * @example
 * ```ts
 * const program = compileStabilizerCircuit(new QuantumCircuit(2, 2).h(0).cx(0, 1).measureAll())
 * ```
 */
export function compileStabilizerCircuit(circuit: QuantumCircuit): StabilizerProgram {
  const ctx: Context = { tables: [], tableIndex: new Map(), root: circuit, siteIndex: -1 }
  const scope: Scope = {
    circuit,
    qubits: circuit.qubits.map((_, i) => i),
    clbits: circuit.clbits.map((_, i) => i),
  }
  const out = new OpListBuilder()
  const sink = { out, ctx }
  circuit.data.forEach((inst, index) => {
    ctx.siteIndex = index
    lowerInstruction(inst, scope, sink)
  })
  return {
    numQubits: circuit.numQubits,
    numClbits: circuit.numClbits,
    ops: out.finish(),
    tables: ctx.tables,
  }
}

interface Sink {
  readonly out: OpListBuilder
  readonly ctx: Context
}

function lowerBody(scope: Scope, ctx: Context): StabilizerOp[] {
  const out = new OpListBuilder()
  for (const inst of scope.circuit.data) lowerInstruction(inst, scope, { out, ctx })
  return out.finish()
}

function lowerInstruction(inst: CircuitInstruction, scope: Scope, sink: Sink): void {
  if (inst.condition !== undefined) {
    const body = new OpListBuilder()
    lowerOperation(inst, scope, { out: body, ctx: sink.ctx })
    sink.out.push({
      kind: 'if',
      condition: lowerCondition(inst.condition, scope),
      then: body.finish(),
      else: [],
    })
    return
  }
  lowerOperation(inst, scope, sink)
}

function lowerOperation(inst: CircuitInstruction, scope: Scope, sink: Sink): void {
  const op = inst.operation
  const { out, ctx } = sink
  const primitive = PRIMITIVE_GATES.get(op.name)
  // The hot path (millions of gates): standard Clifford primitives go straight into the stream.
  if (primitive !== undefined && isStandardGate(op)) {
    out.gate(primitive, scope.qubits[inst.qubits[0]!]!, scope.qubits[inst.qubits[1] ?? 0])
    return
  }
  if (op.isDirective || IGNORED.has(op.name)) return
  const qubits = inst.qubits.map((q) => scope.qubits[q]!)
  const clbits = inst.clbits.map((c) => scope.clbits[c]!)
  if (op.name === 'measure') {
    out.push({ kind: 'measure', qubit: qubits[0]!, clbit: clbits[0]! })
    return
  }
  if (op.name === 'reset') {
    out.push({ kind: 'reset', qubit: qubits[0]! })
    return
  }
  if (isControlFlowOp(op)) {
    lowerControlFlow(op, { holding: scope, qubits, clbits }, sink)
    return
  }
  if (op instanceof Gate) {
    lowerGate(op, { circuit: scope.circuit, qubits, clbits }, sink)
    return
  }
  const definition = op.definition
  if (definition === undefined) {
    throw siteError(ctx, op.name, {
      code: 'sim.stabilizer.unsupported-operation',
      what: 'has no definition the stabilizer simulator can run',
    })
  }
  out.append(lowerBody({ circuit: definition, qubits, clbits }, ctx))
}

/** Lowers a gate; `scope.qubits`/`clbits` are the gate's mapped qargs and cargs. */
function lowerGate(gate: Gate, scope: Scope, sink: Sink): void {
  const { out, ctx } = sink
  const recipe = cliffordRecipe(gate)
  if (recipe.kind === 'clifford') {
    for (const step of recipe.steps) {
      const qubits = step.qubits.map((j) => scope.qubits[j]!)
      if ('table' in step) out.table(tableIndex(ctx, step.table), qubits)
      else out.gate(step.op, qubits[0]!, qubits[1])
    }
    return
  }
  if (recipe.kind === 'non-clifford') {
    throw siteError(ctx, gate.name, {
      code: 'sim.stabilizer.non-clifford',
      what: 'is not a Clifford gate',
    })
  }
  const definition = gate.definition
  if (definition === undefined) {
    throw siteError(ctx, gate.name, {
      code: 'sim.stabilizer.unsupported-operation',
      what: 'is an opaque gate (no matrix or definition)',
    })
  }
  out.append(lowerBody({ circuit: definition, qubits: scope.qubits, clbits: scope.clbits }, ctx))
}

/** The holding circuit's scope, and the instruction's mapped qubits and clbits. */
interface Placement {
  readonly holding: Scope
  readonly qubits: readonly number[]
  readonly clbits: readonly number[]
}

function lowerControlFlow(op: ControlFlowOp, at: Placement, sink: Sink): void {
  const { out, ctx } = sink
  const inner = (circuit: QuantumCircuit): StabilizerOp[] =>
    lowerBody({ circuit, qubits: at.qubits, clbits: at.clbits }, ctx)
  if (op instanceof IfElseOp) {
    const condition = lowerCondition(op.condition, at.holding)
    const falseBody = op.falseBody
    out.push({
      kind: 'if',
      condition,
      then: inner(op.trueBody),
      else: falseBody === undefined ? [] : inner(falseBody),
    })
  } else if (op instanceof WhileLoopOp) {
    out.push({
      kind: 'while',
      condition: lowerCondition(op.condition, at.holding),
      body: inner(op.body),
    })
  } else if (op instanceof ForLoopOp) {
    for (const value of op.indexSet) {
      const body =
        op.loopParameter === undefined
          ? op.body
          : op.body.assignParameters(new Map([[op.loopParameter, value]]))
      out.append(inner(body))
    }
  } else if (op instanceof BoxOp) {
    out.append(inner(op.body))
  } else {
    throw siteError(ctx, op.name, {
      code: 'sim.stabilizer.unsupported-operation',
      what: 'is a control-flow operation the stabilizer simulator does not know',
    })
  }
}

/** Maps a condition over the holding circuit's clbits (`scope`) to program clbits. */
function lowerCondition(condition: Condition, scope: Scope): StabilizerCondition {
  if (condition.kind === 'clbit') {
    return { clbits: [scope.clbits[condition.clbit]!], op: '==', value: condition.value ? 1n : 0n }
  }
  const clbits = condition.register.bits.map((bit) => scope.clbits[scope.circuit.clbitIndex(bit)]!)
  return { clbits, op: condition.op, value: condition.value }
}

function tableIndex(ctx: Context, table: CliffordTable): number {
  let index = ctx.tableIndex.get(table)
  if (index === undefined) {
    index = ctx.tables.length
    ctx.tables.push(table)
    ctx.tableIndex.set(table, index)
  }
  return index
}

interface Problem {
  readonly code: 'sim.stabilizer.non-clifford' | 'sim.stabilizer.unsupported-operation'
  /** What is wrong with the operation, completing "'name' at instruction i …". */
  readonly what: string
}

function siteError(ctx: Context, name: string, problem: Problem): StabilizerError {
  const { code, what } = problem
  const index = ctx.siteIndex
  const outer = ctx.root.data[index]?.operation.name ?? name
  const where =
    outer === name ? `at instruction ${index}` : `inside '${outer}' at instruction ${index}`
  return new StabilizerError(code, `'${name}' ${where} ${what}`, {
    operationName: name,
    instructionIndex: index,
  })
}
