/**
 * Lowers a circuit for noisy simulation: each instruction becomes its ideal engine ops, and the
 * noise model's errors for that instruction on those qubits are placed after it (before it for
 * `measure`, Aer's rule); `delay` becomes thermal relaxation over its duration. Control flow is
 * kept: `if_else` and `c_if` as conditional steps, `for_loop` unrolled, `box` inlined; the body
 * of a `while_loop` runs ideal (its iteration count is only known per shot), with a warning.
 */
import {
  type CircuitInstruction,
  type Condition,
  Delay,
  ForLoopOp,
  Gate,
  IfElseOp,
  type Instruction,
  isControlFlowOp,
  type QuantumCircuit,
  valueToNumber,
  WhileLoopOp,
} from '@qfabric/core/circuit'
import { compileCircuit } from '../../../compile/compile-circuit.js'
import { gateToOps } from '../../../compile/gate-to-ops.js'
import { isUnitaryOp, type SimCondition, type UnitaryOp } from '../../../engine/sim-program.js'
import { SimulationError } from '../../../engine/simulation-error.js'
import { NOISE_BEFORE_INSTRUCTIONS, type NoiseModel } from '../../../noise/noise-model.js'
import { remapOps } from '../remap-ops.js'
import type { NoisyCircuit, NoisyStep } from './noisy-step.js'
import { markTerminalMeasures } from './terminal-measures.js'

/** Seconds per unit of a `delay` (`dt` comes from the device). */
const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  s: 1,
  ms: 1e-3,
  us: 1e-6,
  ns: 1e-9,
  ps: 1e-12,
}

/** Options of {@link lowerNoisyCircuit}. */
export interface LowerNoisyOptions {
  /** The device's sample time in seconds, for delays given in `dt`. */
  readonly dt: number | null
}

interface Scope {
  readonly circuit: QuantumCircuit
  /** Global qubit of each local qubit. */
  readonly qubits: readonly number[]
  /** Global clbit of each local clbit. */
  readonly clbits: readonly number[]
}

interface Context {
  readonly noise: NoiseModel
  readonly dt: number | null
  readonly warnings: Set<string>
}

/**
 * The noisy lowering of a circuit. Parameters must be bound.
 *
 * @param circuit - the circuit
 * @param noise - the noise model (qubit indices are the circuit's)
 * @param options - the device's `dt`
 * @returns the steps, on the circuit's qubit and clbit indices, with terminal measurements marked
 * @throws CircuitError `circuit.unbound-parameter` for free parameters
 * @throws SimulationError `simulation.unsupported-operation` for opaque gates
 * @throws NoiseError `sim.noise.qubit-mismatch` when an error's width does not fit an instruction
 */
export function lowerNoisyCircuit(
  circuit: QuantumCircuit,
  noise: NoiseModel,
  options: LowerNoisyOptions,
): NoisyCircuit {
  const ctx: Context = { noise, dt: options.dt, warnings: new Set() }
  const scope: Scope = {
    circuit,
    qubits: circuit.qubits.map((_, i) => i),
    clbits: circuit.clbits.map((_, i) => i),
  }
  return {
    numQubits: circuit.numQubits,
    numClbits: circuit.numClbits,
    steps: markTerminalMeasures(lowerBody(scope, ctx)),
    warnings: [...ctx.warnings],
  }
}

function lowerBody(scope: Scope, ctx: Context): NoisyStep[] {
  const steps: NoisyStep[] = []
  const phase = valueToNumber(scope.circuit.globalPhase)
  if (phase !== 0) steps.push({ kind: 'ops', ops: [{ kind: 'global-phase', phase }] })
  for (const inst of scope.circuit.data) {
    const lowered = lowerInstruction(inst, scope, ctx)
    if (inst.condition === undefined) steps.push(...lowered)
    else {
      const condition = lowerCondition(inst.condition, scope)
      steps.push({ kind: 'conditional', condition, then: lowered, else: [] })
    }
  }
  return steps
}

