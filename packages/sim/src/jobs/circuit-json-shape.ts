/**
 * One cheap pass over a circuit's JSON that finds what bounds the cost of simulating it: how
 * many instructions the simulator compiles, how many state sweeps its gates make, and whether it
 * may run shot by shot. Bodies of control flow and gate definitions are walked too.
 */
import type {
  CircuitJson,
  InstructionJson,
  OperationJson,
  OperationJsonType,
} from '@qfabric/core/circuit'

/** What {@link circuitJsonShape} finds. */
export interface CircuitShape {
  /** Instructions, counting bodies and definitions expanded. */
  readonly instructions: number
  /** State sweeps: each gate on `k` qubits counts `2^(k-1)` (at least one). */
  readonly sweeps: number
  /**
   * Whether the circuit may have to be simulated shot by shot: a gate or measurement after a
   * measurement of the same qubit, resets, conditions or control flow.
   */
  readonly isDynamic: boolean
  /** Whether it measures anything (inside a definition, that alone makes it dynamic). */
  readonly hasMeasure: boolean
  /**
   * Whether every operation is one the stabilizer simulator surely accepts (standard Clifford
   * gates without parameters, measurements, resets, barriers, delays). False does not mean
   * non-Clifford: definitions and control flow are not looked into.
   */
  readonly isClifford: boolean
}

/** The shape of what cannot be bounded (a while loop, an unknown operation). */
export const UNBOUNDED_SHAPE: CircuitShape = Object.freeze({
  instructions: Infinity,
  sweeps: Infinity,
  isDynamic: true,
  hasMeasure: true,
  isClifford: false,
})

/**
 * Standard gates that are Clifford whatever their context (no parameters), so that the
 * `automatic` method surely picks the stabilizer simulator for a circuit made of them.
 */
const CLIFFORD_GATES = new Set([
  'id',
  'x',
  'y',
  'z',
  'h',
  's',
  'sdg',
  'sx',
  'sxdg',
  'cx',
  'cy',
  'cz',
  'swap',
])

/** Operations that never touch the state. */
const DIRECTIVES = new Set<string>(['barrier', 'delay'])

/**
 * The shape of a circuit.
 *
 * @param circuit - circuit JSON (`circuitToJson`)
 * @returns its instruction count, sweeps and whether it is dynamic or surely Clifford; infinite
 *   counts when it holds a while loop or an operation type this pass does not know
 * @example
 * ```ts
 * circuitJsonShape(circuitToJson(new QuantumCircuit(2, 2).h(0).cx(0, 1).measure(0, 0)))
 * // { instructions: 3, sweeps: 4, isDynamic: false, hasMeasure: true, isClifford: true }
 * ```
 */
export function circuitJsonShape(circuit: CircuitJson): CircuitShape {
  return shapeOf(circuit, new Set())
}

/**
 * Walks the instructions (and the bodies and definitions inside them). `seen` holds the
 * definitions on the current path, so a (malformed) self-referencing one cannot loop forever.
 */
function shapeOf(circuit: CircuitJson, seen: Set<CircuitJson>): CircuitShape {
  if (seen.has(circuit)) return UNBOUNDED_SHAPE
  seen.add(circuit)
  let shape = EMPTY_SHAPE
  const measured = new Set<number>()
  for (const inst of circuit.instructions) {
    const op = operationShape(inst, seen)
    const touchesMeasured = !DIRECTIVES.has(inst.type) && inst.qubits.some((q) => measured.has(q))
    shape = sequence(shape, touchesMeasured ? { ...op, isDynamic: true } : op)
    if (inst.type === 'measure') for (const q of inst.qubits) measured.add(q)
  }
  seen.delete(circuit)
  return shape
}

const EMPTY_SHAPE: CircuitShape = {
  instructions: 0,
  sweeps: 0,
  isDynamic: false,
  hasMeasure: false,
  isClifford: true,
}

/** Two parts run one after the other, `repeats` times the second. */
function sequence(a: CircuitShape, b: CircuitShape, repeats = 1): CircuitShape {
  return {
    instructions: a.instructions + repeats * b.instructions,
    sweeps: a.sweeps + repeats * b.sweeps,
    isDynamic: a.isDynamic || b.isDynamic,
    hasMeasure: a.hasMeasure || b.hasMeasure,
    isClifford: a.isClifford && b.isClifford,
  }
}

function operationShape(inst: InstructionJson, seen: Set<CircuitJson>): CircuitShape {
  // An operation type this pass does not know (from a newer circuit format) is unbounded.
  return Object.hasOwn(OPERATION_SHAPES, inst.type)
    ? OPERATION_SHAPES[inst.type](inst, seen)
    : UNBOUNDED_SHAPE
}

type ShapeRule = (inst: InstructionJson, seen: Set<CircuitJson>) => CircuitShape

/** One instruction with `sweeps` of its own; a condition makes it per shot. */
function plain(inst: InstructionJson, sweeps: number, isClifford = true): CircuitShape {
  const isDynamic = inst.condition !== undefined
  return { instructions: 1, sweeps, isDynamic, hasMeasure: false, isClifford }
}

/** The sweeps of a gate on `k` qubits: `2^(k-1)`, at least one. */
function ownSweeps(inst: InstructionJson): number {
  return 2 ** Math.max(0, inst.qubits.length - 1)
}

const gate: ShapeRule = (inst, seen) => {
  const isClifford =
    inst.type === 'standard' && inst.params.length === 0 && CLIFFORD_GATES.has(inst.name)
  return withDefinitions(inst, plain(inst, ownSweeps(inst), isClifford), seen)
}

/** How each operation type is bounded (a table, so that a new type fails to compile here). */
const OPERATION_SHAPES: Readonly<Record<OperationJsonType, ShapeRule>> = {
  standard: gate,
  gate,
  instruction: gate,
  controlled: gate,
  unitary: gate,
  barrier: (inst) => plain(inst, 0),
  delay: (inst) => plain(inst, 0),
  measure: (inst) => ({ ...plain(inst, ownSweeps(inst)), hasMeasure: true }),
  reset: (inst) => ({ ...plain(inst, ownSweeps(inst)), isDynamic: true }),
  if_else: (inst, seen) => blocksShape(inst, 1, seen),
  box: (inst, seen) => blocksShape(inst, 1, seen),
  for_loop: (inst, seen) => blocksShape(inst, inst.indexSet?.length ?? Infinity, seen),
  // No bound on the iterations.
  while_loop: () => UNBOUNDED_SHAPE,
}

/**
 * A gate's own sweeps, or its definition's when more (custom gates may run expanded); a
 * measurement inside a definition makes the circuit dynamic.
 */
function withDefinitions(
  op: OperationJson,
  own: CircuitShape,
  seen: Set<CircuitJson>,
): CircuitShape {
  let shape = own
  for (const definition of [op.definition, op.base?.definition]) {
    if (definition === undefined) continue
    const inner = shapeOf(definition, seen)
    const both = sequence(shape, inner)
    shape = {
      ...both,
      sweeps: Math.max(shape.sweeps, inner.sweeps),
      isDynamic: both.isDynamic || inner.hasMeasure,
    }
  }
  return shape
}

/** Every body of a control-flow operation, `repeats` times (bodies summed: a safe bound). */
function blocksShape(op: OperationJson, repeats: number, seen: Set<CircuitJson>): CircuitShape {
  let shape: CircuitShape = { ...EMPTY_SHAPE, instructions: 1, isDynamic: true, isClifford: false }
  for (const block of op.blocks ?? []) shape = sequence(shape, shapeOf(block, seen), repeats)
  return shape
}
