import type { Instruction } from '../../circuit/instruction.js'
import { isStandardGate, standardGate } from '../../circuit/library/standard-gates.js'
import type { ParameterValue } from '../../circuit/parameter-expression.js'
import { addValues } from '../../circuit/parameter-functions.js'
import { hasKnownMatrix } from '../dag/dag-collect.js'
import type { DagCircuit } from '../dag/dag-circuit.js'
import type { DagNode, DagOpNode } from '../dag/dag-node.js'
import { qubitWire } from '../dag/dag-node.js'
import { blockUnitary, operationMatrix } from '../synthesis/block-unitary.js'
import { type CommutationChecker, identityPhase } from './commutation-checker.js'

/** Rotations whose angles add up: `g(a)·g(b) = g(a + b)`. `true` marks symmetric ones. */
const ADDITIVE: Readonly<Record<string, boolean>> = {
  rz: false,
  rx: false,
  ry: false,
  p: false,
  u1: false,
  rzz: true,
  rxx: true,
  ryy: true,
  cp: true,
  cu1: true,
  crz: false,
  crx: false,
  cry: false,
  rzx: false,
}

/** Members of a 1-qubit rotation family as `e^{i·phase}·R(angle)` (the family's rotation). */
const FAMILIES: Readonly<Record<string, { family: 'Z' | 'X'; angle: number; phase: number }>> = {
  z: { family: 'Z', angle: Math.PI, phase: Math.PI / 2 },
  s: { family: 'Z', angle: Math.PI / 2, phase: Math.PI / 4 },
  sdg: { family: 'Z', angle: -Math.PI / 2, phase: -Math.PI / 4 },
  t: { family: 'Z', angle: Math.PI / 4, phase: Math.PI / 8 },
  tdg: { family: 'Z', angle: -Math.PI / 4, phase: -Math.PI / 8 },
  x: { family: 'X', angle: Math.PI, phase: Math.PI / 2 },
  sx: { family: 'X', angle: Math.PI / 2, phase: Math.PI / 4 },
  sxdg: { family: 'X', angle: -Math.PI / 2, phase: -Math.PI / 4 },
}

/** What two gates on the same qubits become: one operation (or none) and the phase they leave. */
export interface CombinedGates {
  readonly operation: Instruction | undefined
  readonly phase: ParameterValue
}

/**
 * How to combine an earlier gate `a` with a later one `b` on the same qubits (`b` moved next
 * to `a`), or `undefined` to leave them.
 */
export type CombineGates = (a: DagOpNode, b: DagOpNode) => CombinedGates | undefined

/** Options of {@link cancelGates}. */
export interface CancelGatesOptions {
  /** How to decide commutation; without one only adjacent gates are combined. */
  readonly checker?: CommutationChecker | undefined
  /** How many gates to look past on each wire (default 32). */
  readonly maxWalk?: number | undefined
  /** How to combine a pair (default: cancel inverses, merge rotations). */
  readonly combine?: CombineGates | undefined
  /** Which nodes to move back towards a partner (default: all). */
  readonly filter?: ((node: DagOpNode) => boolean) | undefined
}

/**
 * Combines pairs of gates on the same qubits that meet once the gates between them (all
 * commuting with the later one) are stepped over: inverse pairs vanish (`cx·cx`, `s·sdg`,
 * `h·h`, any `g·g⁻¹` by matrix), rotations about one axis merge (`rz(a)·rz(b) → rz(a+b)`, also
 * across `p`, `s`, `t`, `z` and across `sx`, `x`, `rx`), merged identities vanish. The phases
 * go to the global phase. Works on a copy; returns `dag` itself when nothing changed.
 *
 * @param dag - the circuit
 * @param options - the commutation checker and how far to look
 * @returns the new DAG
 */
