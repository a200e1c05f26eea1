/**
 * Lowers a `QuantumCircuit` and a `NoiseModel` to a density-matrix program. Gates are lowered
 * exactly as the statevector engine lowers them; the model's errors are looked up per
 * instruction name and qubits (once, here, not per shot) and placed after the instruction, or
 * before it for the names in `NOISE_BEFORE_INSTRUCTIONS` (`measure`). Control flow stays
 * dynamic (`if_else`, `while_loop`, conditions), `for_loop` is unrolled and `box` inlined; noise
 * inside bodies follows their instructions.
 */
import {
  type CircuitInstruction,
  type Condition,
  Delay,
  ForLoopOp,
  Gate,
  IfElseOp,
  type Instruction,
  type QuantumCircuit,
  valueToNumber,
  WhileLoopOp,
} from '@qfabric/core/circuit'
import type { SimCondition } from '../engine/sim-program.js'
import { SimulationError } from '../engine/simulation-error.js'
import { NOISE_BEFORE_INSTRUCTIONS, type NoiseModel } from '../noise/noise-model.js'
import type { DensityOp, DensityProgram } from './density-program.js'
import { lowerGate } from './lower-gate.js'
import { channelOp, resetChannel } from './superoperator.js'

/** Options of {@link compileDensityProgram}. */
export interface CompileDensityOptions {
  /** The noise to add; none when absent. */
  readonly noiseModel?: NoiseModel | undefined
  /**
   * Seconds per `dt`, to convert delays given in `dt` for the model's idle relaxation; without
   * it such delays relax nothing.
   */
  readonly dt?: number | undefined
}

/** Seconds per unit of `Delay`'s time units (`dt` comes from the options). */
const SECONDS: Readonly<Record<string, number>> = { s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9, ps: 1e-12 }

interface Scope {
  readonly circuit: QuantumCircuit
  readonly qubits: readonly number[]
  readonly clbits: readonly number[]
}

/**
 * The density-matrix program of a noisy circuit. Parameters must be bound.
 *
 * @param circuit - the circuit (qubit and clbit indices are kept)
 * @param options - the noise model and `dt`
 * @returns the program, with channel ops for the noise
 * @throws CircuitError `circuit.unbound-parameter` when a gate still has free parameters
 * @throws SimulationError `simulation.unsupported-operation` for opaque gates and unknown
 *   instructions
 * @throws NoiseError `sim.noise.qubit-mismatch` when an all-qubit error does not fit an
 *   instruction's width
 * @example
 * const model = new NoiseModel()
 * model.addAllQubitQuantumError(depolarizingError(0.01, 1), 'h')
 * const program = compileDensityProgram(new QuantumCircuit(1).h(0), { noiseModel: model })
 * // ops: [h as a matrix op, the depolarizing channel]
 */
export function compileDensityProgram(
  circuit: QuantumCircuit,
  options: CompileDensityOptions = {},
): DensityProgram {
  const scope: Scope = {
    circuit,
    qubits: circuit.qubits.map((_, i) => i),
    clbits: circuit.clbits.map((_, i) => i),
  }
  return {
    numQubits: circuit.numQubits,
    numClbits: circuit.numClbits,
    ops: compileBody(scope, options),
  }
}

function compileBody(scope: Scope, options: CompileDensityOptions): DensityOp[] {
  const ops: DensityOp[] = []
  for (const inst of scope.circuit.data) {
    const lowered = compileInstruction(inst, scope, options)
    if (inst.condition === undefined) ops.push(...lowered)
    else if (lowered.length > 0) {
      const condition = lowerCondition(inst.condition, scope)
      ops.push({ kind: 'conditional', condition, then: lowered, else: [] })
    }
  }
  return ops
}