function lowerInstruction(inst: CircuitInstruction, scope: Scope, ctx: Context): NoisyStep[] {
  const op = inst.operation
  const qubits = inst.qubits.map((q) => scope.qubits[q]!)
  const clbits = inst.clbits.map((c) => scope.clbits[c]!)
  if (isControlFlowOp(op)) return lowerControlFlow(op, { holder: scope, qubits, clbits }, ctx)
  if (op.isDirective) return []
  switch (op.name) {
    case 'measure': {
      const qubit = qubits[0]!
      const readout = ctx.noise.readoutErrorFor(qubit)
      const measure: NoisyStep = {
        kind: 'measure',
        qubit,
        clbit: clbits[0]!,
        readout,
        isTerminal: false,
      }
      return [...errorSteps('measure', qubits, ctx), measure]
    }
    case 'reset':
      return [
        { kind: 'ops', ops: [{ kind: 'reset', qubit: qubits[0]! }] },
        ...errorSteps('reset', qubits, ctx),
      ]
  }
  if (op instanceof Delay) return delaySteps(op, qubits, ctx)
  const ops = op instanceof Gate ? gateOps(op, qubits) : definitionOps(op, qubits, clbits)
  const errors = NOISE_BEFORE_INSTRUCTIONS.has(op.name) ? [] : errorSteps(op.name, qubits, ctx)
  return [...(ops.length === 0 ? [] : [{ kind: 'ops', ops } as const]), ...errors]
}

function gateOps(gate: Gate, qubits: readonly number[]): UnitaryOp[] {
  if (gate.name === 'id') return []
  return gateToOps(gate, qubits, (g, qs) => {
    const definition = g.definition
    if (definition === undefined) return []
    const body = compileCircuit(definition).ops.filter(isUnitaryOp)
    return remapOps(body, { qubit: (q) => qs[q]! }) as UnitaryOp[]
  })
}

function definitionOps(
  op: Instruction,
  qubits: readonly number[],
  clbits: readonly number[],
): ReturnType<typeof remapOps> {
  const definition = op.definition
  if (definition === undefined) {
    throw new SimulationError(
      'simulation.unsupported-operation',
      `cannot simulate the instruction '${op.name}'`,
    )
  }
  return remapOps(compileCircuit(definition).ops, {
    qubit: (q) => qubits[q]!,
    clbit: (c) => clbits[c]!,
  })
}

function errorSteps(name: string, qubits: readonly number[], ctx: Context): NoisyStep[] {
  return ctx.noise.errorsFor(name, qubits).map((error) => ({ kind: 'error', error, qubits }))
}

function delaySteps(delay: Delay, qubits: readonly number[], ctx: Context): NoisyStep[] {
  const length = valueToNumber(delay.duration)
  const scale = delay.unit === 'dt' ? ctx.dt : (SECONDS_PER_UNIT[delay.unit] ?? null)
  if (scale === null) {
    if (length > 0 && !ctx.noise.isIdeal()) {
      ctx.warnings.add('delays in dt were simulated without relaxation: the device has no dt')
    }
    return []
  }
  const error = ctx.noise.delayError(qubits[0]!, length * scale)
  return error === undefined ? [] : [{ kind: 'error', error, qubits }]
}

interface ControlFlowSite {
  /** The scope of the circuit holding the instruction: its condition refers to it. */
  readonly holder: Scope
  /** Global qubits and clbits of the instruction's arguments (the bodies' bits). */
  readonly qubits: readonly number[]
  readonly clbits: readonly number[]
}

function lowerControlFlow(
  op: Instruction & { readonly blocks: readonly QuantumCircuit[] },
  site: ControlFlowSite,
  ctx: Context,
): NoisyStep[] {
  const inner = (circuit: QuantumCircuit): Scope => ({
    circuit,
    qubits: site.qubits,
    clbits: site.clbits,
  })
  if (op instanceof IfElseOp) {
    const [trueBody, falseBody] = op.blocks
    return [
      {
        kind: 'conditional',
        condition: lowerCondition(op.condition, site.holder),
        then: lowerBody(inner(trueBody!), ctx),
        else: falseBody === undefined ? [] : lowerBody(inner(falseBody), ctx),
      },
    ]
  }
  if (op instanceof ForLoopOp) {
    return op.indexSet.flatMap((value) => {
      const body =
        op.loopParameter === undefined
          ? op.body
          : op.body.assignParameters(new Map([[op.loopParameter, value]]))
      return lowerBody(inner(body), ctx)
    })
  }
  if (op instanceof WhileLoopOp) {
    if (!ctx.noise.isIdeal()) {
      ctx.warnings.add('the bodies of while loops were simulated without noise')
    }
    const body = remapOps(compileCircuit(op.body).ops, {
      qubit: (q) => site.qubits[q]!,
      clbit: (c) => site.clbits[c]!,
    })
    const condition = lowerCondition(op.condition, site.holder)
    return [{ kind: 'ops', ops: [{ kind: 'while', condition, body }] }]
  }
  // `box`: its body, inline.
  return lowerBody(inner(op.blocks[0]!), ctx)
}

/** A condition over the clbits of `scope.circuit` (the holding circuit), as global clbits. */
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