export function cancelGates(dag: DagCircuit, options: CancelGatesOptions = {}): DagCircuit {
  const maxWalk = options.checker === undefined ? 0 : (options.maxWalk ?? 32)
  let out: DagCircuit | undefined
  for (const original of dag.topologicalOpNodes()) {
    const current = out ?? dag
    if (!current.hasNode(original.id)) continue
    const node = current.node(original.id) as DagOpNode
    if (!isCandidate(node) || options.filter?.(node) === false) continue
    const found = findPartner(current, node, {
      checker: options.checker,
      maxWalk,
      combine: options.combine ?? combineDefault,
    })
    if (found === undefined) continue
    const { partner, combined } = found
    out ??= dag.copy()
    const p = out.node(partner.id) as DagOpNode
    out.removeOpNode(out.node(node.id) as DagOpNode)
    if (combined.operation === undefined) out.removeOpNode(p)
    else out.substituteNode(p, combined.operation)
    out.globalPhase = addValues(out.globalPhase, combined.phase)
  }
  return out ?? dag
}

function isCandidate(node: DagOpNode): boolean {
  const op = node.operation
  return (
    node.condition === undefined &&
    node.clbits.length === 0 &&
    node.qubits.length > 0 &&
    !op.isDirective &&
    'toMatrix' in op
  )
}

/** The earlier gate `node` combines with, if the gates between commute with it. */
function findPartner(
  dag: DagCircuit,
  node: DagOpNode,
  ctx: {
    readonly checker: CommutationChecker | undefined
    readonly maxWalk: number
    readonly combine: CombineGates
  },
): { partner: DagOpNode; combined: CombinedGates } | undefined {
  const [first, ...others] = node.qubits
  let partner: DagOpNode | undefined
  let combined: CombinedGates | undefined
  let p: DagNode = dag.wirePredecessor(node, qubitWire(first!))
  for (let steps = 0; p.kind === 'op'; steps++) {
    if (sameQubits(p, node) && isCandidate(p)) {
      combined = ctx.combine(p, node)
      if (combined !== undefined) {
        partner = p
        break
      }
    }
    if (steps >= ctx.maxWalk || ctx.checker?.commute(p, node) !== true) return undefined
    p = dag.wirePredecessor(p, qubitWire(first!))
  }
  if (partner === undefined || combined === undefined) return undefined
  for (const q of others) if (!reaches(dag, { node, partner, qubit: q, ...ctx })) return undefined
  return { partner, combined }
}

/** Whether walking back from `node` on `qubit` meets `partner` past commuting gates only. */
function reaches(
  dag: DagCircuit,
  ctx: {
    readonly node: DagOpNode
    readonly partner: DagOpNode
    readonly qubit: number
    readonly checker: CommutationChecker | undefined
    readonly maxWalk: number
  },
): boolean {
  const wire = qubitWire(ctx.qubit)
  let r: DagNode = dag.wirePredecessor(ctx.node, wire)
  for (let steps = 0; r.id !== ctx.partner.id; steps++) {
    if (r.kind !== 'op' || steps >= ctx.maxWalk || ctx.checker?.commute(r, ctx.node) !== true) {
      return false
    }
    r = dag.wirePredecessor(r, wire)
  }
  return true
}

function sameQubits(a: DagOpNode, b: DagOpNode): boolean {
  return a.qubits.length === b.qubits.length && a.qubits.every((q) => b.qubits.includes(q))
}

/** A cheap test before {@link combine}: names that can merge, or bound gates with matrices. */
function canCombine(a: DagOpNode, b: DagOpNode): boolean {
  const x = a.operation
  const y = b.operation
  if (x.name === y.name && x.name in ADDITIVE) return orderOk(a, b)
  if (familyOf(x) !== undefined && familyOf(x) === familyOf(y)) return true
  return hasKnownMatrix(x) && hasKnownMatrix(y)
}

function orderOk(a: DagOpNode, b: DagOpNode): boolean {
  if (a.qubits.length === 1 || ADDITIVE[a.operation.name] === true) return true
  return a.qubits.every((q, i) => b.qubits[i] === q)
}

/**
 * What `a` then `b` (same qubits) become: one operation (or none) and a phase; `undefined`
 * when they do not combine.
 */