function compileInstruction(
  inst: CircuitInstruction,
  scope: Scope,
  options: CompileDensityOptions,
): DensityOp[] {
  const op = inst.operation
  const qubits = inst.qubits.map((q) => scope.qubits[q]!)
  const clbits = inst.clbits.map((c) => scope.clbits[c]!)
  const noisy = (ops: DensityOp[]): DensityOp[] => {
    const errors = errorOps(op.name, qubits, options.noiseModel)
    if (errors.length === 0) return ops
    return NOISE_BEFORE_INSTRUCTIONS.has(op.name) ? [...errors, ...ops] : [...ops, ...errors]
  }
  if (op instanceof Delay) return noisy(delayOps(op, qubits, options))
  if (op.isDirective) return []
  switch (op.name) {
    case 'measure':
      return noisy([{ kind: 'measure', qubit: qubits[0]!, clbit: clbits[0]! }])
    case 'reset':
      return noisy([resetChannel(qubits[0]!)])
  }
  const inner: Scope = { circuit: scope.circuit, qubits, clbits }
  const flow = controlFlow(op, { inner, outer: scope }, options)
  if (flow !== undefined) return flow
  // A global phase does not change ρ.
  if (op instanceof Gate)
    return noisy(lowerGate(op, qubits).filter((g) => g.kind !== 'global-phase'))
  const definition = op.definition
  if (definition !== undefined)
    return noisy(compileBody({ ...inner, circuit: definition }, options))
  throw new SimulationError(
    'simulation.unsupported-operation',
    `cannot simulate the instruction '${op.name}'`,
  )
}

/** Control-flow ops lowered (bodies run on `inner`'s bits), or undefined for other ops. */
function controlFlow(
  op: Instruction,
  scopes: { readonly inner: Scope; readonly outer: Scope },
  options: CompileDensityOptions,
): DensityOp[] | undefined {
  const { inner, outer } = scopes
  const body = (circuit: QuantumCircuit): DensityOp[] => compileBody({ ...inner, circuit }, options)
  if (op instanceof IfElseOp) {
    const [trueBody, falseBody] = op.blocks
    return [
      {
        kind: 'conditional',
        condition: lowerCondition(op.condition, outer),
        then: body(trueBody!),
        else: falseBody === undefined ? [] : body(falseBody),
      },
    ]
  }
  if (op instanceof WhileLoopOp) {
    return [{ kind: 'while', condition: lowerCondition(op.condition, outer), body: body(op.body) }]
  }
  if (op instanceof ForLoopOp) {
    return op.indexSet.flatMap((value) =>
      body(
        op.loopParameter === undefined
          ? op.body
          : op.body.assignParameters(new Map([[op.loopParameter, value]])),
      ),
    )
  }
  if (op.name === 'box') {
    const [first] = (op as Instruction & { readonly blocks: readonly QuantumCircuit[] }).blocks
    return first === undefined ? [] : body(first)
  }
  return undefined
}

function errorOps(
  name: string,
  qubits: readonly number[],
  model: NoiseModel | undefined,
): DensityOp[] {
  if (model === undefined) return []
  return model.errorsFor(name, qubits).map((error) => channelOp(error, qubits))
}

/** The idle relaxation of each delayed qubit (the model's `delayError`). */
function delayOps(
  op: Delay,
  qubits: readonly number[],
  options: CompileDensityOptions,
): DensityOp[] {
  const model = options.noiseModel
  if (model === undefined) return []
  const perUnit = op.unit === 'dt' ? options.dt : SECONDS[op.unit]
  if (perUnit === undefined) return []
  const seconds = valueToNumber(op.duration) * perUnit
  return qubits.flatMap((q) => {
    const error = model.delayError(q, seconds)
    return error === undefined ? [] : [channelOp(error, [q])]
  })
}

function lowerCondition(condition: Condition | undefined, scope: Scope): SimCondition {
  if (condition === undefined) {
    throw new SimulationError(
      'simulation.unsupported-operation',
      'a control-flow op without a condition',
    )
  }
  if (condition.kind === 'clbit') {
    return { clbits: [scope.clbits[condition.clbit]!], op: '==', value: condition.value ? 1n : 0n }
  }
  const clbits = condition.register.bits.map((bit) => scope.clbits[scope.circuit.clbitIndex(bit)]!)
  return { clbits, op: condition.op, value: condition.value }
}
