import type { Clbit, Qubit } from './bit.js'
import { circuitFactory } from './circuit-factory.js'
import { circuitInstruction, type CircuitInstruction } from './circuit-instruction.js'
import type { Condition } from './condition.js'
import { isControlFlowOp } from './control-flow.js'
import type { QuantumCircuit } from './quantum-circuit.js'

/** Builds a body on a scratch circuit that has every bit and register of the outer circuit. */
export type BodyBuilder = (body: QuantumCircuit) => void

/** Bodies built by {@link buildBodies}, compacted onto the bits they use. */
export interface BuiltBodies {
  /** One body per builder, all of the same width. */
  readonly bodies: QuantumCircuit[]
  /** The outer qubits the bodies act on, in body order. */
  readonly qubits: number[]
  /** The outer clbits the bodies (and the condition) use, in body order. */
  readonly clbits: number[]
}

function conditionOf(inst: CircuitInstruction): Condition | undefined {
  const op = inst.operation
  return inst.condition ?? (isControlFlowOp(op) ? op.condition : undefined)
}

function remapCondition(c: Condition, clbitMap: ReadonlyMap<number, number>): Condition {
  return c.kind === 'clbit' ? { ...c, clbit: clbitMap.get(c.clbit)! } : c
}

/** `scratch` rebuilt over the given outer bits only (same bit objects, fitting registers). */
function compact(
  scratch: QuantumCircuit,
  qubits: readonly number[],
  clbits: readonly number[],
): QuantumCircuit {
  const qubitMap = new Map(qubits.map((q, i) => [q, i]))
  const clbitMap = new Map(clbits.map((c, i) => [c, i]))
  const clbitObjects: Clbit[] = clbits.map((c) => scratch.clbits[c]!)
  const kept = new Set(clbitObjects)
  const cregs = scratch.cregs.filter((r) => r.bits.every((b) => kept.has(b)))
  const qubitObjects: Qubit[] = qubits.map((q) => scratch.qubits[q]!)
  const body = circuitFactory().createCircuit(qubitObjects, clbitObjects, ...cregs, {
    globalPhase: scratch.globalPhase,
  })
  body.replaceData(
    scratch.data.map((inst) => {
      let op = inst.operation
      if (isControlFlowOp(op) && op.condition !== undefined) {
        op = op.withCondition(remapCondition(op.condition, clbitMap))
      }
      return circuitInstruction({
        operation: op,
        qubits: inst.qubits.map((q) => qubitMap.get(q)!),
        clbits: inst.clbits.map((c) => clbitMap.get(c)!),
        condition:
          inst.condition === undefined ? undefined : remapCondition(inst.condition, clbitMap),
      })
    }),
  )
  return body
}

/**
 * Runs body builders the way Qiskit's `with qc.if_test(…)` blocks work: each builder writes to
 * a scratch copy of the outer circuit's bits (same indices, same registers), and the bodies are
 * then cut down to the bits any of them, or the condition, uses.
 *
 * @param outer - the circuit the control-flow operation goes into
 * @param builders - one per body
 * @param condition - the condition, whose bits join the clbits
 * @returns the bodies and the outer bits they map onto
 */
export function buildBodies(
  outer: QuantumCircuit,
  builders: readonly BodyBuilder[],
  condition?: Condition,
): BuiltBodies {
  const qubits = new Set<number>()
  const clbits = new Set<number>(condition === undefined ? [] : outer.conditionClbits(condition))
  const scratches = builders.map((build) => {
    const scratch = outer.copyEmptyLike()
    scratch.globalPhase = 0
    build(scratch)
    for (const inst of scratch.data) {
      inst.qubits.forEach((q) => qubits.add(q))
      inst.clbits.forEach((c) => clbits.add(c))
      const c = conditionOf(inst)
      if (c !== undefined) scratch.conditionClbits(c).forEach((b) => clbits.add(b))
    }
    return scratch
  })
  const q = [...qubits].sort((a, b) => a - b)
  const c = [...clbits].sort((a, b) => a - b)
  return { bodies: scratches.map((s) => compact(s, q, c)), qubits: q, clbits: c }
}