function combineDefault(a: DagOpNode, b: DagOpNode): CombinedGates | undefined {
  if (!canCombine(a, b)) return undefined
  const x = a.operation
  const y = b.operation
  if (x.name === y.name && x.name in ADDITIVE && isStandardGate(x) && isStandardGate(y)) {
    return simplified(x.withParams([addValues(x.params[0]!, y.params[0]!)]), 0)
  }
  const merged = mergeFamily(x, y)
  if (merged !== undefined) return merged
  if (!hasKnownMatrix(x) || !hasKnownMatrix(y)) return undefined
  const phase = identityPhase(blockUnitary([a, b], a.qubits))
  return phase === undefined ? undefined : { operation: undefined, phase }
}

/** The merged rotation, dropped with its phase when it is (a multiple of) the identity. */
function simplified(op: Instruction, phase: ParameterValue): CombinedGates {
  if (op.isParameterized()) return { operation: op, phase }
  const idPhase = identityPhase(operationMatrix(op))
  return idPhase === undefined
    ? { operation: op, phase }
    : { operation: undefined, phase: addValues(phase, idPhase) }
}

function familyOf(op: Instruction): 'Z' | 'X' | undefined {
  if (!isStandardGate(op)) return undefined
  const known = FAMILIES[op.name]
  if (known !== undefined) return known.family
  if (op.name === 'rz' || op.name === 'p' || op.name === 'u1') return 'Z'
  if (op.name === 'rx') return 'X'
  return undefined
}

/** `op` as `e^{i·phase}·R(angle)` in its family, for bound gates. */
function asRotation(op: Instruction): { angle: number; phase: number } | undefined {
  const known = FAMILIES[op.name]
  if (known !== undefined) return known
  const v = op.params[0]
  if (typeof v !== 'number') return undefined
  if (op.name === 'p' || op.name === 'u1') return { angle: v, phase: v / 2 }
  return { angle: v, phase: 0 }
}

/** Two gates of one rotation family (different names) as one rotation. */
function mergeFamily(x: Instruction, y: Instruction): CombinedGates | undefined {
  const family = familyOf(x)
  if (family === undefined || family !== familyOf(y)) return undefined
  const rx = asRotation(x)
  const ry = asRotation(y)
  if (rx === undefined || ry === undefined) return undefined
  const angle = rx.angle + ry.angle
  const phase = rx.phase + ry.phase
  return family === 'Z'
    ? mergedZ([x.name, y.name], angle, phase)
    : mergedX([x.name, y.name], angle, phase)
}

/** `e^{i·phase}·rz(angle)`, written with a parametric Z gate the pair already uses. */
function mergedZ(names: readonly string[], angle: number, phase: number): CombinedGates {
  const name = names.find((n) => n === 'rz' || n === 'p' || n === 'u1')
  if (name === 'p' || name === 'u1') {
    // p(λ) = e^{iλ/2}·rz(λ)
    return simplified(standardGate(name, [angle]), phase - angle / 2)
  }
  return simplified(standardGate('rz', [angle]), phase)
}

/**
 * `e^{i·phase}·rx(angle)` as `rx` when the pair has one, else as `x` or `sx` when the angle
 * allows (targets often have `sx` and `x` but no `rx`), else not merged.
 */
function mergedX(
  names: readonly string[],
  angle: number,
  phase: number,
): CombinedGates | undefined {
  if (names.includes('rx')) return simplified(standardGate('rx', [angle]), phase)
  // rx(θ + 2π) = −rx(θ): reduce to (−π, π] and move the sign into the phase.
  const turns = Math.round(angle / (2 * Math.PI))
  const reduced = angle - 2 * Math.PI * turns
  const p = phase + Math.PI * turns
  const close = (v: number): boolean => Math.abs(reduced - v) < 1e-12
  if (close(0)) return { operation: undefined, phase: p }
  for (const name of ['x', 'sx', 'sxdg'] as const) {
    const f = FAMILIES[name]!
    if (names.includes(name) && close(f.angle)) {
      return { operation: standardGate(name), phase: p - f.phase }
    }
  }
  if (close(Math.PI)) return { operation: standardGate('x'), phase: p - Math.PI / 2 }
  if (close(-Math.PI)) return { operation: standardGate('x'), phase: p + Math.PI / 2 }
  return undefined
}
